"""Looking inside an uploaded PDF or image before anything is stored.

A PDF is parsed for real (pypdf): a truncated or broken file is refused, and so is one that
carries active content: JavaScript, an action run on opening or on an event (``/OpenAction``
with an action, ``/AA``), a program to launch, or embedded files. An ``/OpenAction`` that is
only a destination (open at page 1, fit width), as most PDF writers add, is harmless and kept.

An image's width and height are read from its header, before any pixel is decoded: a small
PNG that declares 100,000 × 100,000 pixels (a decompression bomb) is refused.
"""

from __future__ import annotations

import logging
import struct
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError

BROKEN_PDF = (
    "Tệp PDF bị hỏng hoặc không trọn vẹn (có thể tải lên bị gián đoạn): "
    "hãy xuất lại tệp PDF rồi tải lên lại."
)
ACTIVE_PDF = (
    "Tệp PDF có nội dung chủ động ({what}) không được chấp nhận: hãy in lại tệp ra PDF "
    "(Microsoft Print to PDF, Lưu thành PDF) rồi tải lên."
)
ENCRYPTED_PDF = "Tệp PDF có mật khẩu không được chấp nhận: hãy gỡ mật khẩu rồi tải lên lại."
BROKEN_IMAGE = "Tệp ảnh bị hỏng hoặc không trọn vẹn: hãy lưu lại ảnh rồi tải lên lại."
MAX_PDF_OBJECTS = 200_000
MAX_IMAGE_PIXELS = 50_000_000  # a 50-megapixel photo; setting THIDUA_MAX_IMAGE_PIXELS

# Keys of a PDF dictionary that make the reader run something.
ACTIVE_KEYS = {
    "/JavaScript": "JavaScript",
    "/JS": "JavaScript",
    "/AA": "hành động tự chạy",
    "/Launch": "lệnh chạy chương trình",
    "/EmbeddedFiles": "tệp đính kèm bên trong",
    "/EmbeddedFile": "tệp đính kèm bên trong",
    "/RichMedia": "nội dung đa phương tiện",
}
# Action types (``/S``) that run code, open programs or send data away.
ACTIVE_ACTIONS = {
    "/JavaScript": "JavaScript",
    "/Launch": "lệnh chạy chương trình",
    "/SubmitForm": "gửi dữ liệu ra ngoài",
    "/ImportData": "nhập dữ liệu",
    "/GoToE": "tệp đính kèm bên trong",
    "/RichMediaExecute": "nội dung đa phương tiện",
}


def check_pdf(uploaded: IO[bytes]) -> None:
    """ValidationError unless ``uploaded`` is a whole, readable PDF without active content."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    uploaded.seek(0, 2)
    size = uploaded.tell()
    uploaded.seek(max(0, size - 1024))
    tail = uploaded.read()
    uploaded.seek(0)
    if b"%%EOF" not in tail:  # a cut upload loses its end first
        raise ValidationError(BROKEN_PDF)
    pypdf_log = logging.getLogger("pypdf")
    level, pypdf_log.level = pypdf_log.level, logging.ERROR + 10
    try:
        reader = PdfReader(uploaded, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(ENCRYPTED_PDF)
        if len(reader.pages) == 0:
            raise ValidationError(BROKEN_PDF)
        for page in reader.pages:  # every page must resolve
            page.mediabox  # noqa: B018
        found = _active_content(reader.trailer)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError) as error:
        raise ValidationError(BROKEN_PDF) from error
    except Exception as error:  # pypdf may raise others on hostile input; judged broken
        raise ValidationError(BROKEN_PDF) from error
    finally:
        pypdf_log.level = level
        uploaded.seek(0)
    if found:
        raise ValidationError(ACTIVE_PDF.format(what=found))


def _active_content(trailer: Any) -> str | None:
    """The first kind of active content reachable from the trailer, walking every object
    once (no stream is decoded)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [trailer]
    visited = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValidationError(BROKEN_PDF)
        if isinstance(node, DictionaryObject):
            for name, value in node.items():
                if name in ACTIVE_KEYS:
                    return ACTIVE_KEYS[name]
                if name == "/S" and value in ACTIVE_ACTIONS:
                    return ACTIVE_ACTIONS[value]
                if name == "/OpenAction":
                    action = value.get_object() if isinstance(value, IndirectObject) else value
                    if isinstance(action, DictionaryObject) and action.get("/S") != "/GoTo":
                        return "hành động tự chạy khi mở tệp"
                if name != "/Parent":  # the page tree's way back up: already on the stack
                    stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return None


def image_size(uploaded: IO[bytes], kind: str) -> tuple[int, int]:
    """(width, height) read from the header of a PNG or a JPEG, nothing decoded."""
    uploaded.seek(0)
    try:
        if kind == "png":
            head = uploaded.read(24)
            if len(head) < 24 or head[12:16] != b"IHDR":
                raise ValidationError(BROKEN_IMAGE)
            return struct.unpack(">II", head[16:24])
        return _jpeg_size(uploaded)
    finally:
        uploaded.seek(0)


def _jpeg_size(stream: IO[bytes]) -> tuple[int, int]:
    stream.read(2)  # SOI
    while True:
        byte = stream.read(1)
        while byte and byte != b"\xff":
            byte = stream.read(1)
        while byte == b"\xff":
            byte = stream.read(1)
        if not byte:
            raise ValidationError(BROKEN_IMAGE)
        marker = byte[0]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue  # markers without a length
        length_bytes = stream.read(2)
        if len(length_bytes) < 2:
            raise ValidationError(BROKEN_IMAGE)
        (length,) = struct.unpack(">H", length_bytes)
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            frame = stream.read(5)
            if len(frame) < 5:
                raise ValidationError(BROKEN_IMAGE)
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        if length < 2:
            raise ValidationError(BROKEN_IMAGE)
        stream.seek(length - 2, 1)


def check_image(uploaded: IO[bytes], kind: str) -> None:
    """ValidationError when the image declares too many pixels (checked before decoding) or
    is broken (the structure is verified without decoding the pixels)."""
    width, height = image_size(uploaded, kind)
    limit = getattr(settings, "THIDUA_MAX_IMAGE_PIXELS", MAX_IMAGE_PIXELS)
    if width == 0 or height == 0:
        raise ValidationError(BROKEN_IMAGE)
    if width * height > limit:
        raise ValidationError(
            f"Ảnh quá lớn ({width:,} × {height:,} điểm ảnh); tối đa "
            f"{limit // 1_000_000} triệu điểm ảnh: hãy thu nhỏ ảnh rồi tải lên lại.".replace(
                ",", "."
            )
        )
    from PIL import Image

    try:
        with Image.open(uploaded) as image:
            image.verify()
    except Exception as error:  # Pillow raises many kinds on a broken image
        raise ValidationError(BROKEN_IMAGE) from error
    finally:
        uploaded.seek(0)
