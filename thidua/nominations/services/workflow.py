"""The dossier's workflow (``policy.TRANSITIONS``): the unit submits, the appraising office
(Phòng Nội vụ of a town, Phòng Văn hóa – Xã hội of a ward) returns it for more or concludes each
candidate and the dossier.

Each change of state is a conditional UPDATE on the states the table allows it from, so two
clicks at once make exactly one submission."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from thidua.campaigns.models import CampaignStatus
from thidua.core import audit
from thidua.org.access import Actor

from .. import policy
from ..errors import ConflictError, DossierError
from ..evaluation import evaluate_candidates
from ..models import Appraisal, Candidate, Dossier, DossierStatus, SubmissionRound
from ..signals import dossiers_changed
from ..warnings import is_warned
from .deadline import appraising_office, submission_deadline
from .documents import missing_documents


def perform(*, actor: Actor, dossier: Dossier, action: str, reason: str = "") -> Dossier:
    """One transition of the table by its name, as the page's buttons post it."""
    if action == "submit":
        return submit(actor=actor, dossier=dossier)
    if action == "return":
        return return_for_supplement(actor=actor, dossier=dossier, reason=reason)
    if action == "appraise":
        return mark_appraised(actor=actor, dossier=dossier)
    raise ValueError(f"Unknown dossier action: {action}")


def already_submitted(dossier: Dossier) -> ConflictError:
    """The answer to the submission that lost the race (or came after it): what the dossier is
    now, so that the unit's head sees it was submitted once."""
    when = timezone.localtime(dossier.submitted_at) if dossier.submitted_at else None
    at = f" lúc {when:%H:%M:%S ngày %d/%m/%Y}" if when else ""
    return ConflictError(
        f"Hồ sơ đã được nộp trước đó{at}; trạng thái hiện tại: {dossier.get_status_display()}.",
        current={
            "status": dossier.status,
            "status_label": dossier.get_status_display(),
            "round": dossier.round,
            "version": dossier.version,
            "submitted_at": when.isoformat() if when else None,
        },
    )


def submit(*, actor: Actor, dossier: Dossier, today: date | None = None) -> Dossier:
    try:
        policy.check(actor, dossier, "submit")
    except DossierError as error:
        if dossier.status in (DossierStatus.SUBMITTED, DossierStatus.APPRAISED):
            raise already_submitted(dossier) from error
        raise
    today = today or timezone.localdate()
    deadline, extension = submission_deadline(dossier.campaign, dossier.unit)
    if today > deadline:
        raise DossierError(
            f"Đã quá hạn nộp hồ sơ ({deadline:%d/%m/%Y}). "
            f"Liên hệ {appraising_office(dossier.campaign)} để được gia hạn."
        )
    if dossier.campaign.status != CampaignStatus.LAUNCHED:
        raise DossierError("Đợt thi đua không còn nhận hồ sơ.")
    candidates = list(dossier.candidates.all())
    if not candidates:
        raise DossierError("Hồ sơ chưa có người, tập thể nào được đề nghị.")
    missing = missing_documents(dossier, candidates)
    if missing:
        raise DossierError(["Hồ sơ còn thiếu tài liệu:", *missing])
    now = timezone.now()
    transition = policy.TRANSITIONS["submit"]
    with transaction.atomic():
        updated = Dossier.objects.filter(pk=dossier.pk, status__in=transition.source).update(
            status=transition.target,
            round=F("round") + 1,
            version=F("version") + 1,
            submitted_at=now,
            submitted_by=actor,
        )
        if not updated:
            dossier.refresh_from_db()
            raise already_submitted(dossier)
        dossier.refresh_from_db()
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        late = today > dossier.campaign.dossier_deadline
        SubmissionRound.objects.create(
            dossier=dossier,
            number=dossier.round,
            submitted_at=now,
            submitted_by_id=actor.pk,
            late_with_extension=late,
            candidate_count=len(candidates),
        )
        message = f"Lần nộp thứ {dossier.round}, {len(candidates)} người/tập thể"
        if extension and late:
            message += f"; nộp trong thời gian gia hạn đến {extension.until:%d/%m/%Y}"
        action = "submitted" if dossier.round == 1 else "resubmitted"
        audit.record(
            actor=actor, action=f"nominations.dossier.{action}", obj=dossier, message=message
        )
    return dossier


