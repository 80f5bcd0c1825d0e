"""One function per action on a dossier. Views and the API call these; permission checks are
the caller's (policy), business rules are here. Every state change writes an audit entry in
the same transaction.

Concurrency: every edit carries the dossier ``version`` the user saw. The edit is applied only
if that version is still current (one conditional UPDATE), so of two officers editing at once
the second gets a clear conflict message instead of silently overwriting. Submitting is a
conditional UPDATE on the status, so two clicks at once make exactly one submission.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from thidua.campaigns.models import AwardForm, Campaign, CampaignStatus, DocumentScope
from thidua.core import audit, uploads
from thidua.core.bulk import gc_paused
from thidua.core.errors import ConflictError as BaseConflictError
from thidua.core.errors import ServiceError
from thidua.org.models import Person, RoleAssignment, Unit

from . import policy
from .models import (
    Appraisal,
    Candidate,
    CandidateAttestation,
    Dossier,
    DossierDocument,
    DossierStatus,
    Extension,
    SubmissionRound,
)
from .signals import dossiers_changed


class DossierError(ServiceError):
    """A business rule refused the action; the message says why, in Vietnamese."""


class ConflictError(DossierError, BaseConflictError):
    pass


# --- deadline ---------------------------------------------------------------------------------


def submission_deadline(campaign: Campaign, unit: Unit) -> tuple[date, Extension | None]:
    extension = Extension.objects.filter(campaign=campaign, unit=unit).first()
    if extension and extension.until > campaign.dossier_deadline:
        return extension.until, extension
    return campaign.dossier_deadline, None


def is_open_for_submission(campaign: Campaign, unit: Unit, today: date | None = None) -> bool:
    # The whole deadline day counts, in Vietnam's time zone (TIME_ZONE = Asia/Ho_Chi_Minh).
    today = today or timezone.localdate()
    return today <= submission_deadline(campaign, unit)[0]


# --- creating and editing -------------------------------------------------------------------


def create_dossier(*, actor, campaign: Campaign, unit: Unit) -> Dossier:
    if campaign.status != CampaignStatus.LAUNCHED:
        raise DossierError("Đợt thi đua chưa phát động hoặc đã kết thúc: không lập hồ sơ được.")
    if not unit.path.startswith(campaign.issuer.path):
        raise DossierError("Đơn vị không thuộc phạm vi của đợt thi đua này.")
    with transaction.atomic():
        dossier, created = Dossier.objects.get_or_create(
            campaign=campaign, unit=unit, defaults={"created_by": actor}
        )
        if created:
            audit.record(actor=actor, action="nominations.dossier.created", obj=dossier)
            dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
    return dossier


def _claim(dossier: Dossier, version: int | str | None) -> None:
    """Bump the dossier's version if it is still ``version`` and editable; else explain."""
    try:
        expected = int(version)
    except (TypeError, ValueError):
        expected = dossier.version
    updated = Dossier.objects.filter(
        pk=dossier.pk, version=expected, status__in=policy.EDITABLE
    ).update(version=F("version") + 1)
    if updated:
        dossier.version = expected + 1
        return
    current = Dossier.objects.get(pk=dossier.pk)
    if current.status not in policy.EDITABLE:
        raise DossierError(
            f"Hồ sơ đang ở trạng thái “{current.get_status_display()}”: đơn vị không sửa được."
        )
    raise ConflictError(
        "Hồ sơ vừa được người khác cập nhật trong lúc bạn đang sửa. Thay đổi của bạn chưa được "
        "lưu: hãy tải lại trang để xem bản mới nhất rồi làm lại."
    )


def _check_subject(dossier: Dossier, person: Person | None, unit: Unit | None) -> None:
    subject_unit = person.unit if person else unit
    if subject_unit is None:
        raise DossierError("Chọn một cá nhân hoặc một tập thể.")
    if not subject_unit.path.startswith(dossier.unit.path):
        raise DossierError(f"{person or unit} không thuộc {dossier.unit}: không đề nghị được.")


