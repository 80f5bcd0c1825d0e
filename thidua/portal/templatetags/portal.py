from django import template

from thidua.portal.models import PortalIdentity

register = template.Library()


@register.simple_tag
def portal_identity() -> PortalIdentity:
    return PortalIdentity.current()
