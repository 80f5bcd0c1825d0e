"""Prepare a decision from the council's result, compute the money, approve and number it,
write every recipient's award into the history, build the certificates. Each action checks
permission and state, writes in one transaction and records the audit entry."""

from __future__ import annotations

import re
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from thidua.campaigns.models import AwardForm
from thidua.core import audit
from thidua.core.docx import agency_title
from thidua.core.text import ascii_key
from thidua.council import holds
from thidua.council.models import DocketItem, Meeting
from thidua.nominations.models import Candidate
from thidua.org import twofactor
from thidua.org.models import Unit
from thidua.records.models import AwardKind, AwardRecord, AwardType

from . import policy, revocation, signals
from .meeting_results import decidable_forms, upward_forms
from .models import (
    Decision,
    DecisionKind,
    DecisionStatus,
    NumberSequence,
    Recipient,
)
from .money import base_salary, reward_amount
from .policy import DecisionError

# A meeting older than this is a past campaign's: its decision is dated on the meeting's day
# (with that day's salary, coefficients, laws and issuer), not today.
RECENT_DAYS = 30


def default_signing_date(meeting: Meeting) -> date:
    today = timezone.localdate()
    return meeting.held_on if (today - meeting.held_on).days > RECENT_DAYS else today


def fund_of(issuer: Unit) -> str:
    """ "Quỹ thi đua, khen thưởng của UBND phường Sa Pa": the issuer's own fund (a ward's
    decision does not pay from a town's fund)."""
    name = re.sub(r"\s*\(.*?\)", "", agency_title(issuer))
    return f"Quỹ thi đua, khen thưởng của {name}"


def _refuse_closed_issuer(issuer: Unit, day: date) -> None:
    if (issuer.valid_from and day < issuer.valid_from) or (
        issuer.valid_to and day > issuer.valid_to
    ):
        start = f"{issuer.valid_from:%d/%m/%Y}" if issuer.valid_from else "trước đây"
        end = f"{issuer.valid_to:%d/%m/%Y}" if issuer.valid_to else "nay"
        raise DecisionError(
            f"{issuer.name} không hoạt động vào ngày {day:%d/%m/%Y} (từ {start} đến {end}): chọn "
            "ngày ký trong thời gian cơ quan ban hành còn hoạt động."
        )


def prepare_decision(
    *, actor: User, meeting: Meeting, award_form: AwardForm, signed_on: date | None = None
) -> Decision:
    campaign = meeting.campaign
    if not policy.can_prepare(actor, campaign.issuer):
        raise PermissionDenied(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được lập dự thảo quyết định."
        )
    if award_form not in decidable_forms(meeting):
        raise DecisionError(
            "Hình thức này không có người, tập thể được Hội đồng đề nghị hoặc vượt thẩm quyền."
        )
    if Decision.objects.filter(meeting=meeting, award_form=award_form).exists():
        raise DecisionError("Đã có dự thảo quyết định cho hình thức này từ phiên họp này.")
    day = signed_on or default_signing_date(meeting)
    _refuse_closed_issuer(campaign.issuer, day)
    items = [
        i
        for i in meeting.items.select_related(
            "candidate__person__unit", "candidate__unit", "candidate__dossier__unit"
        )
        if i.selected and i.candidate.award_form_id == award_form.pk
    ]
    _refuse_held(campaign.pk, items)
    issuer = campaign.issuer
    with transaction.atomic():
        decision = Decision.objects.create(
            issuer=issuer,
            issuer_name=agency_title(issuer),
            campaign=campaign,
            award_form=award_form,
            meeting=meeting,
            year=day.year,
            signed_on=day,
            place=issuer.place_name or "",
            signer_title=campaign.signer_title or "CHỦ TỊCH",
            signer_name=campaign.signer_name,
            subject=f"Về việc tặng {award_form.name.split(' của ')[0]} cho các tập thể, cá nhân đã có "
            f"thành tích xuất sắc trong {campaign.title[0].lower()}{campaign.title[1:]}",
            fund_note=fund_of(issuer),
            legal_bases="",  # the bases are cited from data by the signing date (law.py)
            created_by=actor,
        )
        _add_recipients(decision, items)
        audit.record(
            actor=actor,
            action="decisions.decision.prepared",
            obj=decision,
            message=f"{len(items)} tập thể, cá nhân – {award_form.name}",
        )
    return decision


