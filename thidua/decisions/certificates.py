"""Certificates (Giấy khen) as PDF, laid out as NĐ 98/2023 Điều 104 prescribes: A4 landscape,
a border, the emblem at the top centre, quốc hiệu and tiêu ngữ in black, the signer's title
and the award's name in red capitals, "TẶNG" in black, the recipient, their position and
unit, the achievement; decision number, date and số sổ vàng at the bottom left; place, date,
title and name of the signer at the bottom right.

Drawn with fpdf2 and the fonts shipped in ``thidua/fonts`` (embedded), so every machine
prints the same Vietnamese text. The emblem is the image the administrator uploaded for the
issuer (``certificate_layout``), else a file set for the deployment (``THIDUA_EMBLEM_IMAGE``),
else a simplified drawing. An issuer that prints on pre-printed blanks (phôi) gets only the
text, each field where its layout puts it; ``calibration_pdf`` is the test page for that.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.text import slugify
from fpdf import FPDF

from thidua.core.text import ascii_key

from . import certificate_fonts, qr
from .certificate_layout import BY_KEY, DEFAULT, FIELDS, Layout, layout_for, place_emblem
from .models import Decision, Recipient

FONTS = Path(__file__).resolve().parents[1] / "fonts"
RED = (200, 16, 46)
BLACK = (0, 0, 0)
W, H = 297, 210
QR = 15  # mm, the QR code's side


def award_title(decision: Decision) -> str:
    """ "Giấy khen của Chủ tịch UBND thị xã" → "GIẤY KHEN"."""
    return decision.award_form.name.split(" của ")[0].upper()


def signer_line(decision: Decision) -> str:
    issuer = decision.issuer
    if issuer.kind in ("ubnd_tinh", "ubnd_huyen", "ubnd_xa"):
        return f"{decision.signer_title} ỦY BAN NHÂN DÂN {issuer.name}".upper()
    return f"{decision.signer_title} {issuer.name}".upper()


def achievement_lines(decision: Decision, recipient: Recipient) -> list[tuple[int, str]]:
    """ "Đã có thành tích xuất sắc trong Đợt thi đua …", then the recipient's own achievement
    as written (its first letter kept as it is)."""
    lines = [(15, f"Đã có thành tích xuất sắc trong {decision.campaign.title}.")]
    achievement = recipient.achievement.strip().rstrip(".")
    if achievement:
        lines.append((13, f"{achievement}."))
    return lines


class CertificatePDF(FPDF):
    def __init__(self, layout: Layout = DEFAULT) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.layout = layout
        certificate_fonts.install(self)  # parsed once per process, not once per PDF
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.set_title("Giấy khen")
        self.set_creator("Thi đua – Khen thưởng")

    def output(self, *args: Any, **kwargs: Any) -> Any:
        # The font objects of the last few PDFs are written again as they were.
        kwargs.setdefault("output_producer_class", certificate_fonts.FontOutput)
        return super().output(*args, **kwargs)

    def centred(
        self,
        y: float,
        text: str,
        size: float,
        style: str = "",
        color: tuple[int, int, int] = BLACK,
        width: float = 230,
    ) -> float:
        self.set_font("Serif", style, size)
        self.set_text_color(*color)
        return self.lines((W - width) / 2, y, width, size * 0.45, text, "C")

    def lines(
        self, x: float, y: float, width: float, height: float, text: str, align: str
    ) -> float:
        """``multi_cell(width, height, text, align=align)`` at ``x``, ``y``; returns the y below.
        Lines that surely fit are drawn as the cells multi_cell would draw, without its
        breaking them into lines character by character (most of a certificate's cost)."""
        rows = text.split("\n")
        room = width - 2 * self.c_margin - 1  # a millimetre short: no doubt at the edge
        style, size = self.font_style, self.font_size_pt
        if all(_plain(row) and _width(self, row, style, size) < room for row in rows):
            for row in rows:
                self.set_xy(x, y)
                self.cell(width, height, row, align=align)
                y += height
            return y
        self.set_xy(x, y)
        self.multi_cell(width, height, text, align=align)
        return self.get_y()

    def border(self) -> None:
        self.set_draw_color(*RED)
        self.set_line_width(1.6)
        self.rect(8, 8, W - 16, H - 16)
        self.set_line_width(0.4)
        self.rect(11, 11, W - 22, H - 22)

    def emblem(self, x: float, y: float, size: float) -> None:
        if self.layout.emblem_token and place_emblem(self, self.layout.emblem_token, x, y, size):
            return
        image = getattr(settings, "THIDUA_EMBLEM_IMAGE", "")
        if image and Path(image).exists():
            self.image(image, x=x, y=y, w=size, h=size)
            return
        # Stand-in: a red disc, a gold star, a gold ring and cog below.
        cx, cy, r = x + size / 2, y + size / 2, size / 2
        self.set_fill_color(230, 180, 30)
        self.ellipse(cx - r, cy - r, 2 * r, 2 * r, style="F")
        self.set_fill_color(*RED)
        self.ellipse(cx - r * 0.8, cy - r * 0.8, 1.6 * r, 1.6 * r, style="F")
        self.set_fill_color(255, 215, 0)
        points = []
        for k in range(10):
            radius = r * (0.5 if k % 2 == 0 else 0.2)
            angle = math.pi / 2 + k * math.pi / 5
            points.append((cx + radius * math.cos(angle), cy - r * 0.1 - radius * math.sin(angle)))
        self.polygon(points, style="F")
        self.ellipse(cx - r * 0.25, cy + r * 0.45, r * 0.5, r * 0.25, style="F")

    def page_for(self, decision: Decision, recipient: Recipient) -> None:
        if self.layout.preprinted:
            self.blank_page_for(decision, recipient)
            return
        self.add_page()
        self.border()
        self.emblem(W / 2 - 11, 16, 22)
        y = self.centred(40, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 14, "B")
        y = self.centred(y + 0.5, "Độc lập - Tự do - Hạnh phúc", 14, "B")
        self.set_draw_color(*BLACK)
        self.set_line_width(0.3)
        rule = self.get_string_width("Độc lập - Tự do - Hạnh phúc")
        self.line((W - rule) / 2, y + 1, (W + rule) / 2, y + 1)
        y = self.centred(y + 5, signer_line(decision), 16, "B", RED)
        y = self.centred(y + 2, "TẶNG", 15, "B")
        y = self.centred(y + 2, award_title(decision), 34, "B", RED)
        y = self.centred(y + 3, recipient.name, 24, "B")
        if recipient.description:
            y = self.centred(y + 1, recipient.description, 15, "I")
        for size, line in achievement_lines(decision, recipient):
            y = self.centred(y + 2, line, size, width=220)
        # Bottom left: decision and số sổ vàng; bottom right: place, date, signer.
        self.set_text_color(*BLACK)
        self.set_font("Serif", "BI", 13)
        self.set_xy(24, 168)
        self.cell(100, 6, decision_line(decision))
        self.set_xy(24, 175)
        self.cell(100, 6, f"Số sổ vàng: {recipient.order}")
        self.set_xy(170, 140)
        self.cell(110, 6, place_date(decision), align="C")
        self.set_font("Serif", "B", 14)
        self.set_xy(170, 147)
        self.cell(110, 6, decision.signer_title.upper(), align="C")
        self.set_xy(170, 178)
        self.cell(110, 6, decision.signer_name, align="C")
        # Bottom left corner, under the decision line, inside the border: the award's public
        # verification page.
        qr.draw(self, qr.award_url(recipient), 24, 182.5, QR)

    # --- pre-printed blanks: the text only, where the issuer's layout puts it -------------

    def field(self, key: str, text: str) -> None:
        spec = BY_KEY[key]
        x, y = self.layout.at(key)
        self.set_font("Serif", spec.style, spec.size)
        self.set_text_color(*BLACK)
        left = x - spec.width / 2 if spec.align == "C" else x
        self.lines(left, y, spec.width, spec.size * 0.45, text, spec.align)

    def blank_page_for(self, decision: Decision, recipient: Recipient) -> None:
        self.add_page()
        self.field("issuer", signer_line(decision))
        self.field("name", recipient.name)
        if recipient.description:
            self.field("unit", recipient.description)
        lines = achievement_lines(decision, recipient)
        self.field("achievement", "\n".join(line for _size, line in lines))
        self.field("decision", f"{decision_line(decision)}\nSố sổ vàng: {recipient.order}")
        self.field("place_date", place_date(decision))
        self.field("signer", decision.signer_title.upper())
        self.field("signer_name", decision.signer_name)
        x, y = self.layout.at("qr")
        qr.draw(self, qr.award_url(recipient), x, y, QR)


_WIDTHS: dict[tuple[str, str, float], float] = {}


def _plain(row: str) -> bool:
    """No character multi_cell would treat apart (soft hyphen, no-break space, \r, edge
    spaces)."""
    return bool(row) and row.isprintable() and row == row.strip()


def _width(pdf: FPDF, text: str, style: str, size: float) -> float:
    """The text's width in the certificate font: the same in every PDF, measured once."""
    key = (text, style, size)
    width = _WIDTHS.get(key)
    if width is None:
        width = pdf.get_string_width(text)
        if len(_WIDTHS) < 4096:  # the fixed lines and the names of a batch
            _WIDTHS[key] = width
    return width


def decision_line(decision: Decision) -> str:
    return f"Quyết định số {decision.number_symbol} ngày {decision.signed_on:%d/%m/%Y}"


def place_date(decision: Decision) -> str:
    day = decision.signed_on
    return f"{decision.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def certificates_pdf(
    decision: Decision,
    recipients: Iterable[Recipient] | None = None,
    *,
    layout: Layout | None = None,
) -> bytes:
    """One page per recipient: the combined print file, or one certificate; in the issuer's
    layout unless one is given."""
    pdf = CertificatePDF(layout if layout is not None else layout_for(decision.issuer_id))
    # Revoked awards (Luật TĐKT Điều 93) get no certificate.
    in_force = decision.recipients.filter(revoked_on__isnull=True)
    for recipient in recipients if recipients is not None else in_force:
        pdf.page_for(decision, recipient)
    return bytes(pdf.output())


