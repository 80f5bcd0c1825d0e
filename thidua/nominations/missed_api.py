"""The review of who is missed and the fairness view through /api/v1/ (the page is
/ho-so/dot/<id>/ra-soat/): the same scope rules (``missed.get_review_or_404``) and the same
computations, in a fixed number of queries whatever the number of people."""

from __future__ import annotations

from ninja import Router, Schema

from thidua.core.api import Error
from thidua.org.api_auth import TokenAuth
from thidua.org.models import Unit

from .fairness import SMALL_COLLECTIVE, Row, UnitRow, fairness
from .missed import Finding, get_review_or_404, review

router = Router(tags=["Rà soát bỏ sót và công bằng"], auth=TokenAuth())


class UnitRef(Schema):
    id: int
    name: str


class FindingOut(Schema):
    name: str
    unit: str
    is_person: bool
    status: str  # dat | can_xac_nhan | khong_dat | tam_hoan
    status_label: str
    reasons: list[str]
    other_forms: list[str]  # proposed for these forms of the campaign instead
    candidate_id: int | None  # for the proposed who fail
    dossier_id: int | None


class FormReviewOut(Schema):
    award_form_id: int
    award_form: str
    missed: list[FindingOut]
    failing: list[FindingOut]


class MissedOut(Schema):
    campaign_id: int
    scope: UnitRef
    scopes: list[UnitRef]
    forms: list[FormReviewOut]


class RowOut(Schema):
    label: str
    headcount: int
    proposed: int
    awarded: int
    proposed_percent: float | None  # of the head-count, one decimal; null when it is 0
    awarded_percent: float | None


class UnitRowOut(RowOut):
    collectives_proposed: int
    collectives_awarded: int


class FairnessOut(Schema):
    campaign_id: int
    scope: UnitRef
    scopes: list[UnitRef]
    small_collective: int  # a collective of at most this many people counts as small
    units: list[UnitRowOut]
    groups: list[RowOut]
    sizes: list[RowOut]


def _unit(unit: Unit) -> dict:
    return {"id": unit.pk, "name": unit.name}


def _finding(f: Finding) -> dict:
    return {
        "name": f.name,
        "unit": f.unit_name,
        "is_person": f.is_person,
        "status": f.status,
        "status_label": f.status_label,
        "reasons": f.reasons,
        "other_forms": f.other_forms,
        "candidate_id": f.candidate.pk if f.candidate else None,
        "dossier_id": f.candidate.dossier_id if f.candidate else None,
    }


def _percent(n: int, of: int) -> float | None:
    return round(100 * n / of, 1) if of else None


def _row(row: Row) -> dict:
    out = {
        "label": row.label,
        "headcount": row.headcount,
        "proposed": row.proposed,
        "awarded": row.awarded,
        "proposed_percent": _percent(row.proposed, row.headcount),
        "awarded_percent": _percent(row.awarded, row.headcount),
    }
    if isinstance(row, UnitRow):
        out["collectives_proposed"] = row.collectives_proposed
        out["collectives_awarded"] = row.collectives_awarded
    return out


@router.get(
    "/campaigns/{campaign_id}/missed",
    response={200: MissedOut, 403: Error, 404: Error},
    summary="Rà soát bỏ sót: ai đủ tiêu chuẩn mà chưa được đề nghị, ai được đề nghị mà không đạt",
    description="Phạm vi mặc định là phạm vi đầu tiên của người dùng (Phòng Nội vụ: cơ quan phát "
    "động; thủ trưởng: đơn vị của mình); `unit_id` chọn một phạm vi khác trong `scopes`. Đơn vị "
    "ngoài phạm vi của tài khoản: 404; đơn vị trong phạm vi nhưng không được rà soát: 403.",
)
def missed(request, campaign_id: int, unit_id: int | None = None):
    campaign, scope, scopes = get_review_or_404(request.user, campaign_id, unit_id)
    return {
        "campaign_id": campaign.pk,
        "scope": _unit(scope),
        "scopes": [_unit(s) for s in scopes],
        "forms": [
            {
                "award_form_id": fr.form.pk,
                "award_form": fr.form.name,
                "missed": [_finding(f) for f in fr.missed],
                "failing": [_finding(f) for f in fr.failing],
            }
            for fr in review(campaign, scope)
        ],
    }


@router.get(
    "/campaigns/{campaign_id}/fairness",
    response={200: FairnessOut, 403: Error, 404: Error},
    summary="Công bằng: tỷ lệ được đề nghị, được khen theo đơn vị, giới tính, dân tộc, cấp, "
    "quy mô tập thể",
    description="Cùng phạm vi và mã lỗi như `GET /campaigns/{campaign_id}/missed`.",
)
def fairness_view(request, campaign_id: int, unit_id: int | None = None):
    campaign, scope, scopes = get_review_or_404(request.user, campaign_id, unit_id)
    found = fairness(campaign, scope)
    return {
        "campaign_id": campaign.pk,
        "scope": _unit(scope),
        "scopes": [_unit(s) for s in scopes],
        "small_collective": SMALL_COLLECTIVE,
        "units": [_row(r) for r in found["units"]],
        "groups": [_row(r) for r in found["groups"]],
        "sizes": [_row(r) for r in found["sizes"]],
    }
