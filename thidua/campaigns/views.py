"""Pages that read campaigns: the home page, the list, a campaign's plan, its DOCX and the
eligibility check. The pages that change a plan are in ``edit_views``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.core import worklist
from thidua.core.audit import history
from thidua.core.web import DOCX, download
from thidua.org import access
from thidua.org.access import Actor, Perm

from . import policy, services
from .criteria import check, describe
from .documents import plan_docx as build_plan_docx
from .models import AwardForm, Campaign, ClauseSection, CriteriaSet, RequiredDocument


def home(request: HttpRequest) -> HttpResponse:
    campaigns = policy.campaigns_visible_to(request.user).order_by("-period_start", "-id")[:10]
    return render(
        request,
        "core/home.html",
        {
            "campaigns": campaigns,
            "assignments": access.assignments(request.user),
            "work": worklist.groups_for(request.user),
        },
    )


def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = policy.campaigns_visible_to(request.user).order_by("-period_start", "-id")
    return render(
        request,
        "campaigns/list.html",
        {
            "campaigns": campaigns,
            "can_create": access.has_perm_anywhere(request.user, Perm.MANAGE_CAMPAIGNS),
        },
    )


def load_campaign_for_display(pk: int, user: Actor) -> Campaign:
    campaign = policy.get_campaign_or_404(user, pk)
    return (
        Campaign.objects.select_related("issuer", "receiving_unit")
        .prefetch_related(
            "legal_bases",
            "clauses",
            "subject_categories",
            Prefetch("required_documents", RequiredDocument.objects.select_related("award_form")),
            Prefetch(
                "award_forms",
                AwardForm.objects.select_related("authority", "granting_unit").prefetch_related(
                    Prefetch(
                        "criteria_sets",
                        CriteriaSet.objects.select_related("subject_category").prefetch_related(
                            "criteria"
                        ),
                    )
                ),
            ),
        )
        .get(pk=campaign.pk)
    )


def criteria_tree(criteria_set: CriteriaSet) -> list[dict[str, Any]]:
    """Nest the set's criteria (already prefetched) for display, with a rule summary."""
    nodes = {
        c.pk: {"criterion": c, "rule": describe(c), "children": []}
        for c in criteria_set.criteria.all()
    }
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["criterion"].parent_id)
        (parent["children"] if parent else roots).append(node)
    return roots


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = load_campaign_for_display(pk, request.user)
    award_forms = []
    for award_form in campaign.award_forms.all():
        sets = [{"set": s, "tree": criteria_tree(s)} for s in award_form.criteria_sets.all()]
        award_forms.append({"form": award_form, "sets": sets})
    can_manage = policy.can_manage(request.user, campaign)
    editable = can_manage and policy.is_editable(campaign)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "derivable": derive_links(request.user, campaign),
            "award_forms": award_forms,
            "sections": {s.value: campaign.clauses_of(s.value) for s in ClauseSection},
            "can_manage": can_manage,
            "can_check": access.has_perm_anywhere(request.user, Perm.VIEW_PEOPLE),
            "editable": editable,
            "actions": policy.available_actions(campaign, request.user),
            "launch_problems": policy.launch_problems(campaign) if editable else [],
            "history": history(campaign)[:20] if can_manage else [],
        },
    )


def derive_links(user: Actor, campaign: Campaign) -> list[tuple[Any, Campaign | None]]:
    """The units the user may derive the campaign for, each with its derived campaign if any."""
    children = {c.issuer_id: c for c in campaign.derived.all()}
    return [(u, children.get(u.pk)) for u in services.derivable_units(user, campaign)]


def eligibility_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Check one person or collective against the campaign's criteria, from the history."""
    campaign = policy.get_campaign_or_404(request.user, pk)
    if not access.has_perm_anywhere(request.user, Perm.VIEW_PEOPLE):
        raise PermissionDenied("Vai trò của bạn không được xem thông tin cá nhân.")
    subject, results, matches = None, [], []
    q = request.GET.get("q", "").strip()
    if request.GET.get("ca_nhan", "").isdigit():
        subject = access.get_person_or_404(request.user, int(request.GET["ca_nhan"]))
    elif request.GET.get("tap_the", "").isdigit():
        subject = access.get_unit_or_404(
            request.user, int(request.GET["tap_the"]), Perm.VIEW_PEOPLE
        )
    elif q:
        matches = list(
            access.people_with(request.user)
            .filter(full_name__icontains=q)
            .select_related("unit")[:20]
        )
    if subject is not None:
        results = check(subject, campaign)
    return render(
        request,
        "campaigns/eligibility.html",
        {
            "campaign": campaign,
            "subject": subject,
            "results": results,
            "matches": matches,
            "q": q,
            "is_person": hasattr(subject, "full_name"),
        },
    )


def plan_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as a Word document, rebuilt from the campaign's data (public once launched)."""
    campaign = load_campaign_for_display(pk, request.user)
    return download(build_plan_docx(campaign), f"ke-hoach-{campaign.pk}.docx", DOCX)