def return_for_supplement(*, actor: Actor, dossier: Dossier, reason: str) -> Dossier:
    policy.check(actor, dossier, "return")
    reason = (reason or "").strip()
    if not reason:
        raise DossierError("Nhập lý do trả lại để đơn vị biết cần bổ sung gì.")
    now = timezone.now()
    transition = policy.TRANSITIONS["return"]
    with transaction.atomic():
        updated = Dossier.objects.filter(pk=dossier.pk, status__in=transition.source).update(
            status=transition.target, version=F("version") + 1
        )
        if not updated:
            raise DossierError("Chỉ trả lại được hồ sơ đã nộp và chưa thẩm định xong.")
        dossier.refresh_from_db()
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        SubmissionRound.objects.filter(dossier=dossier, number=dossier.round).update(
            returned_at=now, returned_by=actor, return_reason=reason
        )
        audit.record(
            actor=actor, action="nominations.dossier.returned", obj=dossier, message=reason
        )
    return dossier


def appraise_candidate(
    *, actor: Actor, candidate: Candidate, decision: str, reason: str
) -> Candidate:
    policy.check(actor, candidate.dossier, "appraise_candidate")
    if decision not in Appraisal.values or decision == Appraisal.PENDING:
        raise DossierError("Chọn kết quả thẩm định.")
    reason = (reason or "").strip()
    if decision != Appraisal.ELIGIBLE and not reason:
        raise DossierError("Nhập lý do khi kết luận không đủ điều kiện hoặc cần bổ sung.")
    if decision == Appraisal.ELIGIBLE and not reason:
        check = evaluate_candidates(
            candidate.dossier.campaign, Candidate.objects.filter(pk=candidate.pk)
        )[0]
        if is_warned(check):
            raise DossierError(
                f"{candidate.name} tự kiểm tra “{check.status_label}”: nhập lý do khi vẫn kết "
                "luận đủ điều kiện."
            )
    with transaction.atomic():
        # Locked, and checked again: the dossier may have been returned meanwhile.
        dossier = Dossier.objects.select_for_update().get(pk=candidate.dossier_id)
        if dossier.status not in policy.RULES["appraise_candidate"].source:
            raise DossierError(policy.RULES["appraise_candidate"].refused)
        Candidate.objects.filter(pk=candidate.pk).update(
            appraisal=decision, appraisal_reason=reason
        )
        candidate.appraisal, candidate.appraisal_reason = decision, reason
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        audit.record(
            actor=actor,
            action="nominations.candidate.appraised",
            obj=dossier,
            message=f"{candidate.name}: {Appraisal(decision).label}"
            f"{' – ' + reason if reason else ''}",
        )
    return candidate


def mark_appraised(*, actor: Actor, dossier: Dossier) -> Dossier:
    policy.check(actor, dossier, "appraise")
    pending = dossier.candidates.filter(appraisal__in=[Appraisal.PENDING, Appraisal.NEEDS_MORE])
    if pending.exists():
        names = ", ".join(c.name for c in pending.select_related("person", "unit")[:5])
        raise DossierError(
            f"Còn người, tập thể chưa có kết luận thẩm định hoặc cần bổ sung: {names}. "
            "Kết luận từng trường hợp hoặc trả hồ sơ để bổ sung."
        )
    transition = policy.TRANSITIONS["appraise"]
    with transaction.atomic():
        updated = Dossier.objects.filter(pk=dossier.pk, status__in=transition.source).update(
            status=transition.target, appraised_at=timezone.now(), version=F("version") + 1
        )
        if not updated:
            raise DossierError("Chỉ hoàn thành thẩm định được hồ sơ đang chờ thẩm định.")
        dossier.refresh_from_db()
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        audit.record(actor=actor, action="nominations.dossier.appraised", obj=dossier)
    return dossier
