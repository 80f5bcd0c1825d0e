"""Administrative documents as DOCX, laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I):
A4, margins 20–25 mm top/bottom, 30–35 mm left, 15–20 mm right, Times New Roman 13–14,
the issuer block and the national motto block side by side, số/ký hiệu, địa danh and date,
the document type and trích yếu centred, then body, nơi nhận and the signature block.

python-docx is imported inside the functions that build a document: the names of agencies
(``agency_title``…) are read at start-up by many modules that never write a DOCX.
"""

from __future__ import annotations

import io
import re
from datetime import date

FONT = "Times New Roman"  # LibreOffice substitutes the metric-compatible Liberation Serif
# Paragraph alignments, by the name of python-docx's WD_ALIGN_PARAGRAPH member.
CENTER, LEFT, JUSTIFY = "CENTER", "LEFT", "JUSTIFY"


# Body paragraphs are at least 6 pt apart (NĐ 30/2020, Phụ lục I: "khoảng cách giữa các đoạn
# văn tối thiểu là 6pt").
BODY_SPACING = 6
PEOPLE_COMMITTEE_KINDS = ("ubnd_tinh", "ubnd_huyen", "ubnd_xa")
# A validity qualifier the data may carry to tell two units of the same name apart in lists:
# "Phường Sa Pa (từ 01/07/2025)", "Xã X (đến 30/06/2025)", "(2020–2025)". Never in a document.
_VALIDITY_SUFFIX = re.compile(
    r"\s*\((?:(?:từ|đến|trước|sau)\s+(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}"
    r"(?:\s*(?:đến|-|–)\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4})?|\d{4}\s*[-–]\s*\d{4})\)\s*$",
    re.IGNORECASE,
)


def official_name(unit_or_name) -> str:
    """A unit's official name, without the validity qualifier the data may carry to tell two
    units of the same name apart: "Phường Sa Pa (từ 01/07/2025)" → "Phường Sa Pa"."""
    if unit_or_name is None:
        return ""
    name = unit_or_name if isinstance(unit_or_name, str) else unit_or_name.name
    return _VALIDITY_SUFFIX.sub("", name).strip()


def _lower_first(text: str) -> str:
    return f"{text[0].lower()}{text[1:]}" if text else text


def agency_name(unit) -> str:
    """How a unit names itself in a document header: "UBND PHƯỜNG SA PA", "PHÒNG NỘI VỤ"."""
    if unit is None:
        return ""
    if unit.kind in PEOPLE_COMMITTEE_KINDS:
        return f"UBND {official_name(unit).upper()}"
    return official_name(unit).upper()


def agency_full_name(unit) -> str:
    """The issuer line written in full: "ỦY BAN NHÂN DÂN PHƯỜNG SA PA"."""
    return agency_name(unit).replace("UBND", "ỦY BAN NHÂN DÂN", 1)


def agency_title(unit) -> str:
    """The same in running text: "UBND thị xã Sa Pa", "Phòng Giáo dục và Đào tạo"."""
    if unit.kind in PEOPLE_COMMITTEE_KINDS:
        return f"UBND {_lower_first(official_name(unit))}"
    return official_name(unit)


def _aligned(para, align: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    para.alignment = WD_ALIGN_PARAGRAPH[align]


def new_document(*, landscape: bool = False):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)
    page_numbers(section)
    return document


def _field(paragraph, instruction: str) -> None:
    """A field (PAGE, NUMPAGES…) Word and LibreOffice compute when they lay the page out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)
        if kind == "separate":
            shown = OxmlElement("w:t")
            shown.text = "2"
            run._r.append(shown)
    run.font.size = Pt(13)


def page_numbers(section) -> None:
    """Page numbers in Arabic numerals, centred at the top, from the second page (NĐ 30/2020,
    Phụ lục I, mục II.9): a header with a PAGE field and an empty header on the first page."""
    from docx.shared import Mm

    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    header = section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    _aligned(para, CENTER)
    _field(para, "PAGE")
    section.first_page_header.is_linked_to_previous = False


def paragraph(
    container,
    text: str = "",
    *,
    bold=False,
    italic=False,
    size=None,
    align=None,
    space_before=0,
    space_after=0,
    indent_first=False,
):
    from docx.shared import Mm, Pt

    para = container.add_paragraph()
    if text:
        run = para.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        _aligned(para, align)
    if indent_first:
        # A body paragraph (first line indented): at least 6 pt after it.
        space_after = max(space_after, BODY_SPACING)
        para.paragraph_format.first_line_indent = Mm(10)
    para.paragraph_format.space_before = Pt(space_before)
    para.paragraph_format.space_after = Pt(space_after)
    return para


def _borderless(table) -> None:
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)


def _widths(table, widths) -> None:
    # Word reads the cell widths, LibreOffice the grid: set both, and stop autofit.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def vn_date_line(place: str, day: date | None) -> str:
    if day is None:
        return f"{place}, ngày     tháng     năm     "
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def header_block(
    document, *, parent: str, issuer: str, number_symbol: str, place: str, day: date | None
) -> None:
    """Issuer on the left, quốc hiệu and tiêu ngữ on the right (NĐ 30/2020, Phụ lục I)."""
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    _widths(table, [Mm(72), Mm(93)])
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    if parent:
        paragraph(left, parent, size=12, align=CENTER)
    paragraph(left, issuer, bold=True, size=12, align=CENTER)
    paragraph(left, "―――――――", size=8, align=CENTER)
    if number_symbol:  # an annex has no number of its own
        paragraph(left, f"Số: {number_symbol}", size=13, align=CENTER, space_before=4)
    right.paragraphs[0].text = ""
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=CENTER)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=CENTER)
    paragraph(right, "――――――――――――――", size=8, align=CENTER)
    paragraph(right, vn_date_line(place, day), italic=True, size=14, align=CENTER, space_before=4)
    left.paragraphs[0]._element.getparent().remove(left.paragraphs[0]._element)
    right.paragraphs[0]._element.getparent().remove(right.paragraphs[0]._element)


def title_block(document, kind: str, subject: str) -> None:
    paragraph(document, kind, bold=True, size=14, align=CENTER, space_before=18)
    paragraph(document, subject, bold=True, size=14, align=CENTER)
    paragraph(document, "―――――――", size=8, align=CENTER, space_after=6)


_KEPT = re.compile(r"^lưu\b[:\s]*", re.IGNORECASE)


def filing_line(drafter: str = "", recipients: list[str] | None = None) -> str:
    """The one "Lưu" line of Nơi nhận: the office of records (VT) and the drafting office's
    abbreviation ("- Lưu: VT, NV."). ``drafter`` is the issuer's proposing office in force on
    the document's date; without it, the abbreviations a "Lưu …" recipient of the data names."""
    marks = ["VT"]
    if drafter:
        marks.append(drafter)
    else:
        for line in recipients or []:
            for part in line.split(";"):
                part = part.strip()
                if _KEPT.match(part):
                    marks += [m.strip(" .") for m in _KEPT.sub("", part).split(",")]
    seen: list[str] = []
    for mark in marks:
        if mark and mark not in seen:
            seen.append(mark)
    return f"- Lưu: {', '.join(seen)}."


