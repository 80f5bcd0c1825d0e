from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from thidua.core.api import Error
from thidua.eligibility import engine
from thidua.org import access
from thidua.org.access import Perm
from thidua.org.api_auth import TokenAuth, optional_user

from . import policy, services
from .criteria import describe
from .forms import (
    AwardFormForm,
    CampaignForm,
    CriteriaSetForm,
    RequiredDocumentForm,
    SubjectCategoryForm,
)
from .models import AwardAuthority, AwardForm, CriteriaSet
from .views import load_campaign_for_display

router = Router(tags=["Đợt thi đua"])


class CampaignSummary(Schema):
    id: int
    title: str
    number_symbol: str
    issuer: str
    status: str
    status_label: str
    period_start: date
    period_end: date
    dossier_deadline: date


class CampaignIn(Schema):
    issuer: int
    title: str
    number: str = ""
    symbol: str = "KH-UBND"
    signed_on: str | None = None
    preamble: str = ""
    slogan: str = ""
    period_start: str
    period_end: str
    reward_mode: str = "mot_lan"
    reward_mode_note: str = ""
    dossier_deadline: str
    receiving_unit: int | None = None
    receiving_note: str = ""
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""


class AwardFormIn(Schema):
    name: str
    authority: int
    granting_unit: int | None = None
    order: int = 0
    selection_rule: str = ""
    is_proposal_upward: bool = False
    delegated_to_units: bool = False
    quota_collective: int | None = None
    quota_individual: int | None = None
    quota_note: str = ""


class SubjectCategoryIn(Schema):
    kind: str
    name: str
    order: int = 0
    person_categories: list[str] = []
    unit_kinds: list[str] = []
    requirement: str = ""


class CriteriaSetIn(Schema):
    subject_category: int
    valid_from: str | None = None
    valid_to: str | None = None
    legal_basis: str = ""


class CriterionIn(Schema):
    kind: str
    text: str
    params: dict[str, Any] = {}
    parent: int | None = None
    order: int = 0


class RequiredDocumentIn(Schema):
    name: str
    scope: str = "tat_ca"
    award_form: int | None = None
    per_candidate: bool = False
    note: str = ""
    order: int = 0


class Created(Schema):
    id: int


def summary(c) -> dict:
    return {
        "id": c.id,
        "title": c.title,
        "number_symbol": c.number_symbol,
        "issuer": c.issuer.name,
        "status": c.status,
        "status_label": c.get_status_display(),
        "period_start": c.period_start,
        "period_end": c.period_end,
        "dossier_deadline": c.dossier_deadline,
    }


def criteria_out(criteria_set) -> list[dict]:
    rows = {
        c.pk: {
            "id": c.pk,
            "kind": c.kind,
            "text": c.text,
            "params": c.params,
            "rule": describe(c),
            "children": [],
        }
        for c in criteria_set.criteria.all()
    }
    roots = []
    for c in criteria_set.criteria.all():
        (rows[c.parent_id]["children"] if c.parent_id in rows else roots).append(rows[c.pk])
    return roots


def award_form_out(f) -> dict:
    return {
        "id": f.id,
        "name": f.name,
        "authority": f.authority.name,
        "authority_level": f.authority.level,
        "granting_unit": f.granting_unit.name if f.granting_unit else None,
        "selection_rule": f.selection_rule,
        "is_proposal_upward": f.is_proposal_upward,
        "delegated_to_units": f.delegated_to_units,
        "quota_collective": f.quota_collective,
        "quota_individual": f.quota_individual,
        "quota_note": f.quota_note,
        "criteria_sets": [
            {
                "id": s.id,
                "subject_category_id": s.subject_category_id,
                "subject_category": s.subject_category.name,
                "valid_from": s.valid_from,
                "valid_to": s.valid_to,
                "legal_basis": s.legal_basis,
                "criteria": criteria_out(s),
            }
            for s in f.criteria_sets.all()
        ],
    }


def detail(c) -> dict:
    return {
        **summary(c),
        "signed_on": c.signed_on,
        "preamble": c.preamble,
        "slogan": c.slogan,
        "reward_mode": c.reward_mode,
        "reward_mode_note": c.reward_mode_note,
        "receiving_unit": c.receiving_unit.name if c.receiving_unit else None,
        "receiving_note": c.receiving_note,
        "signer": {"authority": c.signer_authority, "title": c.signer_title, "name": c.signer_name},
        "legal_bases": [
            {"text": b.text, "valid_from": b.valid_from, "valid_to": b.valid_to}
            for b in c.legal_bases.all()
        ],
        "clauses": [
            {"section": x.section, "heading": x.heading, "text": x.text} for x in c.clauses.all()
        ],
        "subject_categories": [
            {
                "id": s.id,
                "kind": s.kind,
                "name": s.name,
                "person_categories": s.person_categories,
                "unit_kinds": s.unit_kinds,
                "requirement": s.requirement,
            }
            for s in c.subject_categories.all()
        ],
        "award_forms": [award_form_out(f) for f in c.award_forms.all()],
        "required_documents": [
            {
                "name": d.name,
                "scope": d.scope,
                "award_form": d.award_form.name if d.award_form else None,
                "per_candidate": d.per_candidate,
                "note": d.note,
            }
            for d in c.required_documents.all()
        ],
    }


def form_or_422(form):
    if not form.is_valid():
        raise ValidationError(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        )
    return form


