"""Who sees a decision: the issuer's emulation office, its chairman, its council secretary."""

from __future__ import annotations

from django.http import Http404

from thidua.org import access
from thidua.org.access import Perm

from .models import Decision

VIEW_PERMS = (Perm.MANAGE_CAMPAIGNS, Perm.APPROVE_DECISIONS, Perm.VIEW_DOSSIERS)


def can_view(user, decision: Decision) -> bool:
    # A higher authority's decision recorded by the campaign's issuer is seen there too.
    return any(
        access.in_scope(user, unit, perm)
        for perm in VIEW_PERMS
        for unit in (decision.issuer, decision.campaign.issuer)
    )


def decisions_visible_to(user):
    paths = sorted({p for perm in VIEW_PERMS for p in access.scope_paths(user, perm)})
    return Decision.objects.filter(
        access.path_q(paths, "issuer__path") | access.path_q(paths, "campaign__issuer__path")
    ).select_related("award_form", "campaign", "issuer")


def get_decision_or_404(user, pk: int) -> Decision:
    decision = (
        Decision.objects.select_related("award_form__authority", "campaign", "issuer")
        .filter(pk=pk)
        .first()
    )
    if decision is None or not can_view(user, decision):
        raise Http404("Không tìm thấy quyết định.")
    return decision
