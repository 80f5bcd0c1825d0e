"""Uploaded files are judged by their content, never by their name.

Accepted: PDF, DOCX, XLSX, PNG and JPEG. Office files are ZIP packages: they are opened to
tell a document from a spreadsheet, refused when they carry macros, and refused when they
would unpack to more than a sane size (a zip bomb disguised as .xlsx). A PDF is parsed for
real and an image's size is read from its header (``filechecks``): broken files and active
content are refused before anything is stored.

``safe_name`` makes the name a user's file came with fit to show and to offer back for
download; ``discard_on_error`` deletes the files saved in a block that fails, so a refused
request leaves nothing on disk (``thidua find_orphan_files`` finds what a crash left).
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from . import filechecks
from .sheet_source import looks_like_text
from .web import DOCX, XLSX


@dataclass(frozen=True)
class FileKind:
    code: str
    label: str
    content_type: str
    extension: str


KINDS = {
    k.code: k
    for k in [
        FileKind("pdf", "PDF", "application/pdf", ".pdf"),
        FileKind(
            "docx",
            "Word (DOCX)",
            DOCX,
            ".docx",
        ),
        FileKind(
            "xlsx",
            "Excel (XLSX)",
            XLSX,
            ".xlsx",
        ),
        FileKind("png", "Ảnh PNG", "image/png", ".png"),
        FileKind("jpg", "Ảnh JPEG", "image/jpeg", ".jpg"),
    ]
}
ACCEPTED = "PDF, DOCX, XLSX, PNG, JPEG"
MAX_ZIP_ENTRIES = 5000


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def detect_kind(uploaded: Any, allowed: tuple[str, ...] | None = None) -> FileKind:
    """The kind of ``uploaded`` (a Django UploadedFile) from its bytes; ValidationError if the
    file is empty, too large, of another format, macro-enabled or a zip bomb."""
    limit = settings.THIDUA_MAX_UPLOAD_BYTES
    if uploaded.size == 0:
        raise ValidationError("Tệp rỗng (0 byte): hãy chọn lại tệp.")
    if uploaded.size > limit:
        raise ValidationError(
            f"Tệp quá lớn ({_megabytes(uploaded.size)}); dung lượng tối đa là {_megabytes(limit)}."
        )
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        kind = KINDS["pdf"]
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = KINDS["png"]
    elif head.startswith(b"\xff\xd8\xff"):
        kind = KINDS["jpg"]
    elif head.startswith(b"PK\x03\x04"):
        kind = _office_kind(uploaded)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            "Tệp Word/Excel định dạng cũ (.doc, .xls) không được chấp nhận: "
            "hãy lưu lại thành .docx hoặc .xlsx."
        )
    elif looks_like_text(uploaded.read(4096)):
        uploaded.seek(0)
        raise ValidationError(
            "Tệp là tệp CSV (văn bản), không phải tệp Excel: hãy mở bằng Excel rồi lưu thành "
            "“Excel Workbook (.xlsx)” và tải lên lại."
        )
    else:
        raise ValidationError(f"Nội dung tệp không phải {ACCEPTED}: tệp không được chấp nhận.")
    if allowed and kind.code not in allowed:
        wanted = ", ".join(KINDS[c].label for c in allowed)
        raise ValidationError(f"Tệp có nội dung {kind.label}; cần tệp {wanted}.")
    if kind.code == "pdf":
        filechecks.check_pdf(uploaded)
    elif kind.code in ("png", "jpg"):
        filechecks.check_image(uploaded, kind.code)
    return kind


def _office_kind(uploaded: Any) -> FileKind:
    try:
        with zipfile.ZipFile(uploaded) as package:
            entries = package.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise ValidationError("Tệp nén có quá nhiều thành phần: tệp không được chấp nhận.")
            # Declared sizes bound what zipfile will ever inflate, so checking them is enough.
            unpacked = sum(e.file_size for e in entries)
            if unpacked > settings.THIDUA_MAX_UNPACKED_BYTES:
                raise ValidationError(
                    "Tệp giải nén ra dung lượng bất thường (nghi tệp độc hại): "
                    "tệp không được chấp nhận."
                )
            names = {e.filename for e in entries}
            content_types = (
                package.read("[Content_Types].xml").lower()
                if "[Content_Types].xml" in names
                else b""
            )
    except zipfile.BadZipFile as error:
        raise ValidationError("Tệp Office bị hỏng, không mở được.") from error
    finally:
        uploaded.seek(0)
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroenabled" in content_types:
        raise ValidationError(
            "Tệp Office có chứa macro (.docm, .xlsm…) không được chấp nhận: "
            "hãy lưu lại thành .docx hoặc .xlsx không có macro."
        )
    if "word/document.xml" in names:
        return KINDS["docx"]
    if "xl/workbook.xml" in names:
        return KINDS["xlsx"]
    raise ValidationError(f"Nội dung tệp không phải {ACCEPTED}: tệp không được chấp nhận.")


# Characters a file name never keeps: path separators, characters Windows refuses, controls
# and the invisible format characters (a right-to-left override makes "gpj.exe" look like
# "exe.jpg").
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def safe_name(name: str | None, default: str = "tep") -> str:
    """The name a user's file came with, NFC-normalised and safe to show and to send back in
    a download: no folder, no control or invisible characters, no leading dot, at most 255
    characters with the extension kept."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = re.split(r"[\\/]", text)[-1]  # only the last part of a path
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc", "Co", "Cs"))
    text = " ".join(_UNSAFE.sub("_", text).split()).strip(" .")
    if not text:
        return default
    if len(text) > 255:
        stem, dot, extension = text.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            text = stem[: 254 - len(extension)] + "." + extension
        else:
            text = text[:255]
    return text


@dataclass
class SavedFiles:
    """The files saved inside ``discard_on_error``; each is deleted again if the block fails."""

    saved: list[Any] = field(default_factory=list)

    def save(self, field_file: Any, name: str, content: Any) -> None:
        """``field_file.save(name, content, save=False)``, remembered for the clean-up."""
        field_file.save(name, content, save=False)
        self.saved.append((field_file.storage, field_file.name))

    def discard(self) -> None:
        for storage, name in self.saved:
            try:
                storage.delete(name)
            except OSError:  # the orphan command will find it
                pass
        self.saved.clear()


@contextmanager
def discard_on_error() -> Iterator[SavedFiles]:
    """Wrap the transaction that stores a row with its file: when anything in the block
    raises (the row is refused, the audit fails, the commit fails), the files saved through
    the yielded ``SavedFiles`` are deleted, so nothing is left on disk without its row.

        with uploads.discard_on_error() as files, transaction.atomic():
            files.save(document.file, "upload", uploaded)
            document.save()
    """
    files = SavedFiles()
    try:
        yield files
    except BaseException:
        files.discard()
        raise