@router.get(
    "/campaigns", response=list[CampaignSummary], summary="Các đợt thi đua đã phát động (công khai)"
)
def list_campaigns(request):
    user = optional_user(request)
    return [summary(c) for c in policy.campaigns_visible_to(user).order_by("-period_start", "-id")]


@router.get("/campaigns/{campaign_id}", summary="Toàn bộ nội dung có cấu trúc của một đợt thi đua")
def get_campaign(request, campaign_id: int) -> dict:
    return detail(load_campaign_for_display(campaign_id, optional_user(request)))


@router.get("/authorities", summary="Danh mục thẩm quyền khen thưởng (có thời hạn hiệu lực)")
def list_authorities(request) -> list[dict]:
    return list(
        AwardAuthority.objects.values(
            "id", "name", "level", "valid_from", "valid_to", "legal_basis"
        )
    )


@router.post(
    "/campaigns",
    auth=TokenAuth(),
    response={201: Created, 403: Error, 422: Error},
    summary="Tạo đợt thi đua",
)
def create_campaign(request, payload: CampaignIn):
    if not access.has_perm_anywhere(request.user, Perm.MANAGE_CAMPAIGNS):
        raise PermissionDenied("Chỉ chuyên viên TĐKT được tạo đợt thi đua.")
    units = access.units_with(request.user, Perm.MANAGE_CAMPAIGNS)
    form = form_or_422(CampaignForm(payload.dict(), issuer_units=units))
    return Status(201, {"id": services.create_campaign(actor=request.user, form=form).pk})


def _managed(request, campaign_id: int):
    return policy.get_managed_campaign_or_404(request.user, campaign_id)


@router.post(
    "/campaigns/{campaign_id}/subject-categories",
    auth=TokenAuth(),
    response={201: Created, 422: Error},
    summary="Thêm nhóm đối tượng",
)
def add_subject_category(request, campaign_id: int, payload: SubjectCategoryIn):
    campaign = _managed(request, campaign_id)
    form = form_or_422(SubjectCategoryForm(payload.dict()))
    item = services.add_item(
        actor=request.user, campaign=campaign, form=form, section="nhom-doi-tuong"
    )
    return Status(201, {"id": item.pk})


@router.post(
    "/campaigns/{campaign_id}/award-forms",
    auth=TokenAuth(),
    response={201: Created, 422: Error},
    summary="Thêm hình thức khen thưởng",
)
def add_award_form(request, campaign_id: int, payload: AwardFormIn):
    campaign = _managed(request, campaign_id)
    form = form_or_422(AwardFormForm(payload.dict(), campaign=campaign))
    award_form = services.save_award_form(actor=request.user, campaign=campaign, form=form)
    return Status(201, {"id": award_form.pk})


@router.post(
    "/award-forms/{award_form_id}/criteria-sets",
    auth=TokenAuth(),
    response={201: Created, 422: Error},
    summary="Thêm bộ tiêu chuẩn cho một nhóm đối tượng",
)
def add_criteria_set(request, award_form_id: int, payload: CriteriaSetIn):
    award_form = get_object_or_404(AwardForm, pk=award_form_id)
    campaign = _managed(request, award_form.campaign_id)
    form = form_or_422(CriteriaSetForm(payload.dict(), campaign=campaign))
    criteria_set = services.save_criteria_set(actor=request.user, award_form=award_form, form=form)
    return Status(201, {"id": criteria_set.pk})


@router.post(
    "/criteria-sets/{set_id}/criteria",
    auth=TokenAuth(),
    response={201: Created, 422: Error},
    summary="Thêm tiêu chuẩn (loại và tham số theo danh mục /criterion-kinds)",
)
def add_criterion(request, set_id: int, payload: CriterionIn):
    criteria_set = get_object_or_404(CriteriaSet.objects.select_related("award_form"), pk=set_id)
    _managed(request, criteria_set.award_form.campaign_id)
    criterion = services.save_criterion(
        actor=request.user, criteria_set=criteria_set, data=payload.dict()
    )
    return Status(201, {"id": criterion.pk})


@router.post(
    "/campaigns/{campaign_id}/required-documents",
    auth=TokenAuth(),
    response={201: Created, 422: Error},
    summary="Thêm thành phần hồ sơ",
)
def add_required_document(request, campaign_id: int, payload: RequiredDocumentIn):
    campaign = _managed(request, campaign_id)
    form = form_or_422(RequiredDocumentForm(payload.dict(), campaign=campaign))
    item = services.add_item(actor=request.user, campaign=campaign, form=form, section="ho-so")
    return Status(201, {"id": item.pk})


@router.post(
    "/campaigns/{campaign_id}/launch",
    auth=TokenAuth(),
    response={200: CampaignSummary, 409: Error, 422: Error},
    summary="Phát động đợt thi đua",
)
def launch(request, campaign_id: int):
    campaign = _managed(request, campaign_id)
    return summary(services.launch_campaign(actor=request.user, campaign=campaign))


@router.get("/criterion-kinds", summary="Danh mục loại tiêu chuẩn và tham số")
def criterion_kinds(request) -> list[dict]:
    return [
        {
            "code": k.code,
            "label": k.label,
            "description": k.description,
            "is_group": k.is_group,
            "params": [
                {
                    "name": p.name,
                    "label": p.label,
                    "type": p.type,
                    "choices": [c for c, _ in p.choices],
                    "min": p.min,
                    "required": p.required,
                    "default": p.default,
                }
                for p in k.params
            ],
        }
        for k in engine.KINDS.values()
    ]
