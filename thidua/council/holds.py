"""One achievement, one award: which candidates of a campaign already hold the award they are
proposed for, and in which decision.

A candidate is held when its subject (the person, or the collective) has, for the same campaign
and award form, an award in force in the history (``records.AwardRecord``, written when a
decision is signed or a higher authority's decision recorded) or a place in a decision not yet
signed. Decisions sit above the council: they answer through the ``awards_held`` signal (their
receiver is connected in ``decisions.apps``), so the council never imports them.

The council's docket, its count of the ballot and the decisions all ask here; the database
refuses the rest (the conditional unique constraints on ``AwardRecord`` and ``Recipient``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

from thidua.nominations.models import Candidate
from thidua.records.models import AwardRecord

# Sent with ``campaign_id``, ``form_ids`` (a set), ``person_ids`` and ``unit_ids`` (sets); each
# receiver returns ``{(kind, subject_id, form_id): "Quyết định số …"}`` with kind "p" or "u".
awards_held = Signal()

Key = tuple[str, int, int]


def key(candidate: Candidate) -> Key:
    if candidate.person_id:
        return ("p", candidate.person_id, candidate.award_form_id)
    return ("u", candidate.unit_id, candidate.award_form_id)  # type: ignore[return-value]


def holders(campaign_id: int, candidates: Iterable[Candidate]) -> dict[Key, str]:
    """The decision that holds each key of these candidates (absent: free). Two queries."""
    candidates = list(candidates)
    if not candidates:
        return {}
    form_ids = {c.award_form_id for c in candidates}
    person_ids = {c.person_id for c in candidates if c.person_id}
    unit_ids = {c.unit_id for c in candidates if not c.person_id and c.unit_id}
    found: dict[Key, str] = {}
    for _receiver, answer in awards_held.send(
        sender=Candidate,
        campaign_id=campaign_id,
        form_ids=form_ids,
        person_ids=person_ids,
        unit_ids=unit_ids,
    ):
        if isinstance(answer, dict):
            found.update(answer)
    records = AwardRecord.objects.filter(
        campaign_id=campaign_id, award_form_id__in=form_ids, revoked_on__isnull=True
    ).values_list("person_id", "unit_id", "award_form_id", "decision_number")
    for person_id, unit_id, form_id, number in records:
        k: Key = ("p", person_id, form_id) if person_id else ("u", unit_id, form_id)
        if (k[0] == "p" and person_id in person_ids) or (k[0] == "u" and unit_id in unit_ids):
            found.setdefault(k, f"Quyết định số {number}")
    return found


def held(campaign_id: int, candidates: Iterable[Candidate]) -> dict[int, str]:
    """``{candidate id: "đã có tên trong Quyết định số …"}`` for the candidates already held."""
    candidates = list(candidates)
    found = holders(campaign_id, candidates)
    return {c.pk: f"đã có tên trong {found[key(c)]}" for c in candidates if key(c) in found}


def describe(candidates: Iterable[Candidate], reasons: dict[int, str]) -> list[str]:
    """One line per held candidate: "Nguyễn Văn A (Giấy khen …): đã có tên trong …"."""
    return [
        f"{c.name} ({c.award_form.name}): {reasons[c.pk]}" for c in candidates if c.pk in reasons
    ]
