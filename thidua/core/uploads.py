"""Uploaded files are judged by their content, never by their name.

Accepted: PDF, DOCX, XLSX, PNG and JPEG. Office files are ZIP packages: they are opened to
tell a document from a spreadsheet, refused when they carry macros, and refused when they
would unpack to more than a sane size (a zip bomb disguised as .xlsx).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

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


def detect_kind(uploaded, allowed: tuple[str, ...] | None = None) -> FileKind:
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
    else:
        raise ValidationError(f"Nội dung tệp không phải {ACCEPTED}: tệp không được chấp nhận.")
    if allowed and kind.code not in allowed:
        wanted = ", ".join(KINDS[c].label for c in allowed)
        raise ValidationError(f"Tệp có nội dung {kind.label}; cần tệp {wanted}.")
    return kind


def _office_kind(uploaded) -> FileKind:
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
