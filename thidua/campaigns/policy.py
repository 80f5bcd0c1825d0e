"""Campaign visibility, permissions and the state table; lists and buttons both read it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Perm

from .models import Campaign, CampaignStatus

PUBLIC_STATUSES = (CampaignStatus.LAUNCHED, CampaignStatus.CLOSED)


# The campaign's workflow, one row per action.
TRANSITIONS: dict[str, Transition] = {
    "launch": Transition(
        source=(CampaignStatus.DRAFT,),
        target=CampaignStatus.LAUNCHED,
        label="Phát động",
        confirm="Phát động đợt thi đua? Sau khi phát động, nội dung kế hoạch không sửa được nữa.",
    ),
    "close": Transition(
        source=(CampaignStatus.LAUNCHED,),
        target=CampaignStatus.CLOSED,
        label="Kết thúc đợt thi đua",
        confirm="Kết thúc đợt thi đua?",
    ),
}


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    managed = access.scope_paths(user, Perm.MANAGE_CAMPAIGNS)
    condition = Q(status__in=PUBLIC_STATUSES)
    for path in managed:
        condition |= Q(issuer__path__startswith=path)
    return Campaign.objects.filter(condition).select_related("issuer")


def can_manage(user, campaign: Campaign) -> bool:
    return access.in_scope(user, campaign.issuer, Perm.MANAGE_CAMPAIGNS)


def is_editable(campaign: Campaign) -> bool:
    """The plan's content is frozen once launched; only quotas can still be set."""
    return campaign.status == CampaignStatus.DRAFT


def available_actions(campaign: Campaign, user) -> list[tuple[str, Transition]]:
    if not can_manage(user, campaign):
        return []
    return [(name, t) for name, t in TRANSITIONS.items() if campaign.status in t.source]


def get_campaign_or_404(user, pk: int) -> Campaign:
    campaign = campaigns_visible_to(user).filter(pk=pk).first()
    if campaign is None:
        raise Http404("Không tìm thấy đợt thi đua.")
    return campaign


def get_managed_campaign_or_404(user, pk: int) -> Campaign:
    campaign = get_campaign_or_404(user, pk)
    if not can_manage(user, campaign):
        raise PermissionDenied(
            "Chỉ chuyên viên TĐKT của cơ quan phát động được sửa đợt thi đua này."
        )
    return campaign