def _slug(name: str) -> str:
    """ "Sùng A Páo" → "sung-a-pao", for file names inside the ZIP."""
    return slugify(ascii_key(name))


SAMPLE = {
    "issuer": "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ MẪU",
    "name": "Nguyễn Văn Mẫu",
    "unit": "Chức vụ, đơn vị công tác",
    "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua.",
    "decision": "Quyết định số 01/QĐ-UBND ngày 01/01/2026\nSố sổ vàng: 1",
    "place_date": "Địa danh, ngày 01 tháng 01 năm 2026",
    "signer": "CHỦ TỊCH",
    "signer_name": "Họ và tên người ký",
}


def _rulers(pdf: FPDF) -> None:
    """Millimetre ticks along the four edges (longer every 5 and 10 mm), numbered every 10."""
    pdf.set_draw_color(120, 120, 120)
    pdf.set_text_color(120, 120, 120)
    pdf.set_font("Serif", "", 6)
    pdf.set_line_width(0.1)
    for mm in range(0, W + 1):
        tick = 5 if mm % 10 == 0 else 3 if mm % 5 == 0 else 1.5
        pdf.line(mm, 0, mm, tick)
        pdf.line(mm, H, mm, H - tick)
        if mm % 10 == 0 and 0 < mm < W:
            pdf.text(mm + 0.4, 7.5, str(mm))
    for mm in range(0, H + 1):
        tick = 5 if mm % 10 == 0 else 3 if mm % 5 == 0 else 1.5
        pdf.line(0, mm, tick, mm)
        pdf.line(W, mm, W - tick, mm)
        if mm % 10 == 0 and 0 < mm < H:
            pdf.text(6, mm + 0.8, str(mm))