def _check_award_form(dossier: Dossier, award_form: AwardForm) -> None:
    if award_form.campaign_id != dossier.campaign_id:
        raise DossierError("Hình thức khen thưởng không thuộc đợt thi đua này.")


def add_candidate(
    *,
    actor,
    dossier: Dossier,
    version,
    award_form: AwardForm,
    summary: str,
    person: Person | None = None,
    unit: Unit | None = None,
    facts: dict | None = None,
) -> Candidate:
    _check_subject(dossier, person, unit)
    _check_award_form(dossier, award_form)
    with transaction.atomic():
        _claim(dossier, version)
        order = (dossier.candidates.aggregate(m=Max("order"))["m"] or 0) + 1
        try:
            with transaction.atomic():
                candidate = Candidate.objects.create(
                    dossier=dossier,
                    person=person,
                    unit=unit,
                    award_form=award_form,
                    summary=summary.strip(),
                    facts=facts or {},
                    order=order,
                )
        except IntegrityError as error:
            raise DossierError(
                f"{person or unit} đã có trong hồ sơ với hình thức {award_form.name}."
            ) from error
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        audit.record(
            actor=actor,
            action="nominations.candidate.added",
            obj=dossier,
            message=f"{candidate.name} – {award_form.name}",
        )
    return candidate


def update_candidate(
    *, actor, candidate: Candidate, version, award_form: AwardForm, summary: str, facts: dict
) -> Candidate:
    dossier = candidate.dossier
    _check_award_form(dossier, award_form)
    with transaction.atomic():
        _claim(dossier, version)
        candidate.award_form, candidate.summary, candidate.facts = award_form, summary, facts
        try:
            with transaction.atomic():
                candidate.save(update_fields=["award_form", "summary", "facts"])
        except IntegrityError as error:
            raise DossierError(f"{candidate.name} đã có trong hồ sơ với hình thức này.") from error
        audit.record(
            actor=actor, action="nominations.candidate.updated", obj=dossier, message=candidate.name
        )
    return candidate


def remove_candidate(*, actor, candidate: Candidate, version) -> None:
    dossier = candidate.dossier
    with transaction.atomic():
        _claim(dossier, version)
        name = candidate.name
        files_to_delete = [d.file for d in candidate.documents.all()]
        candidate.delete()
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        # Files go only once the rows are gone for good.
        transaction.on_commit(lambda: [f.delete(save=False) for f in files_to_delete])
        audit.record(actor=actor, action="nominations.candidate.removed", obj=dossier, message=name)


def attest(*, actor, candidate: Candidate, criterion_id: int, confirmed: bool, note: str, version):
    dossier = candidate.dossier
    criterion = (
        candidate.award_form.criteria_sets.filter(
            criteria__pk=criterion_id, criteria__kind="attested"
        )
        .values_list("criteria__pk", flat=True)
        .first()
    )
    if criterion is None:
        raise DossierError("Tiêu chuẩn này không cần xác nhận hoặc không thuộc hình thức đề nghị.")
    with transaction.atomic():
        _claim(dossier, version)
        CandidateAttestation.objects.update_or_create(
            candidate=candidate,
            criterion_id=criterion_id,
            defaults={"confirmed": confirmed, "note": note.strip(), "by": actor},
        )
        audit.record(
            actor=actor,
            action="nominations.candidate.attested",
            obj=dossier,
            message=f"{candidate.name}: {'đạt' if confirmed else 'không đạt'}"
            f"{' – ' + note if note else ''}",
        )


# --- documents -------------------------------------------------------------------------------


def applicable_documents(dossier: Dossier, candidates=None):
    """(required document, applies?) for the campaign's list, given who is proposed."""
    candidates = list(candidates if candidates is not None else dossier.candidates.all())
    has_individual = any(c.person_id for c in candidates)
    has_collective = any(c.unit_id for c in candidates)
    forms = {c.award_form_id for c in candidates}
    result = []
    for required in dossier.campaign.required_documents.all():
        applies = bool(candidates)
        if required.award_form_id and required.award_form_id not in forms:
            applies = False
        if required.scope == DocumentScope.COLLECTIVE and not has_collective:
            applies = False
        if required.scope == DocumentScope.INDIVIDUAL and not has_individual:
            applies = False
        result.append((required, applies))
    return result


