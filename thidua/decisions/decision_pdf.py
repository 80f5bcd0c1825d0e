"""The decision as PDF, the file that gets signed digitally (Nghị định 30/2020, Phụ lục I).

The same words as the DOCX (``documents.decision_context`` / ``revocation_articles``), drawn
with fpdf2 and the Liberation Serif fonts shipped in ``thidua/fonts`` (metrically Times New
Roman, embedded): A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right; the
issuer block left and quốc hiệu right; "QUYẾT ĐỊNH" and trích yếu; căn cứ in italic; the
articles; Nơi nhận and the signature block; page numbers centred at the top from page 2; the
annex list. No LibreOffice needed, so the worker and the tests run without it.

``decision_pdf`` also returns where the two digital signatures go (``SignatureBoxes``): the
signer's personal signature between the signer's title and name (ô 7c), the agency's signature
(its seal image, ô 8) over the left third of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from fpdf import FPDF

from thidua.core.templatetags.thidua import money

from . import documents, qr
from .certificates import FONTS
from .models import Decision, DecisionKind

LEFT, TOP, RIGHT, BOTTOM = 30.0, 20.0, 15.0, 20.0
PAGE_W, PAGE_H = 210.0, 297.0
WIDTH = PAGE_W - LEFT - RIGHT  # 165 mm
PT = 72 / 25.4  # points per millimetre
SIGNATURE_W, SIGNATURE_H = 62.0, 20.0
SEAL = 34.0
QR_SIDE = 15.0  # mm: fits the 20 mm top margin
ANNEX_WIDTHS = (
    12,
    68,
    55,
    30,
)  # within the 165 mm between the margins  # a seal image is about 34–36 mm across


@dataclass(frozen=True)
class Box:
    """A rectangle on a page: ``page`` counted from 0, coordinates in PDF points from the
    bottom left (what pyHanko's signature fields take)."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @classmethod
    def from_mm(
        cls, page: int, x: float, y: float, w: float, h: float, page_h: float = PAGE_H
    ) -> Box:
        return cls(page, x * PT, (page_h - y - h) * PT, (x + w) * PT, (page_h - y) * PT)

    @property
    def size_mm(self) -> tuple[float, float]:
        return (self.x2 - self.x1) / PT, (self.y2 - self.y1) / PT

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))


@dataclass(frozen=True)
class SignatureBoxes:
    personal: Box
    agency: Box


class DecisionPDF(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        for style, name in (("", "Regular"), ("B", "Bold"), ("I", "Italic"), ("BI", "BoldItalic")):
            self.add_font("Serif", style, str(FONTS / f"LiberationSerif-{name}.ttf"))
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, BOTTOM)
        self.set_creator("Thi đua – Khen thưởng")
        self.annex_from = 0  # the page the annex starts on: it numbers its own pages

    def header(self) -> None:
        # Page numbers: centred in the top margin, hidden on the first page of the decision
        # and of the annex.
        first = self.annex_from or 1
        number = self.page - first + 1
        if number > 1:
            self.set_font("Serif", "", 13)
            self.set_xy(LEFT, 9)
            self.cell(WIDTH, 6, str(number), align="C")
            self.set_xy(LEFT, TOP)

    def text_at(
        self, x: float, w: float, text: str, size: float, style: str = "", align: str = "C"
    ) -> float:
        self.set_font("Serif", style, size)
        self.set_x(x)
        self.multi_cell(w, size * 0.42, text, align=align, new_x="LMARGIN", new_y="NEXT")
        return self.get_y()

    def rule(self, x_centre: float, y: float, length: float) -> None:
        self.set_line_width(0.3)
        self.line(x_centre - length / 2, y, x_centre + length / 2, y)

    def para(self, text: str, size: float = 14, style: str = "", after: float = 2.1) -> None:
        """A body paragraph: justified, first line indented 1.27 cm, ≥ 6 pt after."""
        self.set_font("Serif", style, size)
        with self.text_columns(text_align="J", line_height=1.15) as column:
            with column.paragraph(first_line_indent=12.7, bottom_margin=after) as paragraph:
                paragraph.write(text)


