"""A generated DOCX (Tờ trình, Biên bản) drawn again as PDF with the same words, for the
package sent upward: the PDF is the file that gets signed digitally.

The DOCX itself is read back (python-docx), so the PDF never says anything the DOCX does not:
each paragraph in order with its alignment, weight, slant and size (first-line indented
paragraphs justified like the decision's body), borderless tables (the header block, the
signatures) as side-by-side columns, bordered tables (the lists) as grids with merged cells
kept whole. Drawn with fpdf2 and the shipped Liberation Serif fonts on the decision's page
(``decision_pdf.DecisionPDF``: A4, the decree's margins, page numbers from page 2); no
LibreOffice needed.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .decision_pdf import BOTTOM, LEFT, PAGE_H, WIDTH, DecisionPDF

ALIGN = {
    WD_ALIGN_PARAGRAPH.CENTER: "C",
    WD_ALIGN_PARAGRAPH.RIGHT: "R",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "J",
}
DEFAULT_SIZE = 14.0
EMU_PER_MM = 36000


def _style(paragraph: Paragraph) -> tuple[str, float]:
    """The weight and slant of the paragraph's first run with text, and its size."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return "", DEFAULT_SIZE
    first = runs[0]
    style = ("B" if first.bold else "") + ("I" if first.italic else "")
    size = first.font.size.pt if first.font.size is not None else DEFAULT_SIZE
    return style, size


def _paragraph(pdf: DecisionPDF, paragraph: Paragraph, x: float, width: float) -> None:
    text = paragraph.text
    style, size = _style(paragraph)
    if not text.strip():
        pdf.set_y(pdf.get_y() + size * 0.42)
        return
    indented = paragraph.paragraph_format.first_line_indent is not None
    if indented and x == LEFT and width == WIDTH:
        pdf.para(text, size=size, style=style, after=1.5)
        return
    pdf.text_at(x, width, text, size, style, ALIGN.get(paragraph.alignment, "L"))


def _widths(table: Table, width: float) -> list[float]:
    columns = [c.width for c in table.columns]
    if all(columns):
        return [w / EMU_PER_MM for w in columns]
    return [width / len(columns)] * len(columns)


def _columns(pdf: DecisionPDF, table: Table) -> None:
    """A borderless table: each cell's paragraphs in its own column, side by side."""
    widths = _widths(table, WIDTH)
    for row in table.rows:
        if pdf.get_y() > PAGE_H - BOTTOM - 50:  # keep a signature block on one page
            pdf.add_page()
        top, bottom, x = pdf.get_y(), pdf.get_y(), LEFT
        for cell, width in zip(row.cells, widths, strict=False):
            pdf.set_y(top)
            for paragraph in cell.paragraphs:
                _paragraph(pdf, paragraph, x, width)
            bottom = max(bottom, pdf.get_y())
            x += width
        pdf.set_y(bottom + 2)


def _cell_text(cell: _Cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def _grid(pdf: DecisionPDF, table: Table) -> None:
    """A bordered table (a list): rows in order, a merged cell once with its span."""
    widths = _widths(table, WIDTH)
    pdf.set_font("Serif", "", 12)
    with pdf.table(
        col_widths=widths,
        width=sum(widths),
        align="LEFT",
        line_height=5.5,
        first_row_as_headings=True,
    ) as grid:
        for n, row in enumerate(table.rows):
            cells = row.cells
            line = grid.row()
            i = 0
            while i < len(cells):
                span = 1
                while i + span < len(cells) and cells[i + span]._tc is cells[i]._tc:
                    span += 1
                bold = n > 0 and _style(cells[i].paragraphs[0])[0].startswith("B")
                pdf.set_font("Serif", "B" if bold else "", 12)
                line.cell(_cell_text(cells[i]), colspan=span)
                i += span
            pdf.set_font("Serif", "", 12)
    pdf.ln(2)


def docx_to_pdf(content: bytes, *, title: str, subject: str, author: str) -> bytes:
    document = Document(io.BytesIO(content))
    pdf = DecisionPDF()
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_author(author)
    pdf.add_page()
    pdf.set_xy(LEFT, pdf.t_margin)
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            _paragraph(pdf, Paragraph(child, document), LEFT, WIDTH)
        elif tag == "tbl":
            table = Table(child, document)
            bordered = table.style is not None and table.style.name == "Table Grid"
            (_grid if bordered else _columns)(pdf, table)
    return bytes(pdf.output())
