"""Campaign visibility, permissions and the state table; lists, buttons and services read it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.core.errors import ServiceError
from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.unit_services import not_in_force

from .models import Campaign, CampaignStatus

PUBLIC_STATUSES = (CampaignStatus.LAUNCHED, CampaignStatus.CLOSED)


class CampaignError(ServiceError):
    """An action on a campaign refused for a reason the user must read (Vietnamese)."""


# The campaign's workflow, one row per action. Every action on a campaign, these and the
# edits below, needs MANAGE_CAMPAIGNS over the issuer (``can_manage``).
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

# Changes to the plan that keep its state, and the states that allow them.
EDITS: dict[str, tuple[str, ...]] = {
    "edit": (CampaignStatus.DRAFT,),  # the plan's content is frozen once launched
    "quota": tuple(CampaignStatus),  # "sẽ có văn bản hướng dẫn cụ thể sau": quotas come later
}

# What the user reads when the campaign's state refuses the action.
WRONG_STATE: dict[str, str] = {
    "launch": "Đợt thi đua không ở trạng thái dự thảo nên không thể phát động.",
    "close": "Chỉ kết thúc được đợt thi đua đang diễn ra.",
    "edit": "Đợt thi đua đã phát động: nội dung kế hoạch không sửa được nữa.",
}


def campaigns_visible_to(user: Actor) -> QuerySet[Campaign]:
    managed = access.scope_paths(user, Perm.MANAGE_CAMPAIGNS)
    condition = Q(status__in=PUBLIC_STATUSES)
    for path in managed:
        condition |= Q(issuer__path__startswith=path)
    return Campaign.objects.filter(condition).select_related("issuer")


def can_manage(user: Actor, campaign: Campaign) -> bool:
    return access.in_scope(user, campaign.issuer, Perm.MANAGE_CAMPAIGNS)


def is_editable(campaign: Campaign) -> bool:
    """The plan's content is frozen once launched; only quotas can still be set."""
    return campaign.status in EDITS["edit"]


def check(actor: Actor, campaign: Campaign, action: str) -> None:
    """Refuse ``action`` (a row of TRANSITIONS or EDITS): PermissionDenied unless ``actor``
    runs campaigns of the issuer, CampaignError when the campaign's state does not allow it."""
    if not can_manage(actor, campaign):
        raise PermissionDenied(
            "Chỉ chuyên viên TĐKT của cơ quan phát động được thực hiện thao tác này."
        )
    states = TRANSITIONS[action].source if action in TRANSITIONS else EDITS[action]
    if campaign.status not in states:
        raise CampaignError(WRONG_STATE[action])


def launch_problems(campaign: Campaign) -> list[str]:
    """What stops a campaign from being launched, in Vietnamese; empty when it can go."""
    problems = []
    day = campaign.signed_on or campaign.period_start
    award_forms = list(
        campaign.award_forms.select_related("authority").prefetch_related("criteria_sets__criteria")
    )
    if closed := not_in_force(campaign.issuer, day):
        problems.append(f"{closed} Không phát động được đợt thi đua.")
    if not award_forms:
        problems.append("Chưa có hình thức khen thưởng nào.")
    for form in award_forms:
        if not form.authority.is_valid_on(day):
            problems.append(
                f"Thẩm quyền “{form.authority.name}” của “{form.name}” không có hiệu lực ngày {day:%d/%m/%Y}."
            )
        needs_criteria = not form.delegated_to_units and not form.selection_rule
        if needs_criteria and not form.criteria_sets.all():
            problems.append(f"“{form.name}” chưa có tiêu chuẩn.")
        for criteria_set in form.criteria_sets.all():
            if not criteria_set.criteria.all():
                problems.append(
                    f"“{form.name}” – “{criteria_set.subject_category}”: chưa có tiêu chuẩn nào."
                )
    for basis in campaign.legal_bases.all():
        if not basis.is_valid_on(day):
            problems.append(f"Căn cứ không còn hiệu lực ngày {day:%d/%m/%Y}: {basis.text[:120]}")
    if not campaign.required_documents.exists():
        problems.append("Chưa quy định thành phần hồ sơ đề nghị khen thưởng.")
    return problems


def available_actions(campaign: Campaign, user: Actor) -> list[tuple[str, Transition]]:
    if not can_manage(user, campaign):
        return []
    return [(name, t) for name, t in TRANSITIONS.items() if campaign.status in t.source]


def get_campaign_or_404(user: Actor, pk: int) -> Campaign:
    campaign = campaigns_visible_to(user).filter(pk=pk).first()
    if campaign is None:
        raise Http404("Không tìm thấy đợt thi đua.")
    return campaign


def get_managed_campaign_or_404(user: Actor, pk: int) -> Campaign:
    """For the editing pages, which show a form only to those who may send it."""
    campaign = get_campaign_or_404(user, pk)
    if not can_manage(user, campaign):
        raise PermissionDenied(
            "Chỉ chuyên viên TĐKT của cơ quan phát động được sửa đợt thi đua này."
        )
    return campaign
