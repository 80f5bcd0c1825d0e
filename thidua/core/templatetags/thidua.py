"""Vietnamese formatting used by every page: dates dd/mm/yyyy, periods, money with dots."""

from __future__ import annotations

import calendar
from datetime import date

from django import template

register = template.Library()


@register.filter
def vn_date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def period(campaign) -> str:
    """ "từ tháng 03/2020 đến tháng 10/2020" when the period is whole months, else exact days."""
    start: date = campaign.period_start
    end: date = campaign.period_end
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months:
        return f"từ tháng {start:%m/%Y} đến tháng {end:%m/%Y}"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


@register.filter
def number(value) -> str:
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", ".")


@register.filter
def money(value) -> str:
    return f"{number(value)} đ" if value is not None else ""


@register.filter
def validity(obj) -> str:
    start, end = getattr(obj, "valid_from", None), getattr(obj, "valid_to", None)
    if start and end:
        return f"hiệu lực {start:%d/%m/%Y} – {end:%d/%m/%Y}"
    if start:
        return f"hiệu lực từ {start:%d/%m/%Y}"
    if end:
        return f"hiệu lực đến {end:%d/%m/%Y}"
    return ""