def missing_documents(dossier: Dossier, candidates=None, documents=None) -> list[str]:
    candidates = list(candidates if candidates is not None else dossier.candidates.all())
    documents = list(documents if documents is not None else dossier.documents.all())
    missing = []
    for required, applies in applicable_documents(dossier, candidates):
        if not applies:
            continue
        uploaded = [d for d in documents if d.required_id == required.pk]
        if not required.per_candidate:
            if not uploaded:
                missing.append(required.name)
            continue
        needing = [
            c
            for c in candidates
            if (not required.award_form_id or c.award_form_id == required.award_form_id)
            and (required.scope != DocumentScope.COLLECTIVE or c.unit_id)
            and (required.scope != DocumentScope.INDIVIDUAL or c.person_id)
        ]
        covered = {d.candidate_id for d in uploaded}
        missing += [f"{required.name}: {c.name}" for c in needing if c.pk not in covered]
    return missing


def upload_document(
    *, actor, dossier: Dossier, version, uploaded, required=None, candidate=None
) -> DossierDocument:
    if required is not None and required.campaign_id != dossier.campaign_id:
        raise DossierError("Thành phần hồ sơ không thuộc đợt thi đua này.")
    if candidate is not None and candidate.dossier_id != dossier.pk:
        raise DossierError("Người, tập thể được đề nghị không thuộc hồ sơ này.")
    try:
        kind = uploads.detect_kind(uploaded)
    except ValidationError as error:
        raise DossierError(error.messages) from error
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    with transaction.atomic():
        _claim(dossier, version)
        document = DossierDocument(
            dossier=dossier,
            required=required,
            candidate=candidate,
            token=secrets.token_hex(16),
            original_name=(uploaded.name or "tep")[-255:],
            kind=kind.code,
            size=uploaded.size,
            sha256=digest.hexdigest(),
            uploaded_by=actor,
        )
        document.file.save("upload", uploaded, save=False)
        try:
            document.save()
            audit.record(
                actor=actor,
                action="nominations.document.uploaded",
                obj=dossier,
                message=document.original_name,
            )
        except Exception:
            document.file.delete(save=False)  # nothing stored when the row is not
            raise
    return document


def delete_document(*, actor, document: DossierDocument, version) -> None:
    dossier = document.dossier
    with transaction.atomic():
        _claim(dossier, version)
        name = document.original_name
        document.delete()
        audit.record(actor=actor, action="nominations.document.deleted", obj=dossier, message=name)
    document.file.delete(save=False)


# --- workflow --------------------------------------------------------------------------------


def submit(*, actor, dossier: Dossier, today: date | None = None) -> Dossier:
    today = today or timezone.localdate()
    deadline, extension = submission_deadline(dossier.campaign, dossier.unit)
    if today > deadline:
        raise DossierError(
            f"Đã quá hạn nộp hồ sơ ({deadline:%d/%m/%Y}). Liên hệ Phòng Nội vụ để được gia hạn."
        )
    if dossier.campaign.status != CampaignStatus.LAUNCHED:
        raise DossierError("Đợt thi đua không còn nhận hồ sơ.")
    candidates = list(dossier.candidates.all())
    if not candidates:
        raise DossierError("Hồ sơ chưa có người, tập thể nào được đề nghị.")
    missing = missing_documents(dossier, candidates)
    if missing:
        raise DossierError(["Hồ sơ còn thiếu tài liệu:"] + missing)
    now = timezone.now()
    with transaction.atomic():
        updated = Dossier.objects.filter(pk=dossier.pk, status__in=policy.EDITABLE).update(
            status=DossierStatus.SUBMITTED,
            round=F("round") + 1,
            version=F("version") + 1,
            submitted_at=now,
            submitted_by=actor,
        )
        if not updated:
            raise DossierError("Hồ sơ đã được nộp trước đó.")
        dossier.refresh_from_db()
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        SubmissionRound.objects.create(
            dossier=dossier,
            number=dossier.round,
            submitted_at=now,
            submitted_by=actor,
            late_with_extension=today > dossier.campaign.dossier_deadline,
            candidate_count=len(candidates),
        )
        action = "submitted" if dossier.round == 1 else "resubmitted"
        audit.record(
            actor=actor,
            action=f"nominations.dossier.{action}",
            obj=dossier,
            message=f"Lần nộp thứ {dossier.round}, {len(candidates)} người/tập thể"
            + (
                f"; nộp trong thời gian gia hạn đến {extension.until:%d/%m/%Y}"
                if extension and today > dossier.campaign.dossier_deadline
                else ""
            ),
        )
    return dossier


