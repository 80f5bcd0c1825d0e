"""Who may see and act on a dossier, and the dossier's state table."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Perm

# Who takes part in a campaign and who oversees it: participation's answers, used here too.
from thidua.participation.policy import can_oversee as can_oversee
from thidua.participation.policy import get_overseen_campaign_or_404 as get_overseen_campaign_or_404
from thidua.participation.policy import proposing_units as proposing_units

from .models import Dossier, DossierStatus

EDITABLE = (DossierStatus.DRAFT, DossierStatus.RETURNED)


# The dossier's workflow, one row per action. Views, API and buttons all read this table.
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        source=EDITABLE,
        target=DossierStatus.SUBMITTED,
        perm=Perm.SUBMIT_DOSSIERS,
        label="Duyệt và nộp hồ sơ",
        confirm="Nộp hồ sơ cho Phòng Nội vụ? Sau khi nộp, đơn vị không sửa được hồ sơ.",
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


def dossiers_visible_to(user) -> QuerySet[Dossier]:
    return Dossier.objects.filter(
        access.path_q(access.scope_paths(user, Perm.VIEW_DOSSIERS), "unit__path")
    ).select_related("unit", "campaign")


def get_dossier_or_404(user, pk: int, perm: str = Perm.VIEW_DOSSIERS) -> Dossier:
    """Outside the user's dossier scope the dossier does not exist (404); inside, 403."""
    dossier = (
        Dossier.objects.select_related("unit", "campaign", "campaign__issuer").filter(pk=pk).first()
    )
    if dossier is None or not access.in_scope(user, dossier.unit, Perm.VIEW_DOSSIERS):
        raise Http404("Không tìm thấy hồ sơ.")
    if not can(user, dossier, perm):
        raise PermissionDenied("Vai trò của bạn không có quyền thực hiện thao tác này với hồ sơ.")
    return dossier


def can(user, dossier: Dossier, perm: str) -> bool:
    if perm == Perm.APPRAISE_DOSSIERS:
        # Appraisal belongs to the office of the unit that launched the campaign, not to an
        # emulation officer further down who happens to cover the proposing unit.
        return access.in_scope(user, dossier.campaign.issuer, perm)
    return access.in_scope(user, dossier.unit, perm)


def can_edit(user, dossier: Dossier) -> bool:
    return dossier.status in EDITABLE and can(user, dossier, Perm.EDIT_DOSSIERS)


def can_appraise(user, dossier: Dossier) -> bool:
    return can(user, dossier, Perm.APPRAISE_DOSSIERS)


def available_actions(user, dossier: Dossier) -> list[tuple[str, Transition]]:
    return [
        (name, t)
        for name, t in TRANSITIONS.items()
        if dossier.status in t.source and can(user, dossier, t.perm)
    ]
