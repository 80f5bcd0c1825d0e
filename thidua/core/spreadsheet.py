"""Writing spreadsheet cells safely: a text that starts with "=" (a unit named
"=HYPERLINK(…)", a campaign title) is stored as text and can never run as a formula."""

from __future__ import annotations


def put_value(sheet, row: int, column: int, value):
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would otherwise take "=…" for a formula
    return cell
