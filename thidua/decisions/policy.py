"""Who sees a decision (the issuer's emulation office, its chairman, its council secretary), who
acts on it (the office drafts, the chairman signs), and the decision's state table."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from thidua.core.errors import ServiceError
from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit

from .models import Decision, DecisionKind, DecisionStatus

VIEW_PERMS = (Perm.MANAGE_CAMPAIGNS, Perm.APPROVE_DECISIONS, Perm.VIEW_DOSSIERS)


class DecisionError(ServiceError):
    pass


# The decision's workflow, one row per action: the buttons of the decision's page and the
# services' checks both read it. A signed decision is read-only.
TRANSITIONS: dict[str, Transition] = {
    "edit": Transition(
        source=(DecisionStatus.DRAFT,),
        target=DecisionStatus.DRAFT,
        perm=Perm.MANAGE_CAMPAIGNS,
        label="Lưu dự thảo",
        confirm="",
    ),
    "approve": Transition(
        source=(DecisionStatus.DRAFT,),
        target=DecisionStatus.APPROVED,
        perm=Perm.APPROVE_DECISIONS,
        label="Ký ban hành",
        confirm="Ký ban hành quyết định? Quyết định sẽ được cấp số và không sửa được nữa.",
    ),
    # A signed decision is corrected by a new one that revokes its awards (Luật TĐKT Điều 93):
    # the office drafts it here, the chairman signs it like any decision.
    "revoke": Transition(
        source=(DecisionStatus.APPROVED,),
        target=DecisionStatus.APPROVED,
        perm=Perm.MANAGE_CAMPAIGNS,
        label="Thu hồi, hủy bỏ khen thưởng",
        confirm="",
    ),
}

# What each action says to a role without its permission.
REFUSED = {
    "edit": "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được sửa dự thảo.",
    "approve": "Chỉ Chủ tịch (hoặc người được ủy quyền) ký ban hành quyết định.",
    "revoke": "Chỉ chuyên viên thi đua, khen thưởng của cơ quan ban hành được lập quyết định thu hồi.",
}

# What each action says in the wrong state.
NOT_NOW = {"revoke": "Chỉ thu hồi được quyết định đã ký ban hành."}


def can_view(user: Actor, decision: Decision) -> bool:
    # A higher authority's decision recorded by the campaign's issuer is seen there too.
    return any(
        access.in_scope(user, unit, perm)
        for perm in VIEW_PERMS
        for unit in (decision.issuer, decision.campaign.issuer)
    )


def can_prepare(user: Actor, issuer: Unit) -> bool:
    """The issuer's emulation office drafts decisions and records the higher ones."""
    return access.in_scope(user, issuer, Perm.MANAGE_CAMPAIGNS)


def can(user: Actor, decision: Decision, perm: str | None) -> bool:
    return access.in_scope(user, decision.issuer, perm)


def available_actions(user: Actor, decision: Decision) -> list[tuple[str, Transition]]:
    return [
        (name, t)
        for name, t in TRANSITIONS.items()
        if decision.status in t.source
        and can(user, decision, t.perm)
        and (name != "revoke" or decision.kind == DecisionKind.ISSUED)
    ]


def check(user: Actor, decision: Decision, action: str) -> Transition:
    """The row of ``action`` if ``user`` may take it now: 403 without the permission,
    DecisionError in the wrong state."""
    transition = TRANSITIONS[action]
    if not can(user, decision, transition.perm):
        raise PermissionDenied(REFUSED[action])
    if decision.status not in transition.source:
        raise DecisionError(NOT_NOW.get(action, "Quyết định đã được ký ban hành."))
    return transition


def require_certificates(decision: Decision) -> None:
    """Certificates exist once the issuer's own decision is signed; before, they are not
    found, like any page that does not exist."""
    if decision.status != DecisionStatus.APPROVED or decision.kind != DecisionKind.ISSUED:
        raise Http404("Giấy khen có sau khi quyết định của cơ quan được ký ban hành.")


def decisions_visible_to(user: Actor) -> QuerySet[Decision]:
    paths = sorted({p for perm in VIEW_PERMS for p in access.scope_paths(user, perm)})
    return Decision.objects.filter(
        access.path_q(paths, "issuer__path") | access.path_q(paths, "campaign__issuer__path")
    ).select_related("award_form", "campaign", "issuer")


def get_decision_or_404(user: Actor, pk: int) -> Decision:
    decision = (
        Decision.objects.select_related("award_form__authority", "campaign", "issuer")
        .filter(pk=pk)
        .first()
    )
    if decision is None or not (
        access.in_scope(user, decision.issuer) or access.in_scope(user, decision.campaign.issuer)
    ):
        raise Http404("Không tìm thấy quyết định.")
    if not can_view(user, decision):
        raise PermissionDenied("Vai trò của bạn không được xem quyết định này.")
    return decision


# --- digital signatures: the chairman signs, the office (văn thư) adds the agency's ----------

SIGNING: dict[str, tuple[str, str]] = {
    # action: (permission, what a role without it is told)
    "sign": (Perm.APPROVE_DECISIONS, "Chỉ người ký ban hành (Chủ tịch) ký số quyết định."),
    "seal": (
        Perm.MANAGE_CAMPAIGNS,
        "Chỉ văn thư, chuyên viên thi đua, khen thưởng của cơ quan ban hành ký số của cơ quan.",
    ),
}


def signing_state(decision: Decision) -> str:
    """``unsigned`` (not signable yet: a draft, or a higher authority's decision), ``to_sign``,
    ``to_seal``, ``sealed``."""
    if decision.status != DecisionStatus.APPROVED or decision.kind == DecisionKind.HIGHER:
        return "unsigned"
    signature = getattr(decision, "signature", None)
    if signature is None:
        return "to_sign"
    return "sealed" if signature.sealed else "to_seal"


SIGNING_SOURCE = {"sign": "to_sign", "seal": "to_seal"}
SIGNING_NOT_NOW = {
    "unsigned": "Chỉ ký số được quyết định của cơ quan đã ký ban hành.",
    "to_sign": "Quyết định chưa có chữ ký số của người ký.",
    "to_seal": "Quyết định đã được người ký ký số.",
    "sealed": "Quyết định đã có đủ chữ ký số.",
}


def signing_actions(user: Actor, decision: Decision) -> list[str]:
    state = signing_state(decision)
    return [
        action
        for action, (perm, _) in SIGNING.items()
        if SIGNING_SOURCE[action] == state and can(user, decision, perm)
    ]


def check_signing(user: Actor, decision: Decision, action: str) -> None:
    perm, refused = SIGNING[action]
    if not can(user, decision, perm):
        raise PermissionDenied(refused)
    state = signing_state(decision)
    if state != SIGNING_SOURCE[action]:
        raise DecisionError(SIGNING_NOT_NOW[state])
