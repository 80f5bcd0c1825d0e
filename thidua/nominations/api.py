"""Dossier operations through /api/v1/: the same policy and services as the pages."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from thidua.campaigns.models import AwardForm, RequiredDocument
from thidua.campaigns.policy import get_campaign_or_404
from thidua.core.api import Conflict, Error
from thidua.core.uploads import KINDS
from thidua.org.api_auth import TokenAuth
from thidua.org.models import Person, Unit

from . import policy, services
from .evaluation import evaluate_candidates
from .models import Candidate, Dossier, DossierDocument

router = Router(tags=["Hồ sơ đề nghị khen thưởng"], auth=TokenAuth())


class DossierIn(Schema):
    unit_id: int


class CandidateIn(Schema):
    version: int
    award_form_id: int
    summary: str
    person_id: int | None = None
    unit_id: int | None = None
    facts: dict[str, float] = {}


class AttestationIn(Schema):
    version: int
    criterion_id: int
    confirmed: bool
    note: str = ""


class ReasonIn(Schema):
    reason: str = ""


class AppraisalIn(Schema):
    decision: str
    reason: str = ""


def dossier_summary(d: Dossier) -> dict:
    return {
        "id": d.pk,
        "campaign_id": d.campaign_id,
        "unit_id": d.unit_id,
        "unit": d.unit.name,
        "status": d.status,
        "status_label": d.get_status_display(),
        "round": d.round,
        "version": d.version,
        "submitted_at": d.submitted_at,
    }


def dossier_detail(d: Dossier) -> dict:
    candidates = list(d.candidates.select_related("person", "unit", "award_form"))
    documents = list(d.documents.all())
    deadline, extension = services.submission_deadline(d.campaign, d.unit)
    return {
        **dossier_summary(d),
        "deadline": deadline,
        "extended": extension is not None,
        "candidates": [
            {
                "id": c.pk,
                "name": c.name,
                "kind": "ca_nhan" if c.person_id else "tap_the",
                "person_id": c.person_id,
                "unit_id": c.unit_id,
                "award_form_id": c.award_form_id,
                "award_form": c.award_form.name,
                "summary": c.summary,
                "facts": c.facts,
                "appraisal": c.appraisal,
                "appraisal_reason": c.appraisal_reason,
            }
            for c in candidates
        ],
        "documents": [
            {
                "id": doc.pk,
                "name": doc.original_name,
                "kind": doc.kind,
                "size": doc.size,
                "required_id": doc.required_id,
                "candidate_id": doc.candidate_id,
            }
            for doc in documents
        ],
        "missing_documents": services.missing_documents(d, candidates, documents),
    }


@router.get("/dossiers", summary="Hồ sơ người dùng được xem")
def list_dossiers(request) -> list[dict]:
    return [dossier_summary(d) for d in policy.dossiers_visible_to(request.user).order_by("pk")]


@router.post(
    "/campaigns/{campaign_id}/dossiers",
    response={201: dict, 422: Error},
    summary="Lập hồ sơ đề nghị khen thưởng của một đơn vị",
)
def create_dossier(request, campaign_id: int, payload: DossierIn):
    campaign = get_campaign_or_404(request.user, campaign_id)
    unit = Unit.objects.filter(pk=payload.unit_id).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    dossier = services.create_dossier(actor=request.user, campaign=campaign, unit=unit)
    return Status(201, dossier_detail(dossier))


@router.get("/dossiers/{dossier_id}", summary="Chi tiết hồ sơ: danh sách, tài liệu, còn thiếu")
def get_dossier(request, dossier_id: int) -> dict:
    return dossier_detail(policy.get_dossier_or_404(request.user, dossier_id))


def _in_subtree(model, pk: int | None, dossier: Dossier, field: str):
    if pk is None:
        return None
    obj = model.objects.select_related(*(["unit"] if model is Person else [])).filter(pk=pk).first()
    path = (obj.unit.path if model is Person else obj.path) if obj else ""
    if not obj or not path.startswith(dossier.unit.path):
        raise Http404(f"Không tìm thấy {field} trong đơn vị.")
    return obj


@router.post(
    "/dossiers/{dossier_id}/candidates",
    response={201: dict, 404: Error, 409: Error, 422: Error},
    summary="Thêm một cá nhân hoặc tập thể vào hồ sơ",
)
def add_candidate(request, dossier_id: int, payload: CandidateIn):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    award_form = AwardForm.objects.filter(
        pk=payload.award_form_id, campaign=dossier.campaign_id
    ).first()
    if award_form is None:
        raise Http404("Không tìm thấy hình thức khen thưởng trong đợt thi đua.")
    candidate = services.add_candidate(
        actor=request.user,
        dossier=dossier,
        version=payload.version,
        award_form=award_form,
        summary=payload.summary,
        facts=payload.facts,
        person=_in_subtree(Person, payload.person_id, dossier, "cá nhân"),
        unit=_in_subtree(Unit, payload.unit_id, dossier, "tập thể"),
    )
    return Status(201, {"id": candidate.pk, "name": candidate.name, "version": dossier.version})


@router.post(
    "/dossiers/{dossier_id}/candidates/import",
    response={200: dict, 409: Error, 422: dict},
    summary="Nhập danh sách từ tệp Excel (.xlsx) theo mẫu",
)
def import_candidates(
    request,
    dossier_id: int,
    file: File[UploadedFile],
    version: Form[int],
    only_clean: Form[bool] = False,
    add_people: Form[bool] = False,
):
    """Người chưa có trong danh sách cán bộ của đơn vị (ghi kèm Giới tính, Đối tượng) được
    liệt kê ở ``new_people``; gửi lại với ``add_people=true`` để thêm họ rồi nhập."""
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    report = services.import_candidates(
        actor=request.user,
        dossier=dossier,
        version=version,
        uploaded=file,
        only_clean=only_clean,
        add_people=add_people,
    )
    status = 200 if report.imported or not report.errors else 422
    body = {
        "imported": report.imported,
        "valid_rows": len(report.rows),
        "added_people": report.added_people,
        "new_people": [
            {"row": r.row, "name": r.name, "date_of_birth": r.person and r.person.date_of_birth}
            for r in (report.new_people if not report.imported else [])
        ],
        "errors": [{"row": e.row, "column": e.column, "message": e.message} for e in report.errors],
        "notices": report.notices,
    }
    if status == 422:
        body["detail"] = "Tệp có lỗi: chưa nhập dòng nào."
    return Status(status, body)


@router.get(
    "/dossiers/{dossier_id}/eligibility",
    summary="Kết quả kiểm tra tiêu chuẩn của từng người, tập thể",
)
def eligibility(request, dossier_id: int) -> list[dict]:
    dossier = policy.get_dossier_or_404(request.user, dossier_id)

    def node(r) -> dict[str, Any]:
        return {
            "criterion_id": r.key,
            "text": r.text,
            "status": r.status.value,
            "explanation": r.explanation,
            "children": [node(c) for c in r.children],
        }

    return [
        {
            "candidate_id": c.candidate.pk,
            "name": c.candidate.name,
            "status": c.status,
            "status_label": c.status_label,
            "flags": [{"code": f.code, "level": f.level, "text": f.text} for f in c.flags],
            "criteria_sets": [
                {"id": s.pk, "subject_category": s.subject_category.name, **node(r)}
                for s, r in c.results
            ],
        }
        for c in evaluate_candidates(dossier.campaign, dossier.candidates.all())
    ]


def _candidate(request, dossier_id: int, candidate_id: int) -> Candidate:
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    candidate = Candidate.objects.filter(pk=candidate_id, dossier=dossier).first()
    if candidate is None:
        raise Http404("Không tìm thấy người, tập thể trong hồ sơ.")
    candidate.dossier = dossier
    return candidate


@router.post(
    "/dossiers/{dossier_id}/candidates/{candidate_id}/attestations",
    response={200: dict, 409: Error, 422: Error},
    summary="Xác nhận một tiêu chuẩn định tính",
)
def attest(request, dossier_id: int, candidate_id: int, payload: AttestationIn):
    candidate = _candidate(request, dossier_id, candidate_id)
    services.attest(
        actor=request.user,
        candidate=candidate,
        criterion_id=payload.criterion_id,
        confirmed=payload.confirmed,
        note=payload.note,
        version=payload.version,
    )
    return {"version": candidate.dossier.version}


@router.post(
    "/dossiers/{dossier_id}/documents",
    response={201: dict, 409: Error, 422: Error},
    summary="Tải lên một thành phần hồ sơ (PDF, DOCX, XLSX, ảnh)",
)
def upload_document(
    request,
    dossier_id: int,
    file: File[UploadedFile],
    version: Form[int],
    required_id: Form[int | None] = None,
    candidate_id: Form[int | None] = None,
):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    required = (
        RequiredDocument.objects.filter(pk=required_id, campaign=dossier.campaign_id).first()
        if required_id
        else None
    )
    if required_id and required is None:
        raise Http404("Không tìm thấy thành phần hồ sơ.")
    candidate = (
        Candidate.objects.filter(pk=candidate_id, dossier=dossier).first() if candidate_id else None
    )
    if candidate_id and candidate is None:
        raise Http404("Không tìm thấy người, tập thể trong hồ sơ.")
    document = services.upload_document(
        actor=request.user,
        dossier=dossier,
        version=version,
        uploaded=file,
        required=required,
        candidate=candidate,
    )
    return Status(
        201,
        {
            "id": document.pk,
            "kind": document.kind,
            "size": document.size,
            "version": dossier.version,
        },
    )


@router.get(
    "/dossiers/{dossier_id}/documents/{document_id}", summary="Tải về một tài liệu của hồ sơ"
)
def download_document(request, dossier_id: int, document_id: int):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    document = DossierDocument.objects.filter(pk=document_id, dossier=dossier).first()
    if document is None:
        raise Http404("Không tìm thấy tài liệu.")
    kind = KINDS[document.kind]
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        content_type=kind.content_type,
        filename=document.original_name,
    )


@router.post(
    "/dossiers/{dossier_id}/submit",
    response={200: dict, 409: Conflict, 422: Error},
    summary="Thủ trưởng duyệt và nộp hồ sơ (trong hạn hoặc hạn được gia hạn)",
)
def submit(request, dossier_id: int):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    return dossier_summary(services.submit(actor=request.user, dossier=dossier))


@router.post(
    "/dossiers/{dossier_id}/return",
    response={200: dict, 422: Error},
    summary="Phòng Nội vụ trả lại hồ sơ để bổ sung (kèm lý do)",
)
def return_dossier(request, dossier_id: int, payload: ReasonIn):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    return dossier_summary(
        services.return_for_supplement(actor=request.user, dossier=dossier, reason=payload.reason)
    )


@router.post(
    "/dossiers/{dossier_id}/appraise",
    response={200: dict, 422: Error},
    summary="Phòng Nội vụ hoàn thành thẩm định hồ sơ",
)
def appraise(request, dossier_id: int):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    return dossier_summary(services.mark_appraised(actor=request.user, dossier=dossier))


@router.post(
    "/dossiers/{dossier_id}/candidates/{candidate_id}/appraisal",
    response={200: dict, 422: Error},
    summary="Thẩm định một người, tập thể: du / khong_du / can_bo_sung",
)
def appraise_candidate(request, dossier_id: int, candidate_id: int, payload: AppraisalIn):
    candidate = _candidate(request, dossier_id, candidate_id)
    services.appraise_candidate(
        actor=request.user, candidate=candidate, decision=payload.decision, reason=payload.reason
    )
    return {"id": candidate.pk, "appraisal": candidate.appraisal}
