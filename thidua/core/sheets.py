"""Reading a list from an Excel file, the same way for every import (candidates, staff,
accounts, ratings, legacy awards).

Columns are found by their header text (case, Unicode form and spacing do not matter), so a
unit may reorder them or add its own. Blank rows are skipped; every refused cell becomes a
``RowError`` naming its row and column letter with a Vietnamese reason. The reader writes
nothing: the caller decides to store nothing (the default) or only the clean rows.

openpyxl is imported inside the functions that need it: many modules the URLconf reaches
import this one, and openpyxl is slow to import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import IO, Any

from django.conf import settings

from . import uploads
from .sheet_source import NO_CACHED_VALUE, looks_like_text, open_rows
from .spreadsheet import put_value
from .text import text_key

HEADER_SEARCH_ROWS = 10  # the header may sit under a title block
# Headers of a row-number column: a row holding only its number is blank (pre-numbered lists).
ROW_NUMBER_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}
NO_CACHED_MESSAGE = (
    "Ô {cell} chứa công thức nhưng chưa có giá trị tính sẵn (tệp được tạo bằng chương trình "
    "khác): hãy mở tệp bằng Excel và lưu lại rồi tải lên."
)
CSV_AS_XLSX = (
    "Tệp là tệp CSV (văn bản), không phải tệp Excel: hãy mở bằng Excel rồi lưu thành "
    "“Excel Workbook (.xlsx)” theo mẫu tải về từ hệ thống."
)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int = 16
    required: bool = True
    is_row_number: bool = False  # STT: a row holding only this value is blank


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Sheet:
    """The rows of a list, each as ``{column key: raw value}``, with their Excel row number."""

    header_row: int
    letters: dict[str, str]  # column key → column letter, for error messages
    errors: list[RowError] = field(default_factory=list)
    _rows: Iterator[tuple[int, dict[str, Any]]] = field(default=iter(()), repr=False)
    notices: list[str] = field(default_factory=list)  # e.g. "the workbook has hidden sheets"
    title: str = ""  # the sheet read

    def rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        return self._rows

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, self.letters.get(column, ""), message))


def build_template(
    title: str,
    columns: list[Column],
    guide: list[str],
    *,
    rows: list[list[Any]] | None = None,
    choices: dict[str, list[str]] | None = None,
    max_rows: int = 20000,
) -> bytes:
    """An empty list to fill in (or pre-filled ``rows``): bold headers, a "Hướng dẫn" sheet, and
    drop-down lists for the columns in ``choices`` (values kept on a sheet of their own, so a
    long list of names is no problem). Every text is written as text, never as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for col, column in enumerate(columns, start=1):
        cell = put_value(sheet, 1, col, column.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FDE9D9")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    sheet.freeze_panes = "A2"
    for r, values in enumerate(rows or [], start=2):
        for col, value in enumerate(values, start=1):
            put_value(sheet, r, col, value)
    help_sheet = workbook.create_sheet("Hướng dẫn")
    for r, line in enumerate(guide, start=1):
        put_value(help_sheet, r, 1, line)
    help_sheet.column_dimensions["A"].width = 110
    for key, values in (choices or {}).items():
        col = next(i for i, c in enumerate(columns, start=1) if c.key == key)
        list_sheet = workbook.create_sheet(f"DS {col}")
        for r, value in enumerate(values, start=1):
            put_value(list_sheet, r, 1, value)
        if values:
            validation = DataValidation(
                type="list", formula1=f"='DS {col}'!$A$1:$A${len(values)}", allow_blank=True
            )
            sheet.add_data_validation(validation)
            letter = get_column_letter(col)
            validation.add(f"{letter}2:{letter}{max_rows}")
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_list_file(uploaded: Any) -> None:
    """ValidationError unless ``uploaded`` is, by its content, an .xlsx workbook or a CSV
    text (which ``read_sheet`` reads too): size, macros and zip bombs as for every upload."""
    uploaded.seek(0)
    head = uploaded.read(4096)
    uploaded.seek(0)
    if looks_like_text(head):
        if uploaded.size > settings.THIDUA_MAX_UPLOAD_BYTES:
            uploads.detect_kind(uploaded)  # says the file is too large
        return
    uploads.detect_kind(uploaded, allowed=("xlsx",))


def read_sheet(
    uploaded: IO[bytes],
    columns: list[Column],
    *,
    max_rows: int,
    sheet_name: str | None = None,
) -> tuple[Sheet | None, list[RowError]]:
    """Open the workbook (or CSV) and find the header. Returns the sheet (rows read lazily) or,
    when the file or its header is unusable, None and the errors that say why.

    The sheet read is ``sheet_name`` (the template's sheet) when the workbook has it, else the
    active sheet, never a hidden one (``Sheet.notices`` says so when there are hidden sheets).
    Only rows holding a value count against ``max_rows``; a row whose only value is its row
    number (a column marked ``is_row_number`` or headed "STT") is blank."""
    source, problem = open_rows(uploaded, sheet_name=sheet_name)
    if source is None:
        return None, [RowError(0, "", problem)]
    wanted = {text_key(c.header): c.key for c in columns}
    numbering = {text_key(c.header) for c in columns if c.is_row_number} | ROW_NUMBER_HEADERS
    header_row, positions, skip = 0, {}, set()
    for seen, (index, values) in enumerate(source.rows, start=1):
        keys = [text_key(v) for v in values]
        found = {wanted[k]: i for i, k in enumerate(keys) if k in wanted}
        if len(found) >= 2 or (len(columns) == 1 and found):
            header_row, positions = index, found
            skip = {i for i, k in enumerate(keys) if k in numbering}
            break
        if seen >= HEADER_SEARCH_ROWS:
            break
    missing = [c.header for c in columns if c.required and c.key not in positions]
    if not header_row or missing:
        source.rows.close()  # type: ignore[attr-defined]
        message = "Thiếu cột: " + ", ".join(missing or [c.header for c in columns if c.required])
        errors = [RowError(header_row or 1, "", message + ". Hãy dùng mẫu tải về từ hệ thống.")]
        if source.is_csv:
            errors.append(RowError(0, "", CSV_AS_XLSX))
        return None, errors
    from openpyxl.utils import get_column_letter

    sheet = Sheet(header_row, {k: get_column_letter(i + 1) for k, i in positions.items()})
    sheet.notices, sheet.title = source.notices, source.title
    sheet._rows = _data_rows(source.rows, positions, skip, sheet, max_rows)
    return sheet, []


def _data_rows(
    rows: Iterator[tuple[int, tuple[Any, ...]]],
    positions: dict[str, int],
    skip: set[int],
    sheet: Sheet,
    max_rows: int,
) -> Iterator[tuple[int, dict[str, Any]]]:
    items = list(positions.items())
    count = 0
    try:
        for index, values in rows:
            if all(is_blank(v) for i, v in enumerate(values) if i not in skip):
                continue
            count += 1
            if count > max_rows:
                sheet.errors.append(RowError(index, "", f"Tệp vượt quá {max_rows} dòng."))
                return
            width = len(values)
            cells = {key: (values[i] if i < width else None) for key, i in items}
            uncomputed = [key for key, value in cells.items() if value is NO_CACHED_VALUE]
            if uncomputed:
                for key in uncomputed:
                    cell = f"{sheet.letters[key]}{index}"
                    sheet.errors.append(
                        RowError(index, sheet.letters[key], NO_CACHED_MESSAGE.format(cell=cell))
                    )
                continue
            yield index, cells
    finally:
        rows.close()  # type: ignore[attr-defined]


def parse_date(value: Any) -> date | None | str:
    """A date from a real Excel date, an Excel serial number or "dd/mm/yyyy" text; the string
    "invalid" when the value is there but is not a date."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value).date()
        except (ValueError, OverflowError, AttributeError):
            return "invalid"
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", str(value).strip())
    if not match:
        return "invalid"
    day, month, year = map(int, match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return "invalid"


def parse_number(value: Any) -> float | None | str:
    """A non-negative number from a number cell or text ("1,5" and "1.5" alike)."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip().replace(" ", "")
        if not re.fullmatch(r"\d+([.,]\d+)?", text):
            return "invalid"
        number = float(text.replace(",", "."))
    return "invalid" if number < 0 else number
