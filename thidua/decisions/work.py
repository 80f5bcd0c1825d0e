"""Decisions waiting for the chairman's signature, and whom a new draft tells."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.core.notify import Notice
from thidua.core.worklist import WorkItem
from thidua.org import access
from thidua.org.access import Perm

from .models import Decision, DecisionKind, DecisionStatus

TO_SIGN = "Quyết định chờ ký ban hành"


def work_for(user, today: date) -> list[WorkItem]:
    paths = access.scope_paths(user, Perm.APPROVE_DECISIONS)
    if not paths:
        return []
    drafts = (
        Decision.objects.filter(access.path_q(paths, "issuer__path"))
        .filter(status=DecisionStatus.DRAFT, kind=DecisionKind.ISSUED)
        .select_related("award_form", "campaign")
        .order_by("-id")[:50]
    )
    return [
        WorkItem(
            TO_SIGN,
            f"{d.award_form.name} – {d.campaign.title}",
            reverse("decisions:detail", args=[d.pk]),
            d.signed_on,
        )
        for d in drafts
    ]


def notify_prepared(entry: AuditEntry) -> list[Notice]:
    decision: Decision = entry.subject  # type: ignore[attr-defined]
    if decision.kind != DecisionKind.ISSUED:
        return []
    users = access.users_with(Perm.APPROVE_DECISIONS, decision.issuer)
    return [
        Notice(
            users,
            f"Dự thảo quyết định chờ ký: {decision.award_form.name}",
            reverse("decisions:detail", args=[decision.pk]),
        )
    ]
