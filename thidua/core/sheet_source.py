"""Where the rows of an imported list come from: the right sheet of an Excel workbook, or a
CSV file (even one renamed .xlsx), as ``(row number, values)`` for the rows that have a value.

- The sheet read is the one named by the caller (the template's sheet), else the active one,
  never a hidden sheet; a workbook with hidden sheets gets a notice saying what was read.
- Rows that hold no value (formatted down to row 1,048,576, as a whole-column format leaves
  them) are never produced, and their formatting is not kept in memory.
- A formula cell without a cached value (a file written by a program that does not compute
  formulas) reads as ``NO_CACHED_VALUE``, so the caller names the cell instead of reading an
  empty value.
- A CSV is read as UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1258; when its
  text cannot be read as Vietnamese in any of them, it is refused with a message saying it is
  a CSV to save as .xlsx.

The workbook is parsed with openpyxl's read-only sheet parser (openpyxl is pinned), row by
row, without building the empty rows between the ones that hold values (``sheet_workbook``,
imported only when a workbook is read: openpyxl is slow to import and this module is reached
at start-up).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

CSV_UNREADABLE = (
    "Tệp là tệp CSV (văn bản), không phải tệp Excel, và không đọc được bảng mã của nó: "
    "hãy mở tệp bằng Excel rồi lưu thành “Excel Workbook (.xlsx)” và tải lên lại."
)
NOT_A_WORKBOOK = "Không đọc được tệp Excel (.xlsx)."
# Letters and marks of Vietnamese text (after NFD) and the punctuation office files use.
_VIETNAMESE_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0111\u0110")
_OFFICE_PUNCTUATION = set("\u00a0\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u2022\u00b0\u00ba")
_BINARY_MAGIC = (b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"MZ")


class _NoCachedValue:
    """A formula cell whose result was never computed and saved."""

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "NO_CACHED_VALUE"


NO_CACHED_VALUE: Any = _NoCachedValue()


@dataclass
class Source:
    """The rows of the sheet read (lazily), the sheet's title and notices for the user."""

    title: str
    rows: Iterator[tuple[int, tuple[Any, ...]]]
    notices: list[str] = field(default_factory=list)
    is_csv: bool = False


def looks_like_text(head: bytes) -> bool:
    """True when the first bytes of a file are text (a CSV), not a known binary format."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if not head or head.startswith(_BINARY_MAGIC) or b"\0" in head:
        return False
    return any(mark in head for mark in (b"\n", b",", b";", b"\t"))  # rows or columns


def open_rows(uploaded: IO[bytes], *, sheet_name: str | None = None) -> tuple[Source | None, str]:
    """The rows of the list in ``uploaded`` (an .xlsx workbook or a CSV), or None and why."""
    uploaded.seek(0)
    head = uploaded.read(4096)
    uploaded.seek(0)
    if looks_like_text(head):
        return _csv_source(uploaded)
    from .sheet_workbook import workbook_source  # openpyxl: only for a workbook

    return workbook_source(uploaded, sheet_name=sheet_name)


def _csv_source(uploaded: IO[bytes]) -> tuple[Source | None, str]:
    data = uploaded.read()
    uploaded.seek(0)
    text = _decode(data)
    if text is None:
        return None, CSV_UNREADABLE
    text = unicodedata.normalize("NFC", text)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    notice = (
        "Tệp là tệp CSV (văn bản), không phải tệp Excel: hệ thống đã đọc được. Lần sau hãy "
        "dùng tệp mẫu .xlsx để giữ đúng ngày tháng và số."
    )
    return Source("CSV", _csv_rows(text, dialect), [notice], is_csv=True), ""


def _csv_rows(text: str, dialect: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        values = tuple(v if v.strip() else None for v in row)
        if any(v is not None for v in values):
            yield number, values


def _decode(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    return text if _reads_as_vietnamese(text) else None


def _reads_as_vietnamese(text: str) -> bool:
    """Windows-1258 decodes almost any bytes; the text is kept only when every letter outside
    ASCII is a Vietnamese one (TCVN3 or VNI bytes give letters Vietnamese never uses)."""
    foreign = sum(
        1
        for ch in unicodedata.normalize("NFD", text)
        if ord(ch) > 127 and ch not in _VIETNAMESE_MARKS and ch not in _OFFICE_PUNCTUATION
    )
    return foreign == 0