def _header(pdf: DecisionPDF, issuer: str, number_symbol: str, date_line: str) -> None:
    left_x, left_w, right_x, right_w = LEFT, 60.0, LEFT + 60, 105.0
    y = TOP
    pdf.set_y(y)
    pdf.set_font("Serif", "B", 13)
    if pdf.get_string_width(issuer) > left_w - 2:  # "ỦY BAN NHÂN DÂN" over the place's name
        issuer = issuer.replace("ỦY BAN NHÂN DÂN ", "ỦY BAN NHÂN DÂN\n", 1)
    y_left = pdf.text_at(left_x, left_w, issuer, 13, "B")
    pdf.set_font("Serif", "B", 13)
    widest = max(pdf.get_string_width(line) for line in issuer.splitlines())
    pdf.rule(left_x + left_w / 2, y_left + 1, min(widest, left_w) / 3)
    pdf.set_y(y_left + 3)
    pdf.text_at(left_x, left_w, f"Số: {number_symbol}", 13)
    pdf.set_y(y)
    pdf.text_at(right_x, right_w, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, "B")
    motto = "Độc lập - Tự do - Hạnh phúc"
    y_right = pdf.text_at(right_x, right_w, motto, 13, "B")
    pdf.set_font("Serif", "B", 13)
    pdf.rule(right_x + right_w / 2, y_right + 1, pdf.get_string_width(motto))
    pdf.set_y(y_right + 3)
    pdf.text_at(right_x, right_w, date_line, 14, "I")
    pdf.set_y(max(pdf.get_y(), y_left + 10) + 8)


def _signature(pdf: DecisionPDF, recipients: list[str], title: str, name: str) -> SignatureBoxes:
    """Nơi nhận on the left, the signer on the right; the box where each signature goes."""
    needed = 4 + 6 + 2 + SIGNATURE_H + 3 + 7  # title, signature, name
    if pdf.get_y() + needed > PAGE_H - BOTTOM:
        pdf.add_page()
    y = pdf.get_y() + 4
    right_x, right_w = 105.0, 90.0
    pdf.set_xy(LEFT, y)
    pdf.set_font("Serif", "BI", 12)
    pdf.cell(70, 5, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "", 11)
    for line in [*recipients, "Lưu: VT."]:
        pdf.set_x(LEFT)
        pdf.cell(70, 5, f"- {line}" if line.endswith(".") else f"- {line};")
        pdf.ln(5)
    pdf.set_y(y)
    title_bottom = pdf.text_at(right_x, right_w, title.upper(), 14, "B")
    personal = Box.from_mm(
        pdf.page - 1,
        right_x + (right_w - SIGNATURE_W) / 2,
        title_bottom + 2,
        SIGNATURE_W,
        SIGNATURE_H,
    )
    # The seal covers about a third of the signature, on its left (Phụ lục I, ô 8).
    seal_x = right_x + (right_w - SIGNATURE_W) / 2 + SIGNATURE_W / 3 - SEAL
    seal_y = title_bottom + 2 + SIGNATURE_H / 2 - SEAL / 2
    agency = Box.from_mm(pdf.page - 1, seal_x, seal_y, SEAL, SEAL)
    pdf.set_y(title_bottom + 2 + SIGNATURE_H + 3)
    pdf.text_at(right_x, right_w, name, 14, "B")
    return SignatureBoxes(personal=personal, agency=agency)


@dataclass
class Annex:
    title: str
    caption: str
    headers: list[str]
    groups: list[tuple[str, list[list[str]]]]
    total: str


