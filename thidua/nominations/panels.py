"""The dossier panel of a campaign's page. The campaign page sits lower in the flow and knows
nothing of dossiers: it loads this fragment with HTMX (and links to it without JavaScript)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.campaigns.policy import get_campaign_or_404

from . import policy
from .missed import review_scopes
from .models import Dossier


@login_required
def campaign_panel(request: HttpRequest, campaign_pk: int) -> HttpResponse:
    """The user's own units with their dossier (or a button to start one), and the way to the
    dashboard for the office that launched the campaign."""
    campaign = get_campaign_or_404(request.user, campaign_pk)
    units = policy.proposing_units(request.user, campaign)
    existing = {d.unit_id: d for d in Dossier.objects.filter(campaign=campaign, unit__in=units)}
    context = {
        "campaign": campaign,
        "own_dossiers": [(unit, existing.get(unit.pk)) for unit in units],
        "can_oversee": policy.can_oversee(request.user, campaign),
        "can_review": campaign.status != "draft" and bool(review_scopes(request.user, campaign)),
    }
    if request.headers.get("HX-Request"):
        return render(request, "nominations/_campaign_panel.html", context)
    return render(request, "nominations/campaign_panel.html", context)  # without JavaScript