def _refuse_held(campaign_id: int, items: list[DocketItem]) -> None:
    """One achievement, one award: nobody already on a decision (signed or not) of the same
    campaign and form goes on another one."""
    candidates = [i.candidate for i in items]
    reasons = holds.held(campaign_id, candidates)
    if reasons:
        raise DecisionError(
            [
                "Không đưa vào quyết định: mỗi thành tích chỉ được khen thưởng một lần.",
                *holds.describe(candidates, reasons),
            ]
        )


ALREADY_HELD = (
    "Có người, tập thể vừa được đưa vào một quyết định khác cùng hình thức của đợt này; "
    "tải lại trang để xem quyết định đang giữ tên họ."
)


def _add_recipients(decision: Decision, items: list[DocketItem]) -> None:
    """The annex: collectives first, then individuals, each in the council's ranking, with the
    money of the decision's date. The database refuses a subject already awarded the same form
    in the campaign (a concurrent decision): a ``DecisionError``, nothing written."""
    items = sorted(items, key=lambda i: (i.candidate.person_id is not None, i.rank or 0, i.order))
    try:
        with transaction.atomic():
            _bulk_recipients(decision, items)
    except IntegrityError as error:
        raise DecisionError(ALREADY_HELD) from error


def _bulk_recipients(decision: Decision, items: list[DocketItem]) -> None:
    Recipient.objects.bulk_create(
        Recipient(
            decision=decision,
            campaign_id=decision.campaign_id,
            award_form_id=decision.award_form_id,
            candidate=i.candidate,
            person=i.candidate.person,
            unit=i.candidate.unit,
            order=n,
            name=i.candidate.name,
            search_name=ascii_key(i.candidate.name),
            description=_description(i.candidate),
            achievement=i.candidate.summary,
            amount=reward_amount(
                decision.award_form,
                collective=i.candidate.unit_id is not None,
                day=decision.signed_on,
            ),
        )
        for n, i in enumerate(items, start=1)
    )


def _description(candidate: Candidate) -> str:
    person = candidate.person
    if person is not None:
        return ", ".join(x for x in (person.position, person.unit.name) if x)
    return candidate.dossier.unit.name if candidate.unit_id != candidate.dossier.unit_id else ""


def update_draft(
    *,
    actor: User,
    decision: Decision,
    version: int,
    signed_on: date,
    signer_name: str,
    legal_bases: str,
    subject: str,
) -> Decision:
    policy.check(actor, decision, "edit")
    _refuse_closed_issuer(decision.issuer, signed_on)
    with transaction.atomic():
        # Conditional on the version the user saw and on the draft state: a concurrent edit
        # or signature wins, this one is refused.
        updated = Decision.objects.filter(
            pk=decision.pk, status=DecisionStatus.DRAFT, version=version
        ).update(
            signed_on=signed_on,
            year=signed_on.year,
            signer_name=signer_name.strip(),
            legal_bases=legal_bases.strip(),
            subject=subject.strip(),
            version=F("version") + 1,
        )
        if not updated:
            raise DecisionError(
                "Dự thảo vừa được người khác sửa hoặc đã ký ban hành: tải lại trang."
            )
        decision.refresh_from_db()
        _recompute_money(decision)
        audit.record(actor=actor, action="decisions.decision.updated", obj=decision)
    return decision


def _recompute_money(decision: Decision) -> None:
    recipients = list(decision.recipients.all())
    for r in recipients:
        r.amount = reward_amount(
            decision.award_form, collective=r.is_collective, day=decision.signed_on
        )
    Recipient.objects.bulk_update(recipients, ["amount"])


def next_number(issuer: Unit, year: int, symbol: str) -> int:
    """Inside a transaction: lock the issuer's counter for the year and take the next number."""
    try:
        with transaction.atomic():
            NumberSequence.objects.get_or_create(issuer=issuer, year=year, symbol=symbol)
    except IntegrityError:
        pass  # created by a concurrent approval: fine, we lock it below
    sequence = NumberSequence.objects.select_for_update().get(
        issuer=issuer, year=year, symbol=symbol
    )
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last


