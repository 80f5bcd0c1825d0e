"""Correcting a signed decision: a new decision that revokes (thu hồi, hủy bỏ) the awards it
made, in whole or for some recipients (Luật Thi đua, khen thưởng 2022 Điều 93: false
declarations, forged dossiers, appraisal against the law; whoever decided may annul, and the
award items and money are recovered).

The emulation office drafts the revoking decision (``prepare_revocation``); the chairman signs
it with the ordinary ``services.approve``, which calls ``apply``: the recipients and their
awards in the history are marked revoked with the revoking decision, nothing is deleted (the
history keeps both decisions), the statistics follow through ``signals.awards_revoked``, the
money to recover is the recipients' amount, and their certificates are no longer issued.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from thidua.core import audit
from thidua.records.models import AwardRecord

from . import policy, signals
from .models import Decision, DecisionKind, DecisionStatus, Recipient
from .policy import DecisionError

LAW = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 (Điều 93);"


def revocable(decision: Decision) -> QuerySet[Recipient]:
    """The recipients still in force and not yet named in another revoking decision."""
    return decision.recipients.filter(revoked_by__isnull=True, revoked_on__isnull=True)


def prepare_revocation(
    *,
    actor: User,
    decision: Decision,
    recipient_ids: set[int],
    reason: str,
    signed_on: date | None = None,
) -> Decision:
    """Draft the decision revoking the awards of ``recipient_ids`` made by ``decision``."""
    policy.check(actor, decision, "revoke")
    if decision.kind != DecisionKind.ISSUED:
        raise DecisionError(
            "Chỉ thu hồi được quyết định do cơ quan ban hành trên hệ thống; quyết định của cấp "
            "trên do cấp trên thu hồi."
        )
    if not reason.strip():
        raise DecisionError("Nhập lý do thu hồi (Luật Thi đua, khen thưởng 2022, Điều 93).")
    if not recipient_ids:
        raise DecisionError("Chọn ít nhất một tập thể, cá nhân bị thu hồi khen thưởng.")
    day = signed_on or timezone.localdate()
    if day < decision.signed_on:
        raise DecisionError("Ngày ký quyết định thu hồi không thể trước ngày của quyết định gốc.")
    original = f"Quyết định số {decision.number_symbol} ngày {decision.signed_on:%d/%m/%Y}"
    with transaction.atomic():
        draft = Decision.objects.create(
            issuer=decision.issuer,
            issuer_name=decision.issuer_name,
            kind=DecisionKind.REVOCATION,
            revokes=decision,
            reason=reason.strip(),
            campaign=decision.campaign,
            award_form=decision.award_form,
            year=day.year,
            symbol=decision.symbol,
            signed_on=day,
            place=decision.place,
            signer_title=decision.signer_title,
            subject=f"Về việc thu hồi, hủy bỏ khen thưởng tại {original}",
            legal_bases="\n".join(
                [
                    LAW,
                    f"Căn cứ {original} của {decision.signer_title.capitalize()} "
                    f"{decision.issuer_name};",
                    "Theo đề nghị của Trưởng phòng Nội vụ.",
                ]
            ),
            fund_note=decision.fund_note,
            created_by=actor,
        )
        # Conditional: a recipient already named in another revoking decision is not taken twice.
        named = revocable(decision).filter(pk__in=recipient_ids).update(revoked_by=draft)
        if named != len(recipient_ids):
            raise DecisionError(
                "Có người, tập thể không thuộc quyết định này hoặc đã có tên trong một quyết "
                "định thu hồi khác: tải lại trang."
            )
        audit.record(
            actor=actor,
            action="decisions.revocation.prepared",
            obj=draft,
            message=f"Thu hồi {named} tập thể, cá nhân của {original}",
        )
        audit.record(
            actor=actor,
            action="decisions.revocation.prepared",
            obj=decision,
            message=f"Dự thảo thu hồi {named} tập thể, cá nhân: {reason.strip()[:200]}",
        )
    return draft


def apply(decision: Decision) -> int:
    """Inside the signing transaction of a revoking decision: mark the recipients and their
    awards revoked, and tell the statistics. Returns the number of awards revoked."""
    original = decision.revokes
    if original is None or decision.status != DecisionStatus.APPROVED:
        raise DecisionError("Quyết định thu hồi không gắn với quyết định đã ký.")
    day = decision.signed_on
    named = Recipient.objects.filter(revoked_by=decision)
    subjects = list(named.values_list("person_id", "unit_id"))
    named.update(revoked_on=day)
    people = {p for p, _u in subjects if p}
    units = {u for p, u in subjects if not p and u}
    awards = AwardRecord.objects.filter(
        campaign_id=original.campaign_id,
        award_form_id=original.award_form_id,
        revoked_on__isnull=True,
    ).filter(Q(person_id__in=people) | Q(person__isnull=True, unit_id__in=units))
    ids = list(awards.values_list("pk", flat=True))
    AwardRecord.objects.filter(pk__in=ids).update(
        revoked_on=day,
        revoked_by_number=decision.number_symbol,
        revocation_reason=decision.reason,
    )
    Decision.objects.filter(pk=decision.pk).update(recipient_count=len(subjects))
    signals.awards_revoked.send(
        sender=Decision, decision=decision, awards=AwardRecord.objects.filter(pk__in=ids)
    )
    return len(ids)


def to_recover(decision: Decision) -> int:
    """The reward money the revoked recipients of ``decision`` (a revoking one) give back."""
    return sum(r.amount for r in decision.revoked_recipients.all())
