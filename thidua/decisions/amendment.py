"""Amending an award (sửa đổi): the award is revoked by a revoking decision (``revocation``:
history, statistics and money follow), and awarded again, as corrected, by a later signed
decision of the same issuer; ``record_replacement`` links the two, so that the old
certificate's public page says "Đã được sửa đổi theo Quyết định số …" and leads to the new one.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404

from thidua.core import audit
from thidua.core.errors import ConflictError
from thidua.org.access import Actor

from . import policy
from .models import Decision, DecisionKind, DecisionStatus, Recipient
from .policy import DecisionError


def record_replacement(*, actor: User, old: Recipient, new: Recipient) -> Recipient:
    """``new`` (an award in force of a signed decision) replaces ``old`` (a revoked award of
    the same subject, from the same issuer)."""
    issuer = old.decision.issuer
    if not policy.can_prepare(actor, issuer):
        raise PermissionDenied("Chỉ cơ quan thi đua, khen thưởng của cơ quan ban hành ghi sửa đổi.")
    if old.revoked_on is None:
        raise DecisionError(
            "Khen thưởng cũ còn hiệu lực: ký quyết định thu hồi, hủy bỏ khen thưởng trước."
        )
    if new.decision.status != DecisionStatus.APPROVED or new.revoked_on is not None:
        raise DecisionError("Khen thưởng thay thế phải thuộc quyết định đã ký và còn hiệu lực.")
    if new.decision.issuer_id != old.decision.issuer_id:
        raise DecisionError("Khen thưởng thay thế phải do cùng cơ quan ban hành.")
    if (new.person_id, new.unit_id if new.person_id is None else None) != (
        old.person_id,
        old.unit_id if old.person_id is None else None,
    ):
        raise DecisionError("Khen thưởng thay thế phải của cùng tập thể, cá nhân.")
    if new.decision.signed_on < old.revoked_on:
        raise DecisionError("Quyết định thay thế không thể ký trước ngày thu hồi.")
    with transaction.atomic():
        # Conditional: an award is replaced once, and an award replaces one.
        taken = Recipient.objects.filter(replaced_by=new).exists()
        changed = Recipient.objects.filter(pk=old.pk, replaced_by__isnull=True).update(
            replaced_by=new
        )
        if taken or not changed:
            raise ConflictError("Khen thưởng này đã được ghi sửa đổi: tải lại trang.")
        old.replaced_by = new
        audit.record(
            actor=actor,
            action="decisions.award.amended",
            obj=old.decision,
            message=f"{old.name}: sửa đổi theo Quyết định số {new.decision.number_symbol}",
            data={"old": old.pk, "new": new.pk},
        )
    return old


def _subject(r: Recipient) -> tuple[str, int | None]:
    return ("person", r.person_id) if r.person_id is not None else ("unit", r.unit_id)


def replaceable(decision: Decision, recipients: list[Recipient]) -> dict[int, list[Recipient]]:
    """For each award in force of the signed ``decision`` that replaces nothing yet, the revoked,
    not yet replaced awards of the same subject from the same issuer that it may replace: one
    query, whatever the number of recipients. ``recipients`` are loaded with
    ``select_related("replaces")``."""
    if decision.status != DecisionStatus.APPROVED or decision.kind != DecisionKind.ISSUED:
        return {}
    free = [r for r in recipients if r.revoked_on is None and not _replaces(r)]
    if not free:
        return {}
    persons = {r.person_id for r in free if r.person_id is not None}
    units = {r.unit_id for r in free if r.person_id is None}
    olds = (
        Recipient.objects.filter(
            decision__issuer=decision.issuer_id,
            revoked_on__isnull=False,
            revoked_on__lte=decision.signed_on,
            replaced_by__isnull=True,
        )
        .filter(Q(person__in=persons) | Q(person__isnull=True, unit__in=units))
        .exclude(decision=decision)
        .select_related("decision", "revoked_by")
        .order_by("revoked_on", "pk")
    )
    by_subject: dict[tuple[str, int | None], list[Recipient]] = {}
    for old in olds:
        by_subject.setdefault(_subject(old), []).append(old)
    return {r.pk: by_subject[_subject(r)] for r in free if _subject(r) in by_subject}


def _replaces(r: Recipient) -> bool:
    try:
        return r.replaces is not None
    except Recipient.DoesNotExist:
        return False


def get_pair_or_404(user: Actor, decision_pk: int, new_pk: int, old_pk: int | None):
    """The award of ``decision`` and the revoked award it is to replace, as the pages and the
    API look them up: 404 outside the user's scope, 403 inside it without the right."""
    decision = policy.get_decision_or_404(user, decision_pk)
    new = (
        decision.recipients.select_related("decision").filter(pk=new_pk).first() if new_pk else None
    )
    old = (
        Recipient.objects.select_related("decision")
        .filter(pk=old_pk, decision__in=policy.decisions_visible_to(user))
        .first()
        if old_pk
        else None
    )
    if new is None or old is None:
        raise Http404("Không tìm thấy khen thưởng.")
    if not policy.can_prepare(user, decision.issuer):
        raise PermissionDenied("Chỉ cơ quan thi đua, khen thưởng của cơ quan ban hành ghi sửa đổi.")
    return new, old
