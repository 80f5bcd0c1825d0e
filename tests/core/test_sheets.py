"""The shared Excel reader: columns by header text, blank rows, dates, limits."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from thidua.core.sheets import Column, build_template, parse_date, parse_number, read_sheet

from . import files

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
    """Only rows holding a value count against the limit: the third one (row 5) is refused."""
    rows = [["Họ và tên", "Xếp loại"], ["A", "Tốt"], [None, "  "], ["B", "Tốt"], ["C", "Tốt"]]
    sheet, _ = read_sheet(workbook(rows), COLUMNS, max_rows=2)
    assert [index for index, _cells in sheet.rows()] == [2, 4]
    assert [(e.row, e.message) for e in sheet.errors] == [(5, "Tệp vượt quá 2 dòng.")]


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


# --- Lists that cannot mislead: hidden sheets, formatted rows, formulas, STT, CSV ---------


def saved(book: Workbook) -> io.BytesIO:
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_a_hidden_first_sheet_is_never_read_and_the_user_is_told():
    book = Workbook()
    hidden = book.active
    hidden.title = "Nháp"
    hidden.append(["Họ và tên", "Xếp loại"])
    hidden.append(["Người Trong Trang Ẩn", "Tốt"])
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("Danh sách")
    shown.append(["Họ và tên", "Xếp loại"])
    shown.append(["Giàng Thị Mỷ", "Tốt"])
    book.active = 1
    sheet, errors = read_sheet(saved(book), COLUMNS, max_rows=10)
    assert errors == [] and sheet.title == "Danh sách"
    assert [cells["name"] for _row, cells in sheet.rows()] == ["Giàng Thị Mỷ"]
    assert sheet.notices == [
        "Tệp có 1 trang tính bị ẩn (“Nháp”); hệ thống chỉ đọc trang “Danh sách”, "
        "không đọc trang ẩn."
    ]


def test_the_active_sheet_is_read_or_the_one_the_template_names():
    book = Workbook()
    listing = book.active
    listing.title = "Danh sách"
    listing.append(["Họ và tên", "Xếp loại"])
    listing.append(["Giàng Thị Mỷ", "Tốt"])
    other = book.create_sheet("Tổng hợp")
    other.append(["Họ và tên", "Xếp loại"])
    other.append(["Tổng", "Khá"])
    book.active = 1  # the user last looked at the summary
    sheet, _ = read_sheet(saved(book), COLUMNS, max_rows=10)
    assert sheet.title == "Tổng hợp" and sheet.notices == []
    sheet, _ = read_sheet(saved(book), COLUMNS, max_rows=10, sheet_name="DANH SÁCH")
    assert [cells["name"] for _row, cells in sheet.rows()] == ["Giàng Thị Mỷ"]
    sheet, _ = read_sheet(saved(book), COLUMNS, max_rows=10, sheet_name="Không có")
    assert sheet.title == "Tổng hợp"  # a renamed template sheet: the active one


def formatted_to_the_last_row(rows: list[list]) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.active["A1"].font = Font(bold=True)  # a second style to point at
    return io.BytesIO(files.formatted_to_the_last_row(saved(book).getvalue()))


def test_formatted_blank_rows_down_to_the_last_row_do_not_count(monkeypatch):
    """The million formatted empty rows are cut from the XML before openpyxl's parser builds a
    row for each (which took over a minute): the parser sees only the rows holding values."""
    from thidua.core import sheet_workbook

    parsed = []
    parse_row = sheet_workbook._Parser.parse_row

    def counted(self, row):
        parsed.append(row.get("r"))
        return parse_row(self, row)

    monkeypatch.setattr(sheet_workbook._Parser, "parse_row", counted)
    upload = formatted_to_the_last_row([["Họ và tên", "Xếp loại"], ["A", "Tốt"], ["B", "Khá"]])
    sheet, errors = read_sheet(upload, COLUMNS, max_rows=2)
    rows = list(sheet.rows())
    assert errors == [] and sheet.errors == []
    assert [cells["name"] for _row, cells in rows] == ["A", "B"]
    assert parsed == ["1", "2", "3"]


def test_a_formula_without_a_cached_value_names_its_cell():
    book = Workbook()
    book.active.append(["Họ và tên", "Xếp loại"])
    book.active.append(["A", "Tốt"])
    book.active.append(['=CONCAT("Giàng ","Thị Mỷ")', "Tốt"])  # openpyxl computes nothing
    sheet, _ = read_sheet(saved(book), COLUMNS, max_rows=10)
    assert [row for row, _cells in sheet.rows()] == [2]
    assert [(e.row, e.column, e.message) for e in sheet.errors] == [
        (
            3,
            "A",
            "Ô A3 chứa công thức nhưng chưa có giá trị tính sẵn (tệp được tạo bằng chương trình "
            "khác): hãy mở tệp bằng Excel và lưu lại rồi tải lên.",
        )
    ]


def test_a_formula_with_its_cached_value_reads_the_value():
    book = Workbook()
    book.active.append(["Họ và tên", "Xếp loại"])
    book.active.append(["=A1", "Tốt"])
    data = saved(book).getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            part = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":  # as Excel saves it: with <v>
                cached = '<c r="A2" t="str"><f>A1</f><v>Giàng Thị Mỷ</v></c>'.encode()
                part = part.replace(b'<c r="A2"><f>A1</f><v></v></c>', cached)
            new.writestr(item, part)
    out.seek(0)
    sheet, _ = read_sheet(out, COLUMNS, max_rows=10)
    assert list(sheet.rows()) == [(2, {"name": "Giàng Thị Mỷ", "level": "Tốt"})]


def test_rows_holding_only_their_number_are_blank():
    rows = [["STT", "Họ và tên", "Xếp loại"], [1, "A", "Tốt"]] + [
        [n, None, None] for n in range(2, 50)
    ]
    sheet, _ = read_sheet(workbook(rows), COLUMNS, max_rows=1)
    assert [row for row, _cells in sheet.rows()] == [2] and sheet.errors == []
    numbered = [Column("no", "Số", is_row_number=True), *COLUMNS]
    rows = [["Số", "Họ và tên", "Xếp loại"], [1, "A", "Tốt"], [2, "", None]]
    sheet, _ = read_sheet(workbook(rows), numbered, max_rows=1)
    assert [row for row, _cells in sheet.rows()] == [2]


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters precomposed, tone marks combining."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


CSV_TEXT = "STT,Họ và tên,Xếp loại\r\n1,Nguyễn Thị Huyền,Hoàn thành xuất sắc\r\n2,,\r\n"


@pytest.mark.parametrize(
    "data",
    [
        CSV_TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"),
        cp1258(CSV_TEXT),
        CSV_TEXT.replace(",", ";").encode("utf-8"),
        CSV_TEXT.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1258", "semicolons", "utf-16"],
)
def test_a_csv_even_renamed_xlsx_is_read_in_its_encoding(data):
    sheet, errors = read_sheet(io.BytesIO(data), COLUMNS, max_rows=10)
    assert errors == []
    assert list(sheet.rows()) == [(2, {"name": "Nguyễn Thị Huyền", "level": "Hoàn thành xuất sắc"})]
    assert sheet.notices[0].startswith("Tệp là tệp CSV (văn bản), không phải tệp Excel")


def test_a_csv_in_an_unknown_encoding_is_refused_saying_to_save_it_as_xlsx():
    tcvn3 = "STT,Hä vµ tªn,XÕp lo¹i\r\n1,NguyÔn ThÞ HuyÒn,Tèt\r\n".encode("latin-1")
    sheet, errors = read_sheet(io.BytesIO(tcvn3), COLUMNS, max_rows=10)
    assert sheet is None
    assert errors[0].message == (
        "Tệp là tệp CSV (văn bản), không phải tệp Excel, và không đọc được bảng mã của nó: "
        "hãy mở tệp bằng Excel rồi lưu thành “Excel Workbook (.xlsx)” và tải lên lại."
    )


def test_exports_keep_formula_text_as_text_in_the_file():
    data = build_template(
        "Danh sách",
        COLUMNS,
        ["=cmd|' /C calc'!A0"],
        rows=[['=HYPERLINK("http://x.example","Bấm")', "+1+1", "@SUM(A1)"]],
    )
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [package.read(n) for n in package.namelist() if n.startswith("xl/worksheets/")]
    assert parts and not any(b"<f>" in part for part in parts)
