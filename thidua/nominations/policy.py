"""Who may see and act on a dossier, and the dossier's state table.

Services call ``check`` before they change anything; pages show the buttons and forms that
``available_actions`` and ``allows`` read from the same tables."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit
from thidua.org.unit_services import not_in_force

# Who takes part in a campaign and who oversees it: participation's answers, used here too.
from thidua.participation.policy import can_oversee as can_oversee
from thidua.participation.policy import (
    get_overseen_campaign_or_404 as get_overseen_campaign_or_404,
)
from thidua.participation.policy import proposing_units as proposing_units

from .errors import DossierError
from .models import Dossier, DossierStatus

EDITABLE = (DossierStatus.DRAFT, DossierStatus.RETURNED)


# The dossier's workflow, one row per action. Views, API and buttons all read this table.
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        source=EDITABLE,
        target=DossierStatus.SUBMITTED,
        perm=Perm.SUBMIT_DOSSIERS,
        label="Duyệt và nộp hồ sơ",
        # {office}: the campaign's appraising office (services.appraising_office).
        confirm="Nộp hồ sơ cho {office}? Sau khi nộp, đơn vị không sửa được hồ sơ.",
    ),
    "return": Transition(
        source=(DossierStatus.SUBMITTED,),
        target=DossierStatus.RETURNED,
        perm=Perm.APPRAISE_DOSSIERS,
        label="Trả lại để bổ sung",
        confirm="Trả hồ sơ cho đơn vị để bổ sung?",
        needs_reason=True,
    ),
    "appraise": Transition(
        source=(DossierStatus.SUBMITTED,),
        target=DossierStatus.APPRAISED,
        perm=Perm.APPRAISE_DOSSIERS,
        label="Hoàn thành thẩm định",
        confirm="Xác nhận đã thẩm định xong hồ sơ này?",
    ),
}


@dataclass(frozen=True)
class Rule:
    """An action on what a dossier holds, which leaves its state as it is."""

    source: tuple[str, ...]  # the states it is allowed in
    perm: str
    refused: str  # why not, in another state ({status}: the state's label)


# Actions inside a state, one row each; services check them as they check transitions.
RULES: dict[str, Rule] = {
    # Candidates, attestations, documents, Excel import: the unit, until it submits.
    "edit": Rule(
        source=EDITABLE,
        perm=Perm.EDIT_DOSSIERS,
        refused="Hồ sơ đang ở trạng thái “{status}”: đơn vị không sửa được.",
    ),
    # One candidate's conclusion: Phòng Nội vụ, while the dossier waits for appraisal.
    "appraise_candidate": Rule(
        source=(DossierStatus.SUBMITTED,),
        perm=Perm.APPRAISE_DOSSIERS,
        refused="Chỉ thẩm định được hồ sơ đã nộp.",
    ),
}


def _rule(action: str) -> tuple[tuple[str, ...], str | None, str]:
    """(states, permission, refusal in another state) of a transition or a rule."""
    if action in TRANSITIONS:
        t = TRANSITIONS[action]
        return t.source, t.perm, f"Hồ sơ đang “{{status}}”: không thể {t.label.lower()}."
    rule = RULES[action]
    return rule.source, rule.perm, rule.refused


def check(actor: Actor, dossier: Dossier, action: str) -> None:
    """Refuse ``action`` (a key of TRANSITIONS or RULES) unless the table allows it:
    PermissionDenied (403) without the permission, DossierError in another state."""
    source, perm, refused = _rule(action)
    if perm is not None and not can(actor, dossier, perm):
        raise PermissionDenied("Vai trò của bạn không được thực hiện thao tác này.")
    if dossier.status not in source:
        raise DossierError(refused.format(status=dossier.get_status_display()))


def allows(actor: Actor, dossier: Dossier, action: str) -> bool:
    try:
        check(actor, dossier, action)
    except (PermissionDenied, DossierError):
        return False
    return True


def available_actions(actor: Actor, dossier: Dossier) -> list[tuple[str, Transition]]:
    """The transitions the page offers as buttons."""
    return [(name, t) for name, t in TRANSITIONS.items() if allows(actor, dossier, name)]


def can(actor: Actor, dossier: Dossier, perm: str) -> bool:
    if perm == Perm.APPRAISE_DOSSIERS:
        # Appraisal belongs to the office of the unit that launched the campaign, not to an
        # emulation officer further down who happens to cover the proposing unit.
        return access.in_scope(actor, dossier.campaign.issuer, perm)
    return access.in_scope(actor, dossier.unit, perm)


def check_start(actor: Actor, campaign: Campaign, unit: Unit) -> None:
    """May ``actor`` start ``unit``'s dossier in ``campaign``? Only for a unit of their own,
    inside the issuer's subtree, while the campaign runs."""
    if unit not in access.assigned_units(actor, Perm.EDIT_DOSSIERS):
        raise PermissionDenied("Bạn không được lập hồ sơ cho đơn vị này trong đợt thi đua.")
    if campaign.status != CampaignStatus.LAUNCHED:
        raise DossierError("Đợt thi đua chưa phát động hoặc đã kết thúc: không lập hồ sơ được.")
    if not unit.path.startswith(campaign.issuer.path):
        raise DossierError("Đơn vị không thuộc phạm vi của đợt thi đua này.")
    # The unit must be in force on the day it opens the dossier (the campaign's last day for a
    # campaign of the past entered afterwards): a ward closed on 30/06/2025 opens none in 2026.
    day = min(timezone.localdate(), campaign.period_end)
    if closed := not_in_force(unit, day):
        raise DossierError(f"{closed} Không lập hồ sơ được.")


def check_oversight(actor: Actor, campaign: Campaign) -> None:
    """Extensions and reminders are for Phòng Nội vụ of the issuing unit."""
    if not can_oversee(actor, campaign):
        raise PermissionDenied("Chỉ chuyên viên thi đua, khen thưởng của cơ quan phát động.")


def dossiers_visible_to(user: Actor) -> QuerySet[Dossier]:
    return Dossier.objects.filter(
        access.path_q(access.scope_paths(user, Perm.VIEW_DOSSIERS), "unit__path")
    ).select_related("unit", "campaign")


def get_dossier_or_404(user: Actor, pk: int, perm: str = Perm.VIEW_DOSSIERS) -> Dossier:
    """Outside every subtree of the user the dossier does not exist (404); inside one, a role
    without the right to see dossiers or to take the action gets 403."""
    dossier = (
        Dossier.objects.select_related("unit", "campaign", "campaign__issuer").filter(pk=pk).first()
    )
    if dossier is None or not access.in_scope(user, dossier.unit):
        raise Http404("Không tìm thấy hồ sơ.")
    if not access.in_scope(user, dossier.unit, Perm.VIEW_DOSSIERS) or not can(user, dossier, perm):
        raise PermissionDenied("Vai trò của bạn không có quyền thực hiện thao tác này với hồ sơ.")
    return dossier
