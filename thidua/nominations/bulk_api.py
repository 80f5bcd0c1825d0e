"""Bulk work on a dossier through /api/v1/: the services of ``services/bulk.py``."""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Schema

from thidua.core.api import Error
from thidua.org.api_auth import TokenAuth

from . import policy
from .models import Candidate
from .services import bulk

router = Router(tags=["Hồ sơ đề nghị khen thưởng"], auth=TokenAuth())


class AnswerIn(Schema):
    confirmed: bool
    note: str = ""


class CriteriaAnswerIn(AnswerIn):
    criterion_id: int


class CandidateAnswerIn(AnswerIn):
    candidate_id: int


class ManyCriteriaIn(Schema):
    version: int
    answers: list[CriteriaAnswerIn]


class ManyCandidatesIn(Schema):
    version: int
    criterion_id: int
    answers: list[CandidateAnswerIn]


@router.post(
    "/dossiers/{dossier_id}/candidates/{candidate_id}/attestations/bulk",
    response={200: dict, 409: Error, 422: Error},
    summary="Xác nhận nhiều tiêu chuẩn định tính của một người, tập thể",
)
def attest_many(request, dossier_id: int, candidate_id: int, payload: ManyCriteriaIn):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    candidate = Candidate.objects.filter(pk=candidate_id, dossier=dossier).first()
    if candidate is None:
        raise Http404("Không tìm thấy người, tập thể trong hồ sơ.")
    candidate.dossier = dossier
    count = bulk.attest_many(
        actor=request.user,
        candidate=candidate,
        version=payload.version,
        answers={a.criterion_id: (a.confirmed, a.note) for a in payload.answers},
    )
    return {"written": count, "version": dossier.version}


@router.post(
    "/dossiers/{dossier_id}/attestations/bulk",
    response={200: dict, 409: Error, 422: Error},
    summary="Xác nhận một tiêu chuẩn định tính cho nhiều người, tập thể",
)
def attest_for_candidates(request, dossier_id: int, payload: ManyCandidatesIn):
    dossier = policy.get_dossier_or_404(request.user, dossier_id)
    count = bulk.attest_for_candidates(
        actor=request.user,
        dossier=dossier,
        version=payload.version,
        criterion_id=payload.criterion_id,
        answers={a.candidate_id: (a.confirmed, a.note) for a in payload.answers},
    )
    return {"written": count, "version": dossier.version}
