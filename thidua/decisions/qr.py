"""QR codes pointing to the public verification pages (issue 15): each certificate carries
the link to its award's page (``/cong-khai/xac-minh/<token>/``), each decision the link to the
decision's public page (``/cong-khai/quyet-dinh/<pk>/``). Absolute links, from
``settings.SITE_URL``; encoded with segno, drawn into PDFs as vector squares."""

from __future__ import annotations

import io
import secrets
from typing import TYPE_CHECKING

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from . import qr_mask  # noqa: F401  (segno's mask choice, on whole rows: the same codes)

if TYPE_CHECKING:  # the models import this module (the token's default)
    from fpdf import FPDF

    from .models import Decision, Recipient

QUIET_ZONE = 2  # modules of white around the code


def new_token() -> str:
    """An unguessable token for an award's public page (128 bits)."""
    return secrets.token_urlsafe(16)


def absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def award_url(recipient: Recipient) -> str:
    return absolute(f"/cong-khai/xac-minh/{recipient.public_token}/")


def decision_url(decision: Decision) -> str:
    return absolute(f"/cong-khai/quyet-dinh/{decision.pk}/")


def draw(pdf: FPDF, url: str, x: float, y: float, size: float) -> None:
    """The QR code of ``url`` on ``pdf``, ``size`` mm square with its quiet zone, at ``x``, ``y``:
    a white square, then one black rectangle per run of dark modules in a row. Sharp at any
    print size, and no PNG to write and decode again for each of thousands of certificates
    (that cost more than the rest of a certificate)."""
    rows = list(segno.make(url, error="m").matrix_iter(border=QUIET_ZONE))
    module = size / len(rows)
    with pdf.local_context(fill_color=(255, 255, 255)):
        pdf.rect(x, y, size, size, style="F")
    # fpdf2's rect(…, "F") operator for each run, written at once (hundreds per code).
    k, page_height = pdf.k, pdf.h
    runs = []
    for r, row in enumerate(rows):
        top = (page_height - (y + r * module)) * k
        start = None
        for c, dark in enumerate([*row, 0]):  # a light sentinel closes the last run
            if dark and start is None:
                start = c
            elif not dark and start is not None:
                # A hair taller than a module: no light seam between rows on screen.
                left, width = (x + start * module) * k, (c - start) * module * k
                runs.append(f"{left:.2f} {top:.2f} {width:.2f} {-(module + 0.01) * k:.2f} re f")
                start = None
    with pdf.local_context(fill_color=(0, 0, 0)):
        pdf._out("\n".join(runs))


def svg(url: str) -> SafeString:
    """Inline SVG for a page (no script, no external request)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, omitsize=True, title=url
    )
    return mark_safe(buffer.getvalue().decode())  # noqa: S308 - segno's own markup
