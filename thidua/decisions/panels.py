"""The decisions panel of a council meeting's page: the forms the issuer decides (with their
draft or decision), the decisions made, the forms proposed upward. Served here as an HTMX
fragment, because the council sits below decisions and must not import it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.council import policy as council_policy
from thidua.council.models import Meeting, MeetingStatus
from thidua.org.access import Actor

from . import eoffice, policy
from .meeting_results import decidable_forms, upward_forms
from .models import Decision


def panel(user: Actor, meeting: Meeting) -> dict:
    """After the ballot: the emulation office drafts one decision per form within authority."""
    if meeting.status != MeetingStatus.CLOSED:
        return {"decidable": [], "decisions": [], "upward": [], "upward_package": None}
    decisions = list(Decision.objects.filter(meeting=meeting).select_related("award_form"))
    existing = {d.award_form_id: d for d in decisions}
    can_prepare = policy.can_prepare(user, meeting.campaign.issuer)
    upward = upward_forms(meeting) if can_prepare else []
    return {
        "decidable": [(f, existing.get(f.pk)) for f in decidable_forms(meeting)]
        if can_prepare
        else [],
        "decisions": decisions,
        "upward": upward,
        "upward_package": eoffice.current_job(meeting) if upward else None,
    }


@login_required
def meeting_panel(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = council_policy.get_meeting_or_404(request.user, meeting_pk)
    context = {"meeting": meeting, **panel(request.user, meeting)}
    if request.headers.get("HX-Request"):
        return render(request, "decisions/meeting_panel.html", context)
    return render(request, "decisions/meeting_panel_page.html", context)  # the link, no script
