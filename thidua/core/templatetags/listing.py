"""``{% load listing %}``: links of the sortable, paged lists (core/listing.py)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def sort_link(listing, key: str) -> str:
    return listing.sort_link(key)


@register.filter
def get_item(mapping, key: str):
    """``{{ listing.params|get_item:"tu-kiem-tra" }}``: a key a template cannot spell."""
    return mapping.get(key, "") if mapping else ""
