"""Prepare a decision from the council's result, compute the money, approve and number it,
and write every recipient's award into the history."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from thidua.campaigns.models import AwardForm
from thidua.core import audit
from thidua.core.docx import agency_title
from thidua.core.errors import ServiceError
from thidua.core.text import ascii_key
from thidua.council.models import Meeting, MeetingStatus
from thidua.org import access
from thidua.org.access import Perm
from thidua.records.models import AwardKind, AwardRecord, AwardType

from . import signals
from .models import (
    BaseSalary,
    Decision,
    DecisionKind,
    DecisionStatus,
    NumberSequence,
    Recipient,
)


class DecisionError(ServiceError):
    pass


def _valid_on(queryset, day):
    return (
        queryset.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-valid_from")
        .first()
    )


def base_salary(day: date) -> BaseSalary | None:
    return _valid_on(BaseSalary.objects.all(), day)


def reward_amount(award_form: AwardForm, *, collective: bool, day: date) -> int:
    """Coefficient × the base salary in force on ``day``, rounded UP to the next 10.000 đ
    (NĐ 152/2025/NĐ-CP Điều 49). 0 when the form has no coefficient or no salary is known."""
    coefficient = _valid_on(award_form.coefficients.all(), day)
    salary = base_salary(day)
    if coefficient is None or salary is None:
        return 0
    raw = (coefficient.collective if collective else coefficient.individual) * Decimal(
        salary.amount
    )
    return math.ceil(raw / 10_000) * 10_000  # Decimal: exact, and ceil, not truncation


def can_prepare(user, decision_or_issuer) -> bool:
    issuer = getattr(decision_or_issuer, "issuer", decision_or_issuer)
    return access.in_scope(user, issuer, Perm.MANAGE_CAMPAIGNS)


def can_approve(user, decision) -> bool:
    return access.in_scope(user, decision.issuer, Perm.APPROVE_DECISIONS)


def decidable_forms(meeting: Meeting) -> list[AwardForm]:
    """Forms within the issuer's own authority that have selected candidates."""
    if meeting.status != MeetingStatus.CLOSED:
        return []
    forms = []
    for item in meeting.items.select_related("candidate__award_form"):
        form = item.candidate.award_form
        if item.selected and not form.is_proposal_upward and form not in forms:
            forms.append(form)
    return forms


def _legal_bases(meeting: Meeting, day: date) -> str:
    campaign = meeting.campaign
    lines = [b.text.rstrip(";. ") + ";" for b in campaign.legal_bases.all() if b.is_valid_on(day)]
    plan = f"Kế hoạch số {campaign.number_symbol}" if campaign.number else "Kế hoạch"
    signed = f" ngày {campaign.signed_on:%d/%m/%Y}" if campaign.signed_on else ""
    lines.append(
        f"Căn cứ {plan}{signed} của {agency_title(campaign.issuer)} về {campaign.title[0].lower()}"
        f"{campaign.title[1:]};"
    )
    lines.append(
        f"Căn cứ Biên bản họp xét của {meeting.council.name} ngày {meeting.held_on:%d/%m/%Y};"
    )
    lines.append("Theo đề nghị của Trưởng phòng Nội vụ.")
    return "\n".join(lines)


def prepare_decision(
    *, actor, meeting: Meeting, award_form: AwardForm, signed_on: date | None = None
) -> Decision:
    campaign = meeting.campaign
    if not can_prepare(actor, campaign.issuer):
        raise PermissionDenied(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được lập dự thảo quyết định."
        )
    if award_form not in decidable_forms(meeting):
        raise DecisionError(
            "Hình thức này không có người, tập thể được Hội đồng đề nghị hoặc vượt thẩm quyền."
        )
    if Decision.objects.filter(meeting=meeting, award_form=award_form).exists():
        raise DecisionError("Đã có dự thảo quyết định cho hình thức này từ phiên họp này.")
    day = signed_on or timezone.localdate()
    items = [
        i
        for i in meeting.items.select_related(
            "candidate__person__unit", "candidate__unit", "candidate__dossier__unit"
        )
        if i.selected and i.candidate.award_form_id == award_form.pk
    ]
    # The annex lists collectives first, then individuals, each in the council's ranking.
    items.sort(key=lambda i: (i.candidate.person_id is not None, i.rank or 0, i.order))
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
            legal_bases=_legal_bases(meeting, day),
            created_by=actor,
        )
        Recipient.objects.bulk_create(
            Recipient(
                decision=decision,
                candidate=i.candidate,
                person=i.candidate.person,
                unit=i.candidate.unit,
                order=n,
                name=i.candidate.name,
                search_name=ascii_key(i.candidate.name),
                description=_description(i.candidate),
                achievement=i.candidate.summary,
                amount=reward_amount(
                    award_form, collective=i.candidate.unit_id is not None, day=day
                ),
            )
            for n, i in enumerate(items, start=1)
        )
        audit.record(
            actor=actor,
            action="decisions.decision.prepared",
            obj=decision,
            message=f"{len(items)} tập thể, cá nhân – {award_form.name}",
        )
    return decision


