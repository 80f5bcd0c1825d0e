"""What a closed council meeting leaves to decide: the forms within the issuer's authority,
and those it proposes to a higher authority, each with the selected candidates."""

from __future__ import annotations

from thidua.campaigns.models import AwardForm
from thidua.council.models import DocketItem, Meeting, MeetingStatus


def decidable_forms(meeting: Meeting) -> list[AwardForm]:
    """Forms within the issuer's own authority that have selected candidates."""
    if meeting.status != MeetingStatus.CLOSED:
        return []
    forms: list[AwardForm] = []
    for item in meeting.items.select_related("candidate__award_form"):
        form = item.candidate.award_form
        if item.selected and not form.is_proposal_upward and form not in forms:
            forms.append(form)
    return forms


def upward_forms(meeting: Meeting) -> list[tuple[AwardForm, list[DocketItem]]]:
    """Forms the council proposes to a higher authority, with the selected candidates."""
    if meeting.status != MeetingStatus.CLOSED:
        return []
    result: dict[AwardForm, list[DocketItem]] = {}
    for item in meeting.items.select_related(
        "candidate__award_form", "candidate__person__unit", "candidate__unit"
    ):
        if item.selected and item.candidate.award_form.is_proposal_upward:
            result.setdefault(item.candidate.award_form, []).append(item)
    return list(result.items())