def return_for_supplement(*, actor, dossier: Dossier, reason: str) -> Dossier:
    reason = (reason or "").strip()
    if not reason:
        raise DossierError("Nhập lý do trả lại để đơn vị biết cần bổ sung gì.")
    now = timezone.now()
    with transaction.atomic():
        updated = Dossier.objects.filter(pk=dossier.pk, status=DossierStatus.SUBMITTED).update(
            status=DossierStatus.RETURNED, version=F("version") + 1
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


def appraise_candidate(*, actor, candidate: Candidate, decision: str, reason: str) -> Candidate:
    if decision not in Appraisal.values or decision == Appraisal.PENDING:
        raise DossierError("Chọn kết quả thẩm định.")
    reason = (reason or "").strip()
    if decision != Appraisal.ELIGIBLE and not reason:
        raise DossierError("Nhập lý do khi kết luận không đủ điều kiện hoặc cần bổ sung.")
    with transaction.atomic():
        dossier = Dossier.objects.select_for_update().get(pk=candidate.dossier_id)
        if dossier.status != DossierStatus.SUBMITTED:
            raise DossierError("Chỉ thẩm định được hồ sơ đã nộp.")
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


def mark_appraised(*, actor, dossier: Dossier) -> Dossier:
    pending = dossier.candidates.filter(appraisal__in=[Appraisal.PENDING, Appraisal.NEEDS_MORE])
    if pending.exists():
        names = ", ".join(c.name for c in pending.select_related("person", "unit")[:5])
        raise DossierError(
            f"Còn người, tập thể chưa có kết luận thẩm định hoặc cần bổ sung: {names}. "
            "Kết luận từng trường hợp hoặc trả hồ sơ để bổ sung."
        )
    with transaction.atomic():
        updated = Dossier.objects.filter(pk=dossier.pk, status=DossierStatus.SUBMITTED).update(
            status=DossierStatus.APPRAISED, appraised_at=timezone.now(), version=F("version") + 1
        )
        if not updated:
            raise DossierError("Chỉ hoàn thành thẩm định được hồ sơ đang chờ thẩm định.")
        dossier.refresh_from_db()
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        audit.record(actor=actor, action="nominations.dossier.appraised", obj=dossier)
    return dossier


def grant_extension(
    *, actor, campaign: Campaign, unit: Unit, until: date, reason: str
) -> Extension:
    reason = (reason or "").strip()
    if not reason:
        raise DossierError("Nhập lý do gia hạn.")
    if until <= campaign.dossier_deadline:
        raise DossierError(
            f"Ngày gia hạn phải sau hạn nộp chung ({campaign.dossier_deadline:%d/%m/%Y})."
        )
    if not unit.path.startswith(campaign.issuer.path):
        raise DossierError("Đơn vị không thuộc phạm vi của đợt thi đua này.")
    with transaction.atomic():
        extension, _ = Extension.objects.update_or_create(
            campaign=campaign,
            unit=unit,
            defaults={"until": until, "reason": reason, "granted_by": actor},
        )
        audit.record(
            actor=actor,
            action="nominations.extension.granted",
            obj=campaign,
            message=f"{unit}: đến ngày {until:%d/%m/%Y} – {reason}",
            data={"unit_id": unit.pk},
        )
    return extension


def send_reminders(*, actor, campaign: Campaign, units: list[Unit]) -> int:
    """E-mail the officers of units that have not submitted; the unit also sees it in the app."""
    deadline = campaign.dossier_deadline
    messages, reminded = [], 0
    submitted = set(
        campaign.dossiers.exclude(status__in=policy.EDITABLE).values_list("unit_id", flat=True)
    )
    for unit in units:
        if unit.pk in submitted:
            continue
        reminded += 1
        audit.record(
            actor=actor,
            action="nominations.reminder.sent",
            obj=campaign,
            message=str(unit),
            data={"unit_id": unit.pk},
        )
        emails = list(
            RoleAssignment.objects.filter(unit=unit)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
        if emails:
            messages.append(
                (
                    f"Nhắc nộp hồ sơ khen thưởng: {campaign.title}"[:200],
                    f"Phòng Nội vụ đề nghị {unit} hoàn thiện và nộp hồ sơ đề nghị khen thưởng "
                    f"của đợt thi đua “{campaign.title}” trước ngày {deadline:%d/%m/%Y}.",
                    None,
                    emails,
                )
            )
    if messages:
        send_mass_mail(messages, fail_silently=True)
    return reminded


def import_candidates(*, actor, dossier: Dossier, version, uploaded, only_clean: bool = False):
    """Check every row of an Excel list; add the rows only when all are clean, or, when the
    user asked for it, only the clean ones. Returns the ImportReport."""
    from .importing import ImportReport, RowError, parse_workbook

    try:
        uploads.detect_kind(uploaded, allowed=("xlsx",))
    except ValidationError as error:
        return ImportReport(errors=[RowError(0, "", m) for m in error.messages])
    existing = {
        (("p", p) if p else ("u", u), f)
        for p, u, f in dossier.candidates.values_list("person_id", "unit_id", "award_form_id")
    }
    with gc_paused():  # tens of thousands of small objects, no cycles
        report = parse_workbook(uploaded, dossier, existing)
    if not report.rows or (report.errors and not only_clean):
        return report
    with transaction.atomic():
        _claim(dossier, version)
        order = dossier.candidates.aggregate(m=Max("order"))["m"] or 0
        _insert_candidates(dossier, report.rows, start=order + 1)
        report.imported = len(report.rows)
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        audit.record(
            actor=actor,
            action="nominations.candidate.imported",
            obj=dossier,
            message=f"Nhập {report.imported} dòng từ tệp {uploaded.name}"
            + (f", bỏ qua {report.bad_rows} dòng lỗi" if report.errors else ""),
        )
    return report


def _insert_candidates(dossier: Dossier, rows, start: int) -> None:
    """One executemany for the whole list. bulk_create builds SQL row by row and, on SQLite,
    in batches of ~100 rows; for a 10,000-row list that alone cost more than reading the
    Excel file (see bench/). Values go through the fields' own preparation, so the database
    sees exactly what bulk_create would send."""
    from django.db import connection

    meta = Candidate._meta
    columns = [
        "dossier",
        "person",
        "unit",
        "award_form",
        "summary",
        "facts",
        "order",
        "appraisal",
        "appraisal_reason",
    ]
    fields = [meta.get_field(name) for name in columns]
    facts_field = meta.get_field("facts")
    # Identifiers come from the model, quoted by the backend; values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        connection.ops.quote_name(meta.db_table),
        ", ".join(connection.ops.quote_name(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    params = [
        (
            dossier.pk,
            r.person.pk if r.person else None,
            r.unit.pk if r.unit else None,
            r.award_form.pk,
            r.summary,
            facts_field.get_db_prep_save(r.facts, connection),
            start + i,
            Appraisal.PENDING.value,
            "",
        )
        for i, r in enumerate(rows)
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
