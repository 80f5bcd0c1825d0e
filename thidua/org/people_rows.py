"""The rows of the staff list (/can-bo/), written without the template engine: fifty rows of
two choice labels, two dates, links and escaped lookups took longer than the search itself
at national scale (issue 12, bench/people.py). The markup is the template's; every value is
escaped as the template would (Django's escape is html.escape)."""

from __future__ import annotations

from html import escape as e

from django.utils.safestring import SafeString, mark_safe

from .models import Gender, PersonCategory

GENDERS = dict(Gender.choices)
CATEGORIES = dict(PersonCategory.choices)
# Only what a row shows (with the unit's name): no ethnicity, notes or search columns.
COLUMNS = ("full_name", "gender", "date_of_birth", "unit__name", "position", "category", "left_on")


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def staff_rows(people, history_prefix: str, base: str, can_manage: bool) -> SafeString:
    out = []
    for p in people:
        status = f"Thôi công tác từ {_day(p.left_on)}" if p.left_on else "Đang công tác"
        manage = ""
        if can_manage:
            manage = f'<a href="{base}{p.pk}/sua/">Sửa</a>'
            if not p.left_on:
                manage += (
                    f' · <a href="{base}{p.pk}/chuyen-don-vi/">Chuyển</a>'
                    f' · <a href="{base}{p.pk}/thoi-cong-tac/">Thôi</a>'
                )
            manage = f'\n    <td class="nowrap">{manage}</td>'
        else:
            manage = "\n    "
        out.append(
            f'<tr>\n    <td><a href="{history_prefix}{p.pk}/">{e(p.full_name)}</a></td>'
            f"<td>{e(GENDERS.get(p.gender, p.gender))}</td>"
            f'<td class="nowrap">{_day(p.date_of_birth)}</td>\n'
            f"    <td>{e(p.unit.name)}</td><td>{e(p.position)}</td>"
            f"<td>{e(CATEGORIES.get(p.category, p.category))}</td>\n"
            f"    <td>{status}</td>{manage}\n  </tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


# The "Cá nhân" list (/don-vi/ca-nhan/) shows ethnicity and leader/staff, not the status.
LIST_COLUMNS = (
    "full_name",
    "gender",
    "date_of_birth",
    "ethnicity",
    "unit__name",
    "position",
    "category",
    "is_leader",
)


def person_rows(people, history_prefix: str) -> SafeString:
    """The rows of org/people_table.html with the unit column, written in one pass."""
    from .ethnicities import ETHNICITIES

    ethnicities = dict(ETHNICITIES)
    out = []
    for p in people:
        out.append(
            f'<tr>\n    <td><a href="{history_prefix}{p.pk}/">{e(p.full_name)}</a></td>'
            f"<td>{e(GENDERS.get(p.gender, p.gender))}</td>"
            f'<td class="nowrap">{_day(p.date_of_birth)}</td>'
            f"<td>{e(ethnicities.get(p.ethnicity, p.ethnicity))}</td>\n"
            f"    <td>{e(p.unit.name)}</td><td>{e(p.position)}</td>"
            f"<td>{e(CATEGORIES.get(p.category, p.category))}</td><td>{e(p.worker_kind)}</td>\n"
            "  </tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
