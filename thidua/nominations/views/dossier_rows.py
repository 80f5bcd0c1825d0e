"""What a dossier's page shows of its candidates, read and written without model instances or
the template engine.

A province's dossier holds about 300 candidates: read as model rows with their person, unit
and award form, and written through the template engine (a ``{% url %}``, a filter and a dozen
escaped lookups per row, a template per option of the upload form's drop-down), they cost
more than evaluating them (bench/portal.py). The markup is the template's, byte for byte
(tests/nominations/test_dossier_rows.py renders both); every value is escaped as the template
escapes it (``django.utils.html.escape`` is ``html.escape``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape  # what django.utils.html.escape does to a str, without its wrappers

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from ..evaluation import OVERALL_LABELS, CandidateCheck
from ..models import Appraisal, Dossier

APPRAISALS = dict(Appraisal.choices)


@dataclass(slots=True)
class Row:
    """A candidate as the page and the dossier's document checks read it (``pk``,
    ``person_id``, ``unit_id``, ``award_form_id`` and ``name`` are what
    ``services.missing_documents`` needs of a candidate)."""

    pk: int
    person_id: int | None
    unit_id: int | None
    award_form_id: int
    order: int
    name: str
    role: str
    form: str
    summary: str
    appraisal: str
    appraisal_reason: str


# What the page shows of each candidate, read with the evaluation's own query.
COLUMNS = (
    "person_id",
    "unit_id",
    "award_form_id",
    "order",
    "person__full_name",
    "unit__name",
    "person__position",
    "award_form__name",
    "summary",
    "appraisal",
    "appraisal_reason",
)


def rows_of(checks: Iterable[CandidateCheck]) -> dict[int, Row]:
    """The candidates by id, from checks evaluated with ``columns=COLUMNS``."""
    found = {}
    for check in checks:
        person_id, unit_id, form_id, order, full_name, unit_name, position, *rest = check.shown
        role = (position or "Cá nhân") if person_id else "Tập thể"
        name = full_name if person_id else unit_name
        pk = check.candidate_id
        found[pk] = Row(pk, person_id, unit_id, form_id, order, name, role, *rest)
    return found


def candidate_prefix(dossier: Dossier) -> str:
    """/ho-so/<dossier>/ung-vien/ : a candidate's address is this and its id."""
    return reverse("nominations:candidate", args=[dossier.pk, 0]).removesuffix("0/")


def table_rows(
    prefix: str, checks: Iterable[CandidateCheck], rows: dict[int, Row], warned: set[int]
) -> SafeString:
    """The ``<tr>`` of the candidates listed, as the template wrote them."""
    out = []
    for check in checks:
        k = rows[check.candidate_id]
        status = check.status
        label = OVERALL_LABELS[status]
        flagged = check.candidate_id in warned
        summary = k.summary if len(k.summary) <= 120 else Truncator(k.summary).chars(120)
        pill = (
            f' <span class="pill pill-warning" title="Tự kiểm tra {escape(label)}">⚠ Cần lưu ý</span>'
            if flagged
            else ""
        )
        reasons = "".join(f'<div class="reason small">{escape(r)}</div>' for r in check.reasons)
        flags = "".join(
            f'<div class="flag flag-{escape(f.level)} small">{escape(f.text)}</div>'
            for f in check.flags
        )
        mark = ' class="row-warning"' if flagged else ""
        why = k.appraisal_reason
        why = f'<div class="small muted">{escape(why)}</div>' if why else ""
        out.append(
            f"<tr{mark}>\n"
            f"      <td>{k.order}</td>\n"
            f'      <td><a href="{prefix}{k.pk}/">{escape(k.name)}</a>{pill}'
            f'<div class="small muted">{escape(k.role)}</div></td>\n'
            f"      <td>{escape(k.form)}</td>\n"
            f'      <td class="small">{escape(summary)}</td>\n'
            f'      <td><span class="badge badge-{escape(status)}">{escape(label)}</span>'
            f"{reasons}{flags}</td>\n"
            f'      <td><span class="badge badge-appraisal-{escape(k.appraisal)}">'
            f"{escape(APPRAISALS.get(k.appraisal, k.appraisal))}</span>{why}</td>\n"
            "    </tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


def warned_links(prefix: str, warned: list[CandidateCheck], rows: dict[int, Row]) -> SafeString:
    """The names of the candidates to look at again, each a link, as the template wrote them."""
    return mark_safe(  # noqa: S308 - every value is escaped
        ", ".join(
            f'<a href="{prefix}{c.candidate_id}/">{escape(rows[c.candidate_id].name)}</a> '
            f"({escape(OVERALL_LABELS[c.status])})"
            for c in warned
        )
    )