def _description(candidate) -> str:
    if candidate.person_id:
        person = candidate.person
        return ", ".join(x for x in (person.position, person.unit.name) if x)
    return candidate.dossier.unit.name if candidate.unit_id != candidate.dossier.unit_id else ""


def update_draft(
    *,
    actor,
    decision: Decision,
    version,
    signed_on: date,
    signer_name: str,
    legal_bases: str,
    subject: str,
) -> Decision:
    if not can_prepare(actor, decision):
        raise PermissionDenied("Chỉ chuyên viên thi đua, khen thưởng của cơ quan được sửa dự thảo.")
    with transaction.atomic():
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


def next_number(issuer, year: int, symbol: str) -> int:
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


def approve(*, actor, decision: Decision) -> Decision:
    """The chairman signs: the decision gets its number, becomes read-only, and every
    recipient's award enters the history."""
    if not can_approve(actor, decision):
        raise PermissionDenied("Chỉ Chủ tịch (hoặc người được ủy quyền) ký ban hành quyết định.")
    if base_salary(decision.signed_on) is None:
        raise DecisionError(f"Chưa có mức lương cơ sở áp dụng ngày {decision.signed_on:%d/%m/%Y}.")
    with transaction.atomic():
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if locked.status != DecisionStatus.DRAFT:
            raise DecisionError("Quyết định đã được ký ban hành.")
        locked.number = next_number(locked.issuer, locked.year, locked.symbol)
        locked.status = DecisionStatus.APPROVED
        locked.approved_by, locked.approved_at = actor, timezone.now()
        if not locked.signer_name:
            locked.signer_name = actor.get_full_name()
        locked.save()
        _recompute_money(locked)
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


def upward_forms(meeting: Meeting) -> list[tuple[AwardForm, list]]:
    """Forms the council proposes to a higher authority, with the selected candidates."""
    if meeting.status != MeetingStatus.CLOSED:
        return []
    result: dict[AwardForm, list] = {}
    for item in meeting.items.select_related(
        "candidate__award_form", "candidate__person__unit", "candidate__unit"
    ):
        if item.selected and item.candidate.award_form.is_proposal_upward:
            result.setdefault(item.candidate.award_form, []).append(item)
    return list(result.items())


def record_higher_decision(
    *,
    actor,
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
    if not can_prepare(actor, campaign.issuer):
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
        chosen.sort(key=lambda i: (i.candidate.person_id is not None, i.rank or 0, i.order))
        Recipient.objects.bulk_create(
            Recipient(
                decision=decision,
                candidate=i.candidate,
                person=i.candidate.person,
                unit=i.candidate.unit,
                order=n,
                name=i.candidate.name,
                search_name=ascii_key(i.candidate.name),
                description=_description(i.candidate),
                achievement=i.candidate.summary,
                amount=reward_amount(
                    award_form, collective=i.candidate.unit_id is not None, day=signed_on
                ),
            )
            for n, i in enumerate(chosen, start=1)
        )
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
            achievement=r.achievement,
        )
        for r in decision.recipients.all()
    )
    awards = AwardRecord.objects.filter(pk__in=[r.pk for r in created])
    signals.awards_recorded.send(sender=Decision, decision=decision, awards=awards)
    Decision.objects.filter(pk=decision.pk).update(recipient_count=len(created))
