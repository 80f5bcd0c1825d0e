"""Reading a generated DOCX as a văn thư checks it (Nghị định 30/2020, Phụ lục I): its lines in
order (body and table cells), the page-number header from page 2, the spacing of body
paragraphs, the one "Lưu" line."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt


def open_docx(content: bytes):
    return Document(io.BytesIO(content))


def lines(document) -> list[str]:
    """Every paragraph's text, in document order, table cells included."""
    return [
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in document.element.body.iter(qn("w:p"))
    ]


def header_cell_lines(document, column: int) -> list[str]:
    """The lines of the header table's left (0: issuer) or right (1: motto, date) column."""
    return [p.text for p in document.tables[0].rows[0].cells[column].paragraphs]


def assert_page_numbers_from_page_two(document) -> None:
    """Arabic page numbers, top centre, from page 2: a PAGE field in the header and an empty
    header on a different first page."""
    for section in document.sections:
        assert section.different_first_page_header_footer
        header = section.header._element
        instructions = [i.text.strip() for i in header.iter(qn("w:instrText"))]
        assert instructions == ["PAGE"], instructions
        assert section.header.paragraphs[0].alignment == 1  # centred
        first = section.first_page_header._element
        assert not list(first.iter(qn("w:instrText"))), "no number on the first page"


def assert_body_spacing(document, minimum: float = 6) -> None:
    """Body paragraphs (first line indented) are at least 6 pt apart."""
    body = [
        p for p in document.paragraphs if p.paragraph_format.first_line_indent and p.text.strip()
    ]
    assert body
    tight = [p.text[:40] for p in body if (p.paragraph_format.space_after or 0) < Pt(minimum)]
    assert not tight, tight


def filing_lines(document) -> list[str]:
    return [line for line in lines(document) if "Lưu" in line]


def table_widths_mm(document) -> list[float]:
    """Each table's width as its grid says (what LibreOffice lays out), in millimetres."""
    widths = []
    for table in document.tables:
        columns = table._tbl.tblGrid.findall(qn("w:gridCol"))
        widths.append(round(sum(int(c.get(qn("w:w"))) for c in columns) / 56.6929, 1))
    return widths


def printable_width_mm(document) -> float:
    section = document.sections[-1]
    return round((section.page_width - section.left_margin - section.right_margin) / 36000, 1)
