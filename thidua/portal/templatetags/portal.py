import re
import unicodedata
from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from thidua.core.templatetags.thidua import number
from thidua.portal.models import PortalIdentity

register = template.Library()

_SPECIAL = re.compile("[&<>\"']").search


def e(text: str) -> str:
    """``html.escape`` (what Django's escape does to a str), skipped for a text that has none
    of the characters it replaces: most names, read fifty to a page."""
    return escape(text) if _SPECIAL(text) else text


@register.simple_tag(takes_context=True)
def portal_identity(context) -> PortalIdentity:
    """The portal's identity, read once per request (the public layout asks for it three
    times: the title, the banner and the footer)."""
    request = context.get("request")
    if request is None:
        return PortalIdentity.current()
    identity = getattr(request, "_portal_identity", None)
    if identity is None:
        identity = request._portal_identity = PortalIdentity.current()
    return identity


# The portal's lists, written here: through the template engine fifty rows of lookups, a date
# filter and escaping cost several times the query that found them (bench/portal.py). Every
# value is escaped as the template would (Django's escape is html.escape).


@register.filter
def award_items(rows) -> str:
    """The <li> of a name search's results (PublicAward rows)."""
    if not rows:
        return mark_safe('<li class="empty">Không tìm thấy.</li>')
    out = []
    for a in rows:
        unit = f'<span class="muted"> – {e(a.unit)}</span>' if a.unit else ""
        issuer = f" của {e(a.issuer)}" if a.issuer else ""
        day = a.decided_on.strftime("%d/%m/%Y") if a.decided_on else ""
        out.append(
            f'\n  <li class="card"><strong>{e(a.name)}</strong>{unit}\n'
            f"    <div>{e(a.award)}</div>\n"
            f'    <div class="small muted">Quyết định số {e(a.decision)} ngày {day}{issuer}</div></li>\n'
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


@register.filter
def recipient_rows(rows) -> str:
    """The <tr> of a decision's list of recipients (PublicAward rows)."""
    if not rows:
        return mark_safe('<tr><td colspan="2" class="muted">Không có.</td></tr>')
    out = []
    for a in rows:
        unit = f'<div class="small muted">{e(a.unit)}</div>' if a.unit else ""
        out.append(
            f'<tr><td class="num">{a.order}</td><td><strong>{e(a.name)}</strong>{unit}</td></tr>'
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


def _truncated(text: str, length: int) -> str:
    """``truncatechars``: Truncator counts the NFC form's characters, combining marks left out,
    and returns that form; a short text already in NFC is returned as it is."""
    if len(text) <= length and unicodedata.is_normalized("NFC", text):
        return text
    return Truncator(text).chars(length)


@register.filter
def decision_items(rows) -> str:
    """The <li> of the list of signed decisions (PublicDecision rows)."""
    if not rows:
        return mark_safe('<li class="empty">Chưa có quyết định khen thưởng nào được công bố.</li>')
    prefix = reverse("portal:decision", args=[0])[:-2]  # ".../quyet-dinh/" before the pk
    out = []
    for d in rows:
        day = d.decided_on.strftime("%d/%m/%Y") if d.decided_on else ""
        out.append(
            f'\n  <li class="card"><a href="{prefix}{d.id}/"><strong>Quyết định số {e(d.number)}'
            f'</strong></a> <span class="muted">ngày {day}</span>\n'
            f"    <div>{e(d.award)}</div>\n"
            f'    <div class="small muted">{number(d.awarded)} tập thể, cá nhân · {e(d.issuer)}'
            f" · {e(_truncated(d.campaign, 90))}</div></li>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


@register.filter
def campaign_options(campaigns, chosen: str) -> str:
    """The <option> of the campaigns filter ((id, title) pairs), ``chosen`` selected."""
    out = []
    for pk, title in campaigns:
        selected = "selected" if str(pk) == chosen else ""
        out.append(f'<option value="{pk}" {selected}>{e(_truncated(title, 70))}</option>')
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
