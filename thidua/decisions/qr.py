"""QR codes pointing to the public verification pages (issue 15): each certificate carries
the link to its award's page (``/cong-khai/xac-minh/<token>/``), each decision the link to the
decision's public page (``/cong-khai/quyet-dinh/<pk>/``). Absolute links, from
``settings.SITE_URL``; drawn with segno."""

from __future__ import annotations

import io
import secrets
from typing import TYPE_CHECKING

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:  # the models import this module (the token's default)
    from .models import Decision, Recipient


def new_token() -> str:
    """An unguessable token for an award's public page (128 bits)."""
    return secrets.token_urlsafe(16)


def absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def award_url(recipient: Recipient) -> str:
    return absolute(f"/cong-khai/xac-minh/{recipient.public_token}/")


def decision_url(decision: Decision) -> str:
    return absolute(f"/cong-khai/quyet-dinh/{decision.pk}/")


def png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def svg(url: str) -> SafeString:
    """Inline SVG for a page (no script, no external request)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, omitsize=True, title=url
    )
    return mark_safe(buffer.getvalue().decode())  # noqa: S308 - segno's own markup