def calibration_pdf(layout: Layout) -> bytes:
    """The test page for a pre-printed blank: millimetre rulers along the four edges, a frame
    10 mm inside the sheet, and at each field's configured place a cross, its name and
    coordinates, the box its text may fill, and a sample text in its font."""
    pdf = CertificatePDF(layout)
    pdf.set_title("Trang in thử Giấy khen")
    pdf.add_page()
    _rulers(pdf)
    pdf.set_line_width(0.3)
    pdf.rect(10, 10, W - 20, H - 20)
    pdf.set_font("Serif", "I", 8)
    pdf.text(12, 14, "Khung cách mép giấy 10 mm: đo để kiểm tra máy in không co giãn, lệch.")
    for spec in FIELDS:
        x, y = layout.at(spec.key)
        pdf.set_draw_color(*RED)
        pdf.set_line_width(0.2)
        pdf.line(x - 4, y, x + 4, y)
        pdf.line(x, y - 4, x, y + 4)
        left = x - spec.width / 2 if spec.align == "C" else x
        height = spec.width if spec.key == "qr" else max(spec.size * 0.45, 4)
        pdf.set_draw_color(0, 70, 170)
        pdf.set_dash_pattern(dash=1, gap=1)
        pdf.rect(left, y, spec.width, height)
        pdf.set_dash_pattern()
        pdf.set_text_color(*RED)
        pdf.set_font("Serif", "", 7)
        pdf.text(x + 1, y - 1, f"{spec.label} (x = {x:g} mm, y = {y:g} mm)")
        if spec.key != "qr":
            pdf.set_text_color(*BLACK)
            pdf.set_font("Serif", spec.style, spec.size)
            pdf.set_xy(left, y)
            pdf.multi_cell(spec.width, spec.size * 0.45, SAMPLE[spec.key], align=spec.align)
    return bytes(pdf.output())
