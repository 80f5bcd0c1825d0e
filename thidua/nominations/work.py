"""What dossiers ask of each role (home page) and whom their steps notify."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.models import AuditEntry
from thidua.core.notify import Notice
from thidua.core.workdays import days_left_label
from thidua.core.worklist import WorkItem
from thidua.org import access
from thidua.org.access import Perm

from .models import Candidate, Dossier, DossierStatus, Extension

RETURNED = "Hồ sơ bị trả lại để bổ sung"
DEADLINE = "Sắp hết hạn nộp hồ sơ"
TO_SUBMIT = "Hồ sơ chờ thủ trưởng duyệt và nộp"
TO_APPRAISE = "Hồ sơ đã nộp, chờ thẩm định"


def _url(dossier: Dossier) -> str:
    return reverse("nominations:detail", args=[dossier.pk])


def work_for(user, today: date) -> list[WorkItem]:
    items: list[WorkItem] = []
    editing = access.scope_paths(user, Perm.EDIT_DOSSIERS)
    if editing:
        own = Dossier.objects.filter(access.path_q(editing, "unit__path")).select_related(
            "unit", "campaign"
        )
        for d in own.filter(status=DossierStatus.RETURNED).order_by("-id")[:50]:
            items.append(
                WorkItem(RETURNED, f"{d.unit.name} – {d.campaign.title}", _url(d), d.submitted_at)
            )
        items += _deadlines(user, today)
    submitting = access.scope_paths(user, Perm.SUBMIT_DOSSIERS)
    if submitting:
        ready = (
            Dossier.objects.filter(access.path_q(submitting, "unit__path"))
            .filter(status__in=(DossierStatus.DRAFT, DossierStatus.RETURNED))
            .filter(campaign__status=CampaignStatus.LAUNCHED)
            .filter(Exists(Candidate.objects.filter(dossier=OuterRef("pk"))))
            .select_related("unit", "campaign")
            .order_by("-id")[:50]
        )
        for d in ready:
            items.append(
                WorkItem(TO_SUBMIT, f"{d.unit.name} – {d.campaign.title}", _url(d), d.created_at)
            )
    appraising = access.scope_paths(user, Perm.APPRAISE_DOSSIERS)
    if appraising:
        waiting = (
            Dossier.objects.filter(access.path_q(appraising, "campaign__issuer__path"))
            .filter(status=DossierStatus.SUBMITTED)
            .select_related("unit", "campaign")
            .order_by("-submitted_at")[:50]
        )
        for d in waiting:
            items.append(
                WorkItem(
                    TO_APPRAISE,
                    f"{d.unit.name} – {d.campaign.title}",
                    _url(d),
                    d.submitted_at,
                    detail=f"nộp ngày {d.submitted_at:%d/%m/%Y}" if d.submitted_at else "",
                )
            )
    return items


def _deadlines(user, today: date) -> list[WorkItem]:
    """Launched campaigns whose deadline (or the unit's extension) falls within 7 days, for
    each unit the user builds dossiers for that has not submitted yet."""
    units = access.assigned_units(user, Perm.EDIT_DOSSIERS)
    soon = today + timedelta(days=7)
    campaigns = list(
        Campaign.objects.filter(status=CampaignStatus.LAUNCHED, dossier_deadline__gte=today)
        .filter(dossier_deadline__lte=soon)
        .select_related("issuer")
    )
    if not campaigns or not units:
        return []
    done = set(
        Dossier.objects.filter(campaign__in=campaigns, unit__in=units)
        .exclude(status__in=(DossierStatus.DRAFT, DossierStatus.RETURNED))
        .values_list("campaign_id", "unit_id")
    )
    extended = {
        (e.campaign_id, e.unit_id): e.until
        for e in Extension.objects.filter(campaign__in=campaigns, unit__in=units)
    }
    items = []
    for campaign in campaigns:
        for unit in units:
            if not unit.path.startswith(campaign.issuer.path) or unit.pk == campaign.issuer_id:
                continue
            if (campaign.pk, unit.pk) in done:
                continue
            due = extended.get((campaign.pk, unit.pk), campaign.dossier_deadline)
            items.append(
                WorkItem(
                    DEADLINE,
                    f"{unit.name} – {campaign.title}",
                    reverse("campaigns:detail", args=[campaign.pk]),
                    due,
                    detail=f"hạn {due:%d/%m/%Y}, {days_left_label(today, due)}",
                    due=due,
                )
            )
    return items


# --- notifications -----------------------------------------------------------------------------


def notify_returned(entry: AuditEntry) -> list[Notice]:
    dossier: Dossier = entry.subject  # type: ignore[attr-defined]
    users = access.users_with(Perm.EDIT_DOSSIERS, dossier.unit)
    return [Notice(users, f"Hồ sơ của {dossier.unit.name} bị trả lại để bổ sung", _url(dossier))]


def notify_submitted(entry: AuditEntry) -> list[Notice]:
    dossier: Dossier = entry.subject  # type: ignore[attr-defined]
    users = access.users_with(Perm.APPRAISE_DOSSIERS, dossier.campaign.issuer)
    return [Notice(users, f"{dossier.unit.name} đã nộp hồ sơ, chờ thẩm định", _url(dossier))]
