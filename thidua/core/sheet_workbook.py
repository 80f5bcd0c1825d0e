"""The rows of an .xlsx workbook, for ``sheet_source``: openpyxl's read-only sheet parser
(openpyxl is pinned), row by row, without building the empty rows between the ones that hold
values. A module of its own so that openpyxl is imported only when a workbook is read."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from .sheet_source import NO_CACHED_VALUE, NOT_A_WORKBOOK, Source
from .text import text_key

# A row that holds nothing but formatted empty cells, as Excel writes them down to row
# 1,048,576 when whole columns are formatted. Only rows numbered by their "r" attribute are
# dropped, so the numbers of the other rows stay right.
_EMPTY_ROW = re.compile(rb'<row [^>]*?\br="\d+"[^>]*(?:/>|>(?:<c [^>]*/>)*</row>)')
_CHUNK = 1 << 20


class _WithoutEmptyRows(io.RawIOBase):
    """The sheet's XML with the empty rows cut out (by one C-speed regular expression per
    megabyte) before the XML parser builds an element for each of them."""

    def __init__(self, raw: IO[bytes]):
        self.raw, self.pending, self.ready = raw, b"", b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.ready:
            chunk = self.raw.read(_CHUNK)
            if not chunk:
                self.ready, self.pending = _EMPTY_ROW.sub(b"", self.pending), b""
                break
            data = self.pending + chunk
            cut = data.rfind(b"</row>")
            cut = cut + 6 if cut >= 0 else data.rfind(b">") + 1
            self.ready, self.pending = _EMPTY_ROW.sub(b"", data[:cut]), data[cut:]
        size = min(len(buffer), len(self.ready))
        buffer[:size] = self.ready[:size]
        self.ready = self.ready[size:]
        return size


class _Parser(WorkSheetParser):
    row_counter: int
    col_counter: int

    def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
        number = row.get("r")
        self.row_counter = int(float(number)) if number else self.row_counter + 1
        self.col_counter = 0
        cells = []
        for element in row:
            if len(element):  # a value, a formula or inline text
                cells.append(self.parse_cell(element))
            else:  # a formatted empty cell: only counted, never kept
                self.col_counter += 1
        return self.row_counter, cells

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell = super().parse_cell(element)
        if cell["value"] is None and self.data_only and element.find(FORMULA_TAG) is not None:
            cell["value"] = NO_CACHED_VALUE
        return cell


def workbook_source(
    uploaded: IO[bytes], *, sheet_name: str | None = None
) -> tuple[Source | None, str]:
    """The rows of the sheet to read in the workbook ``uploaded``, or None and why."""
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a broken file
        return None, NOT_A_WORKBOOK
    sheets = workbook.worksheets
    visible = [s for s in sheets if s.sheet_state == "visible"]
    if not visible:
        workbook.close()
        return None, NOT_A_WORKBOOK
    chosen = None
    if sheet_name:
        chosen = next((s for s in visible if text_key(s.title) == text_key(sheet_name)), None)
    if chosen is None:
        active = workbook.active
        chosen = active if active in visible else visible[0]
    notices = []
    hidden = [s.title for s in sheets if s.sheet_state != "visible"]
    if hidden:
        names = ", ".join(f"“{t}”" for t in hidden)
        notices.append(
            f"Tệp có {len(hidden)} trang tính bị ẩn ({names}); hệ thống chỉ đọc trang "
            f"“{chosen.title}”, không đọc trang ẩn."
        )
    return Source(chosen.title, _workbook_rows(workbook, chosen), notices), ""


def _workbook_rows(workbook: Any, sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    try:
        with workbook._archive.open(sheet._worksheet_path) as raw:
            parser = _Parser(
                io.BufferedReader(_WithoutEmptyRows(raw), _CHUNK),
                sheet._shared_strings,
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            for number, cells in parser.parse():
                if not cells:
                    continue
                values: list[Any] = [None] * cells[-1]["column"]
                for cell in cells:
                    column = cell["column"]
                    if column > len(values):
                        values.extend([None] * (column - len(values)))
                    values[column - 1] = cell["value"]
                yield number, tuple(values)
    finally:
        workbook.close()