def approve(*, actor: User, decision: Decision) -> Decision:
    """The chairman signs: the decision gets its number, becomes read-only, and every
    recipient's award enters the history."""
    with transaction.atomic():
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        policy.check(actor, locked, "approve")
        twofactor.require_enrolled(actor, "ký quyết định")
        if base_salary(locked.signed_on) is None:
            raise DecisionError(
                f"Chưa có mức lương cơ sở áp dụng ngày {locked.signed_on:%d/%m/%Y}."
            )
        locked.number = next_number(locked.issuer, locked.year, locked.symbol)
        locked.status = DecisionStatus.APPROVED
        locked.approved_by, locked.approved_at = actor, timezone.now()
        if not locked.signer_name:
            locked.signer_name = actor.get_full_name()
        locked.save()
        _recompute_money(locked)
        if locked.kind == DecisionKind.REVOCATION:
            revocation.apply(locked)
            audit.record(
                actor=actor,
                action="decisions.revocation.approved",
                obj=locked,
                message=f"Số {locked.number_symbol} thu hồi Quyết định số "
                f"{locked.revokes.number_symbol if locked.revokes else ''}",
            )
            decision.refresh_from_db()
            return decision
        _write_history(locked)
        audit.record(
            actor=actor,
            action="decisions.decision.approved",
            obj=locked,
            message=f"Số {locked.number_symbol}, {locked.recipients.count()} tập thể, cá nhân",
        )
    decision.refresh_from_db()
    return decision


# --- awards above the issuer's authority: proposed upward, then recorded -------------------


def record_higher_decision(
    *,
    actor: User,
    meeting: Meeting,
    award_form: AwardForm,
    number: str,
    signed_on: date,
    issuer_name: str,
    signer_name: str,
    candidate_ids: set[int],
) -> Decision:
    """The province decided: record its decision and put the awards into the history."""
    campaign = meeting.campaign
    if not policy.can_prepare(actor, campaign.issuer):
        raise PermissionDenied(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được ghi nhận quyết định."
        )
    items = dict(upward_forms(meeting)).get(award_form, [])
    chosen = [i for i in items if i.candidate_id in candidate_ids]
    if not number.strip() or not issuer_name.strip():
        raise DecisionError("Nhập số, ký hiệu và cơ quan ban hành quyết định của cấp trên.")
    if not chosen:
        raise DecisionError(
            "Chọn ít nhất một tập thể, cá nhân có tên trong quyết định của cấp trên."
        )
    _refuse_held(campaign.pk, chosen)
    issuer = award_form.granting_unit or campaign.issuer
    with transaction.atomic():
        decision = Decision.objects.create(
            issuer=issuer,
            issuer_name=issuer_name.strip(),
            kind=DecisionKind.HIGHER,
            campaign=campaign,
            award_form=award_form,
            meeting=meeting,
            year=signed_on.year,
            external_number=number.strip(),
            signed_on=signed_on,
            place="",
            signer_name=signer_name.strip(),
            status=DecisionStatus.APPROVED,
            subject=f"Tặng {award_form.name.split(' của ')[0]} cho các tập thể, cá nhân trong {campaign.title}",
            legal_bases="",
            created_by=actor,
            approved_by=actor,
            approved_at=timezone.now(),
        )
        _add_recipients(decision, chosen)
        _write_history(decision)
        audit.record(
            actor=actor,
            action="decisions.higher.recorded",
            obj=decision,
            message=f"{decision.external_number}: {len(chosen)} tập thể, cá nhân",
        )
    return decision


def _write_history(decision: Decision) -> None:
    created = AwardRecord.objects.bulk_create(
        AwardRecord(
            person=r.person,
            unit=None if r.person_id else r.unit,
            award_name=decision.award_form.name,
            award_kind=AwardKind.HINH_THUC,
            award_type=AwardType.PHONG_TRAO,
            authority_level=decision.award_form.authority.level,
            decision_number=decision.number_symbol,
            decided_on=decision.signed_on,
            issuer_name=decision.issuer_name,
            campaign_title=decision.campaign.title,
            campaign=decision.campaign,
            award_form=decision.award_form,
            achievement=r.achievement,
        )
        for r in decision.recipients.all()
    )
    awards = AwardRecord.objects.filter(pk__in=[r.pk for r in created])
    signals.awards_recorded.send(sender=Decision, decision=decision, awards=awards)
    Decision.objects.filter(pk=decision.pk).update(recipient_count=len(created))


# --- every certificate of a decision, built in the background: see batches.py ------------

from .batches import start_certificate_batch  # noqa: E402,F401  (kept for callers)
