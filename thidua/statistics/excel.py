"""Statistics exported to Excel, formatted, and safe: text is always stored as text, so a
name such as "=HYPERLINK(…)" can never run as a formula in the spreadsheet."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from thidua.core.spreadsheet import put_value

HEADER = PatternFill("solid", fgColor="FDE9D9")
THIN = Side(style="thin", color="B8C0CA")


def put(sheet, row: int, col: int, value, *, bold: bool = False):
    cell = put_value(sheet, row, col, value)
    cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
    if bold:
        cell.font = Font(bold=True)
    return cell


def table(sheet, title: str, headers: list[str], rows: list[list], widths: list[int]) -> None:
    put_value(sheet, 1, 1, title).font = Font(bold=True, size=13)
    for col, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = put(sheet, 3, col, header, bold=True)
        cell.fill = HEADER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(col)].width = width
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            put(sheet, r, c, value)
    sheet.freeze_panes = "A4"


def workbook(dossiers, awards, shares, caption: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Hồ sơ"
    table(
        sheet,
        f"Hồ sơ đề nghị theo đơn vị – {caption}",
        [
            "Đơn vị",
            "Đang lập",
            "Đã nộp",
            "Trả lại",
            "Đã thẩm định",
            "Người, tập thể",
            "Đủ điều kiện",
        ],
        [
            [
                r["unit_name"],
                r["draft"],
                r["submitted"],
                r["returned"],
                r["appraised"],
                r["candidates"],
                r["eligible"],
            ]
            for r in dossiers
        ],
        [40, 10, 10, 10, 13, 15, 13],
    )
    table(
        book.create_sheet("Khen thưởng"),
        f"Khen thưởng theo hình thức – {caption}",
        ["Hình thức", "Cấp", "Năm", "Cá nhân", "Tập thể"],
        [[a["award"], a["level"], a["year"], a["individuals"], a["collectives"]] for a in awards],
        [45, 30, 8, 10, 10],
    )
    table(
        book.create_sheet("Tỉ lệ"),
        f"Cá nhân được khen thưởng – {caption}",
        ["Nhóm", "Số người", "Tổng", "Tỉ lệ (%)"],
        [[s.label, s.count, s.total, s.percent] for s in shares],
        [40, 12, 10, 10],
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
