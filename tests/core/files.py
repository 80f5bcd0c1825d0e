"""Real small files for upload tests, made at import time: a valid PDF, PDFs that are broken
or carry active content, images (one declaring 100,000 × 100,000 pixels)."""

from __future__ import annotations

import io
import struct
import zlib

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from thidua.demo.scenario import sample_pdf

PDF_BYTES = sample_pdf()


def _pdf(extra) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    extra(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _catalog_entry(key: str, value) -> bytes:
    return _pdf(lambda w: w._root_object.__setitem__(NameObject(key), value))


def _js_action() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('x')"),
        }
    )


def _launch_action() -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )


def _embedded(writer: PdfWriter) -> None:
    writer.add_attachment("virus.exe", b"MZ\x90\x00")


def _page_aa(writer: PdfWriter) -> None:
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): _launch_action()})


PDF_JAVASCRIPT = _catalog_entry(
    "/Names",
    DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("a"), _js_action()])}
            )
        }
    ),
)
PDF_OPEN_ACTION = _catalog_entry("/OpenAction", _js_action())
PDF_LAUNCH = _catalog_entry("/OpenAction", _launch_action())
PDF_EMBEDDED = _pdf(_embedded)
PDF_PAGE_AA = _pdf(_page_aa)
# An /OpenAction that only says where to open (as fpdf2 and Word write) is harmless.
PDF_OPEN_AT_PAGE = _pdf(
    lambda w: w._root_object.__setitem__(
        NameObject("/OpenAction"),
        ArrayObject([w.pages[0].indirect_reference, NameObject("/Fit")]),
    )
)
PDF_PASSWORD = _pdf(lambda w: w.encrypt("mat-khau", "mat-khau", algorithm="RC4-128"))
# Only an owner password (printing, copying limited): it opens without one, so it is accepted.
PDF_OWNER_PASSWORD = _pdf(lambda w: w.encrypt("", "chu-so-huu", algorithm="RC4-128"))
PDF_TRUNCATED = PDF_BYTES[: len(PDF_BYTES) // 2]
PDF_FAKE = b"%PDF-1.4\n%%EOF\n"
PDF_NO_PAGES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png(width: int, height: int, pixels: bytes | None = None) -> bytes:
    """A PNG with the declared size; its pixel data is a real image only when small."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    if pixels is None:
        pixels = zlib.compress(b"".join(b"\0" + b"\x80" * width for _ in range(min(height, 64))))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg(width: int = 8, height: int = 8) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "JPEG")
    return buffer.getvalue()


PNG_SMALL = png(4, 4)
PNG_BOMB = png(100_000, 100_000, zlib.compress(b"\0" * 1000))
PNG_TRUNCATED = PNG_SMALL[:-20]


def jpeg_declaring(width: int, height: int) -> bytes:
    """A real small JPEG whose frame header is rewritten to declare another size."""
    data = bytearray(jpeg())
    at = data.index(b"\xff\xc0") + 5
    data[at : at + 4] = struct.pack(">HH", height, width)
    return bytes(data)


def formatted_to_the_last_row(xlsx: bytes, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """The workbook with formatted empty cells added down to row 1,048,576 of one sheet, as
    Excel writes them when a unit formats whole columns of the template."""
    import re
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == part:
                last = max(int(n) for n in re.findall(rb'<row r="(\d+)"', data))
                blank = "".join(
                    f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/>'
                    "</row>"
                    for r in range(last + 1, 1_048_577)
                ).encode()
                data = data.replace(b"</sheetData>", blank + b"</sheetData>")
                data = re.sub(
                    rb'<dimension ref="([A-Z]+1):[A-Z]+\d+"', rb'<dimension ref="\1:Z1048576"', data
                )
            new.writestr(item, data)
    return out.getvalue()
