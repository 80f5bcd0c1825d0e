"""The review page: who is being missed, who is proposed but fails, and the fairness view."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .fairness import SMALL_COLLECTIVE, fairness
from .missed import get_review_or_404, review


@login_required
def review_page(request: HttpRequest, campaign_pk: int) -> HttpResponse:
    raw = request.GET.get("don_vi", "")
    unit_pk = int(raw) if raw.isdigit() else None
    campaign, scope, scopes = get_review_or_404(request.user, campaign_pk, unit_pk)
    return render(
        request,
        "nominations/review.html",
        {
            "campaign": campaign,
            "scope": scope,
            "scopes": scopes,
            "forms": review(campaign, scope),
            "fairness": fairness(campaign, scope),
            "small": SMALL_COLLECTIVE,
        },
    )
