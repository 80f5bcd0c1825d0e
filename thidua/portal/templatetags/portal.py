from html import escape as e

from django import template
from django.utils.safestring import mark_safe

from thidua.portal.models import PortalIdentity

register = template.Library()


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