def _annex(pdf: DecisionPDF, annex: Annex) -> None:
    pdf.annex_from = pdf.page + 1
    pdf.add_page()
    pdf.set_y(TOP)
    pdf.text_at(LEFT, WIDTH, "DANH SÁCH", 14, "B")
    pdf.text_at(LEFT, WIDTH, annex.title, 14, "B")
    if annex.caption:
        pdf.text_at(LEFT, WIDTH, annex.caption, 13, "I")
    pdf.ln(3)
    pdf.set_font("Serif", "", 12)
    with pdf.table(
        col_widths=ANNEX_WIDTHS,
        width=sum(ANNEX_WIDTHS),
        text_align=("CENTER", "LEFT", "LEFT", "RIGHT"),
        line_height=5.5,
        first_row_as_headings=True,
    ) as table:
        table.row(annex.headers)
        for label, rows in annex.groups:
            if label:
                pdf.set_font("Serif", "B", 12)
                table.row().cell(label, colspan=4)
                pdf.set_font("Serif", "", 12)
            for values in rows:
                table.row(values)
        pdf.set_font("Serif", "B", 12)
        table.row(["", "Tổng cộng", "", annex.total])


def decision_pdf(decision: Decision) -> tuple[bytes, SignatureBoxes]:
    """The decision with its annex, and where its two signatures go."""
    ctx = documents.decision_context(decision)
    award = ctx["award"]
    if decision.kind == DecisionKind.REVOCATION:
        revoked = list(decision.revoked_recipients.all())
        total = money(sum(r.amount for r in revoked))
        articles = documents.revocation_articles(decision, revoked, award, total)
        annex = Annex(
            title=f"Tập thể, cá nhân bị thu hồi {award}",
            caption="",
            headers=["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tiền thu hồi"],
            groups=[
                (
                    "",
                    [
                        [str(n), r.name, r.description, money(r.amount)]
                        for n, r in enumerate(revoked, 1)
                    ],
                )
            ],
            total=total,
        )
    else:
        articles = ctx["articles"]
        annex = Annex(
            title=f"Tập thể, cá nhân được tặng {award}",
            caption=f"(Kèm theo Quyết định số {decision.number_symbol} ngày "
            f"{decision.signed_on:%d/%m/%Y} của {decision.signer_title} {decision.issuer_name})",
            headers=["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tiền thưởng"],
            groups=[
                (
                    f"{label} ({len(rows)})",
                    [[str(r.order), r.name, r.description, money(r.amount)] for r in rows],
                )
                for label, rows in (
                    ("Tập thể", ctx["collectives"]),
                    ("Cá nhân", ctx["individuals"]),
                )
                if rows
            ],
            total=ctx["total"],
        )
    pdf = DecisionPDF()
    pdf.set_title(f"Quyết định số {decision.number_symbol}")
    pdf.set_subject(decision.subject)
    pdf.set_author(decision.issuer_name)
    pdf.add_page()
    # Top right corner, in the margin above quốc hiệu: the decision's public page.
    qr.draw(pdf, qr.decision_url(decision), PAGE_W - RIGHT - QR_SIDE + 2, 3, QR_SIDE)
    pdf.set_xy(LEFT, TOP)
    _header(pdf, ctx["issuer"], decision.number_symbol, ctx["date_line"])
    pdf.text_at(LEFT, WIDTH, "QUYẾT ĐỊNH", 14, "B")
    y = pdf.text_at(LEFT + 10, WIDTH - 20, decision.subject, 14, "B")
    pdf.rule(LEFT + WIDTH / 2, y + 1.5, 50)
    pdf.set_y(y + 5)
    pdf.text_at(LEFT, WIDTH, f"{decision.signer_title.upper()} {ctx['issuer']}", 14, "B")
    pdf.ln(2)
    bases = (
        ctx["bases"]
        if decision.kind != DecisionKind.REVOCATION
        else [line.strip() for line in decision.legal_bases.splitlines() if line.strip()]
    )
    for line in bases:
        pdf.para(line, style="I", after=0.5)
    pdf.ln(1.5)
    pdf.text_at(LEFT, WIDTH, "QUYẾT ĐỊNH:", 14, "B")
    pdf.ln(2)
    for item in articles:  # ("Điều n.", text) for an award, plain text for a revocation
        pdf.para(" ".join(item) if isinstance(item, tuple) else item)
    receivers = ctx["receivers"]
    boxes = _signature(pdf, receivers, decision.signer_title, decision.signer_name)
    _annex(pdf, annex)
    return bytes(pdf.output()), boxes
