"""Amending an award (sửa đổi): the award is revoked by a revoking decision (``revocation``:
history, statistics and money follow), and awarded again, as corrected, by a later signed
decision of the same issuer; ``record_replacement`` links the two, so that the old
certificate's public page says "Đã được sửa đổi theo Quyết định số …" and leads to the new one.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.core import audit

from . import policy
from .models import DecisionStatus, Recipient
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
            raise DecisionError("Khen thưởng này đã được ghi sửa đổi: tải lại trang.")
        old.replaced_by = new
        audit.record(
            actor=actor,
            action="decisions.award.amended",
            obj=old.decision,
            message=f"{old.name}: sửa đổi theo Quyết định số {new.decision.number_symbol}",
            data={"old": old.pk, "new": new.pk},
        )
    return old
