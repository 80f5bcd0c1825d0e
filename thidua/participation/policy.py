"""Who takes part in a campaign: the units asked to, who acts for them, who oversees them.

Nominations builds on these (a unit proposes in the campaigns it takes part in), so they live
here, below it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.campaigns.policy import get_campaign_or_404
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit

from .errors import ParticipationError


def expected_units(campaign: Campaign) -> QuerySet[Unit]:
    """Units asked to take part: the issuer's direct subordinates that exist during the
    campaign, and any other unit that started a dossier for it."""
    return (
        Unit.objects.filter(
            # ``dossiers`` is the reverse name of nominations' Dossier.unit: a lookup, no import.
            Q(parent=campaign.issuer) | Q(dossiers__campaign=campaign),
        )
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=campaign.period_end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=campaign.period_start))
        .distinct()
        .order_by("sort_order", "name")
    )


def proposing_units(user: Actor, campaign: Campaign) -> list[Unit]:
    """Units ``user`` acts for in ``campaign`` (dossier, plan, report): their own units inside
    the issuer's subtree, while the campaign is running."""
    if campaign.status != CampaignStatus.LAUNCHED:
        return []
    return [
        unit
        for unit in access.assigned_units(user, Perm.EDIT_DOSSIERS)
        if unit.path.startswith(campaign.issuer.path)
    ]


def proposing_unit_or_403(user: Actor, campaign: Campaign, unit_pk: int) -> Unit:
    units = {u.pk: u for u in proposing_units(user, campaign)}
    if unit_pk in units:
        return units[unit_pk]
    unit = Unit.objects.filter(pk=unit_pk).first()
    if unit is None or not access.in_scope(user, unit):
        raise Http404("Không tìm thấy đơn vị.")
    raise PermissionDenied("Bạn chỉ ghi được kế hoạch, báo cáo của đơn vị mình.")


def can_oversee(user: Actor, campaign: Campaign) -> bool:
    """Phòng Nội vụ of the issuing unit: the dashboards, reminders and extensions."""
    return access.in_scope(user, campaign.issuer, Perm.APPRAISE_DOSSIERS)


def get_overseen_campaign_or_404(user: Actor, pk: int) -> Campaign:
    campaign = get_campaign_or_404(user, pk)
    if not can_oversee(user, campaign):
        raise PermissionDenied("Chỉ chuyên viên thi đua, khen thưởng của cơ quan phát động.")
    return campaign


def check(actor: Actor, campaign: Campaign, unit: Unit) -> None:
    """May ``actor`` record the plan or report of ``unit`` in ``campaign`` now? PermissionDenied
    (403) for someone else's unit, ParticipationError for a campaign or unit that does not
    allow it."""
    if not access.in_scope(actor, unit, Perm.EDIT_DOSSIERS):
        raise PermissionDenied("Chỉ cán bộ của đơn vị được ghi kế hoạch, báo cáo của đơn vị.")
    if not unit.path.startswith(campaign.issuer.path) or unit.pk == campaign.issuer_id:
        raise ParticipationError("Đơn vị không thuộc phạm vi của đợt thi đua này.")
    if campaign.status == CampaignStatus.DRAFT:
        raise ParticipationError("Đợt thi đua chưa phát động.")
