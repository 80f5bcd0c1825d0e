"""One achievement, one award, across campaigns and levels: the same person or collective
proposed elsewhere for an award of the same form and period, shown to the appraiser.

"Elsewhere" is another candidate (another campaign, or another unit's dossier of the same
campaign) or an award in force in the history (a higher authority's decision recorded here,
another campaign's decision). The same person is the same name without diacritics and the same
birth date (people are sometimes entered twice, in two units); the same collective is the
same unit, or a unit of the same name. The same form is the same name (each campaign has its
own forms); the same period is overlapping campaign periods, or for an award without a campaign
a decision dated within the candidate's campaign period. Two queries for any number of
candidates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from thidua.core.text import ascii_key
from thidua.org.models import Person, Unit
from thidua.records.models import AwardRecord

from .models import Candidate


@dataclass(frozen=True)
class Elsewhere:
    """Another record of the same subject and form in the same period."""

    kind: str  # "candidate" or "award"
    name: str
    award: str
    where: str  # the campaign and unit, or the decision

    def __str__(self) -> str:
        return f"{self.name} – {self.award}: {self.where}"


def _subject(person: Person | None, unit: Unit | None) -> tuple:
    """The same person: the name without diacritics and the birth date; the same collective:
    the unit's name without diacritics."""
    if person is not None:
        return ("p", ascii_key(person.full_name), person.date_of_birth)
    assert unit is not None  # a record has a person or a unit (check constraints)
    return ("u", ascii_key(unit.name))


def _overlaps(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    return a_start <= b_end and b_start <= a_end


def find(candidates: list[Candidate]) -> dict[int, list[Elsewhere]]:
    """``{candidate id: [Elsewhere, …]}`` for the given candidates (loaded with
    ``dossier__campaign``, ``award_form``, ``person`` and ``unit``)."""
    if not candidates:
        return {}
    mine: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in candidates:
        mine[_subject(c.person, c.unit)].append(c)
    names = {k[1] for k in mine if k[0] == "p"}
    unit_names = {k[1] for k in mine if k[0] == "u"}
    starts = min(c.dossier.campaign.period_start for c in candidates)
    ends = max(c.dossier.campaign.period_end for c in candidates)
    own = {c.pk for c in candidates}
    subjects = Q(person__search_name__in=names) | Q(
        person__isnull=True, unit__search_name__in=unit_names
    )
    found: dict[int, list[Elsewhere]] = defaultdict(list)

    others = (
        Candidate.objects.filter(subjects)
        .filter(
            dossier__campaign__period_start__lte=ends, dossier__campaign__period_end__gte=starts
        )
        .exclude(pk__in=own)
        .select_related("person", "unit", "award_form", "dossier__campaign", "dossier__unit")
    )
    for o in others:
        key = _subject(o.person, o.unit)
        campaign = o.dossier.campaign
        for c in mine.get(key, []):
            mine_campaign = c.dossier.campaign
            if ascii_key(o.award_form.name) != ascii_key(c.award_form.name) or not _overlaps(
                campaign.period_start,
                campaign.period_end,
                mine_campaign.period_start,
                mine_campaign.period_end,
            ):
                continue
            found[c.pk].append(
                Elsewhere(
                    "candidate",
                    o.name,
                    o.award_form.name,
                    f"đề nghị trong {campaign.title} (hồ sơ của {o.dossier.unit.name}, "
                    f"{o.get_appraisal_display().lower()})",
                )
            )

    awards = (
        AwardRecord.objects.filter(subjects, revoked_on__isnull=True)
        .filter(decided_on__gte=starts)
        .select_related("person", "unit", "campaign")
    )
    for a in awards:
        key = _subject(a.person, a.unit)
        for c in mine.get(key, []):
            mine_campaign = c.dossier.campaign
            if ascii_key(a.award_name) != ascii_key(c.award_form.name):
                continue
            if a.campaign is not None:
                same_period = _overlaps(
                    a.campaign.period_start,
                    a.campaign.period_end,
                    mine_campaign.period_start,
                    mine_campaign.period_end,
                )
            else:
                same_period = (
                    mine_campaign.period_start <= a.decided_on
                    and a.decided_on.year <= mine_campaign.period_end.year + 1
                )
            if same_period:
                found[c.pk].append(
                    Elsewhere(
                        "award",
                        str(a.subject),
                        a.award_name,
                        f"đã được khen thưởng tại Quyết định số {a.decision_number} ngày "
                        f"{a.decided_on:%d/%m/%Y} của {a.issuer_name}",
                    )
                )
    return dict(found)