def recipient_lines(recipients: list[str]) -> list[str]:
    """Nơi nhận without any "Lưu …" (written once, by ``filing_line``): "LĐVP; Lưu VT, TĐKT"
    keeps "LĐVP"."""
    lines = []
    for line in recipients:
        parts = [p.strip() for p in line.rstrip(";.").split(";")]
        kept = [p for p in parts if p and not _KEPT.match(p)]
        if kept:
            lines.append("; ".join(kept))
    return lines


def signature_block(
    document,
    *,
    recipients: list[str],
    authority: str,
    title: str,
    name: str,
    drafter: str = "",
):
    """Nơi nhận on the left (each line "- …;", then one "- Lưu: VT, <drafter>."), the signer's
    authority, title and name on the right. ``name`` may be empty: the line is left to sign."""
    from docx.shared import Mm, Pt

    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    _widths(table, [Mm(75), Mm(90)])
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    run = left.paragraphs[0].add_run("Nơi nhận:")
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    for line in recipient_lines(recipients):
        paragraph(left, f"- {line};", size=11)
    paragraph(left, filing_line(drafter, recipients), size=11)
    right.paragraphs[0].text = ""
    if authority:
        paragraph(right, authority.upper(), bold=True, size=14, align=CENTER)
    paragraph(right, title.upper(), bold=True, size=14, align=CENTER)
    for _ in range(4):
        paragraph(right, "")
    paragraph(right, name, bold=True, size=14, align=CENTER)
    right.paragraphs[0]._element.getparent().remove(right.paragraphs[0]._element)


def two_signatures(document, left: tuple[str, str], right: tuple[str, str]) -> None:
    """Minutes are signed by the chair and the secretary side by side: (title, name) each."""
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    _widths(table, [Mm(82), Mm(83)])
    for cell, (title, name) in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = ""
        paragraph(cell, title.upper(), bold=True, size=14, align=CENTER)
        for _ in range(4):
            paragraph(cell, "")
        paragraph(cell, name, bold=True, size=14, align=CENTER)
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)


def printable_width_mm(document) -> float:
    """The width between the margins of the document's last section, in millimetres."""
    from docx.shared import Mm

    section = document.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) / Mm(1)


def grid(document, headers: list[str], widths_mm: list[float]):
    """A table with a header row, its columns ``widths_mm`` wide; they must fit between the
    margins (a table wider than the page is cut off by the printer, or squeezed by Word)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    room = printable_width_mm(document)
    if sum(widths_mm) > room + 0.01:
        raise ValueError(f"table {sum(widths_mm)} mm wide, the page has {room:.0f} mm")
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [Mm(w) for w in widths_mm])
    for cell, header, width in zip(table.rows[0].cells, headers, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(header)
        run.bold, run.font.size = True, Pt(12)
        _aligned(cell.paragraphs[0], CENTER)
    return table


def grid_row(table, values: list[str], widths_mm: list[float], *, bold=False, merge=False):
    from docx.shared import Mm, Pt

    cells = table.add_row().cells
    if merge:
        merged = cells[0].merge(cells[-1])
        merged.paragraphs[0].text = ""
        run = merged.paragraphs[0].add_run(values[0])
        run.bold, run.font.size = True, Pt(12)
        return
    for cell, value, width in zip(cells, values, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(value)
        run.bold, run.font.size = bold, Pt(12)


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
