"""Certificates (Giấy khen) as PDF, laid out as NĐ 98/2023 Điều 104 prescribes: A4 landscape,
a border, the emblem at the top centre, quốc hiệu and tiêu ngữ in black, the signer's title
and the award's name in red capitals, "TẶNG" in black, the recipient, their position and
unit, the achievement; decision number, date and số sổ vàng at the bottom left; place, date,
title and name of the signer at the bottom right.

Drawn with fpdf2 and the fonts shipped in ``thidua/fonts`` (embedded), so every machine
prints the same Vietnamese text. The emblem is a file an administrator sets
(``THIDUA_EMBLEM_IMAGE``: the official PNG or SVG); without it a simplified drawing stands in.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify
from fpdf import FPDF

from thidua.core.text import ascii_key

from . import certificate_fonts, qr
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
    def __init__(self) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        certificate_fonts.install(self)  # parsed once per process, not once per PDF
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.set_title("Giấy khen")
        self.set_creator("Thi đua – Khen thưởng")

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
        self.set_xy((W - width) / 2, y)
        self.multi_cell(width, size * 0.45, text, align="C")
        return self.get_y()

    def border(self) -> None:
        self.set_draw_color(*RED)
        self.set_line_width(1.6)
        self.rect(8, 8, W - 16, H - 16)
        self.set_line_width(0.4)
        self.rect(11, 11, W - 22, H - 22)

    def emblem(self, x: float, y: float, size: float) -> None:
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
        self.cell(
            100, 6, f"Quyết định số {decision.number_symbol} ngày {decision.signed_on:%d/%m/%Y}"
        )
        self.set_xy(24, 175)
        self.cell(100, 6, f"Số sổ vàng: {recipient.order}")
        day = decision.signed_on
        self.set_xy(170, 140)
        self.cell(
            110,
            6,
            f"{decision.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
            align="C",
        )
        self.set_font("Serif", "B", 14)
        self.set_xy(170, 147)
        self.cell(110, 6, decision.signer_title.upper(), align="C")
        self.set_xy(170, 178)
        self.cell(110, 6, decision.signer_name, align="C")
        # Bottom left corner, under the decision line, inside the border: the award's public
        # verification page.
        self.image(io.BytesIO(qr.png(qr.award_url(recipient))), x=24, y=182.5, w=QR, h=QR)


def certificates_pdf(decision: Decision, recipients: Iterable[Recipient] | None = None) -> bytes:
    """One page per recipient: the combined print file, or one certificate."""
    pdf = CertificatePDF()
    # Revoked awards (Luật TĐKT Điều 93) get no certificate.
    in_force = decision.recipients.filter(revoked_on__isnull=True)
    for recipient in recipients if recipients is not None else in_force:
        pdf.page_for(decision, recipient)
    return bytes(pdf.output())


def _slug(name: str) -> str:
    """ "Sùng A Páo" → "sung-a-pao", for file names inside the ZIP."""
    return slugify(ascii_key(name))
