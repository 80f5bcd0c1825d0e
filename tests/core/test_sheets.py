"""The shared Excel reader: columns by header text, blank rows, dates, limits."""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime

from openpyxl import Workbook

from thidua.core.sheets import Column, build_template, parse_date, parse_number, read_sheet

COLUMNS = [
    Column("name", "Họ và tên"),
    Column("dob", "Ngày sinh", required=False),
    Column("level", "Xếp loại"),
]


def workbook(rows: list[list]) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_columns_are_found_by_header_in_any_order_and_form():
    nfd_header = unicodedata.normalize("NFD", "XẾP LOẠI")
    sheet, errors = read_sheet(
        workbook([["Danh sách"], [nfd_header, " họ  và tên "], ["Tốt", "Giàng Thị Mỷ"]]),
        COLUMNS,
        max_rows=10,
    )
    assert errors == []
    assert sheet.header_row == 2
    assert sheet.letters == {"level": "A", "name": "B"}
    assert list(sheet.rows()) == [(3, {"level": "Tốt", "name": "Giàng Thị Mỷ"})]


def test_blank_rows_are_skipped_and_the_limit_names_the_row():
    rows = [["Họ và tên", "Xếp loại"], ["A", "Tốt"], [None, "  "], ["B", "Tốt"], ["C", "Tốt"]]
    sheet, _ = read_sheet(workbook(rows), COLUMNS, max_rows=3)
    assert [index for index, _cells in sheet.rows()] == [2, 4]
    assert [(e.row, e.message) for e in sheet.errors] == [(5, "Tệp vượt quá 3 dòng.")]


def test_a_missing_column_or_a_broken_file_is_refused_with_its_reason():
    sheet, errors = read_sheet(
        workbook([["Họ và tên", "Ngày sinh"], ["A", None]]), COLUMNS, max_rows=5
    )
    assert sheet is None
    assert errors[0].message == "Thiếu cột: Xếp loại. Hãy dùng mẫu tải về từ hệ thống."
    sheet, errors = read_sheet(io.BytesIO(b"not a workbook"), COLUMNS, max_rows=5)
    assert sheet is None and errors[0].message == "Không đọc được tệp Excel (.xlsx)."


def test_dates_and_numbers_from_cells_and_text():
    assert parse_date("05/03/1985") == date(1985, 3, 5)
    assert parse_date(datetime(1985, 3, 5, 0, 0)) == date(1985, 3, 5)
    assert parse_date(31111) == date(1985, 3, 5)  # an Excel serial number
    assert parse_date("31/02/1985") == "invalid"
    assert parse_date("  ") is None
    assert parse_number("1,5") == 1.5 and parse_number(-1) == "invalid"


def test_the_template_reads_back_and_keeps_formula_text_as_text():
    data = build_template(
        "Danh sách",
        COLUMNS,
        ["Hướng dẫn"],
        rows=[["=HYPERLINK(1)", None, "Tốt"]],
        choices={"level": ["Tốt", "Khá"]},
    )
    sheet, errors = read_sheet(io.BytesIO(data), COLUMNS, max_rows=5)
    assert errors == []
    assert list(sheet.rows()) == [(2, {"name": "=HYPERLINK(1)", "dob": None, "level": "Tốt"})]
