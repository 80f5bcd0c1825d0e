"""Bulk work pages: several attestations in one form, several files in one upload (with a second
step to confirm the slot each file's name suggested)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.campaigns.models import Criterion
from thidua.core.web import flash_errors

from .. import policy
from ..errors import DossierError
from ..evaluation import evaluate_candidates
from ..models import Candidate, CandidateAttestation
from ..services import bulk
from .candidates import _candidate, _edit_page_refused
from .dossiers import back_to


def _answers(request: HttpRequest, keys) -> dict[int, bulk.Answer]:
    """``ket-qua-<key>`` = 1 | 0 (other values: left as it is) and ``ghi-chu-<key>``."""
    answers = {}
    for key in keys:
        value = request.POST.get(f"ket-qua-{key}")
        if value in ("1", "0"):
            answers[key] = (value == "1", (request.POST.get(f"ghi-chu-{key}") or "")[:500])
    return answers


def _version(request: HttpRequest) -> str | None:
    return request.POST.get("version")


@login_required
def attest_candidate(request: HttpRequest, pk: int, cid: int) -> HttpResponse:
    """Every criterion of one candidate that a person confirms, in one form."""
    candidate = _candidate(request.user, pk, cid)
    dossier = candidate.dossier
    if refused := _edit_page_refused(request, dossier):
        return refused
    allowed = bulk.attested_criteria([candidate.award_form_id])[candidate.award_form_id]
    criteria = list(Criterion.objects.filter(pk__in=allowed).order_by("criteria_set", "order"))
    if request.method == "POST":
        try:
            count = bulk.attest_many(
                actor=request.user,
                candidate=candidate,
                version=_version(request),
                answers=_answers(request, [c.pk for c in criteria]),
            )
        except DossierError as error:
            flash_errors(request, error)
        else:
            messages.success(request, f"Đã ghi {count} xác nhận cho {candidate.name}.")
            return redirect("nominations:candidate", pk=pk, cid=cid)
    current = {a.criterion_id: a for a in CandidateAttestation.objects.filter(candidate=candidate)}
    return render(
        request,
        "nominations/attest_bulk.html",
        {
            "dossier": dossier,
            "candidate": candidate,
            "rows": [(c.pk, c.text, current.get(c.pk)) for c in criteria],
        },
    )


@login_required
def attest_criterion(request: HttpRequest, pk: int) -> HttpResponse:
    """One criterion for every candidate of the dossier it applies to, in one form."""
    dossier = policy.get_dossier_or_404(request.user, pk)
    if refused := _edit_page_refused(request, dossier):
        return refused
    checks = evaluate_candidates(dossier.campaign, dossier.candidates.all())
    keys = sorted({int(k) for c in checks for k in c.attestable})
    criteria = list(Criterion.objects.filter(pk__in=keys).select_related("criteria_set"))
    raw = request.POST.get("tieu-chuan") or request.GET.get("tieu-chuan") or ""
    chosen = next((c for c in criteria if str(c.pk) == raw), None)
    if chosen is None and len(criteria) == 1:
        chosen = criteria[0]
    rows = [c.candidate for c in checks if chosen and str(chosen.pk) in c.attestable]
    if request.method == "POST" and chosen is not None:
        try:
            count = bulk.attest_for_candidates(
                actor=request.user,
                dossier=dossier,
                version=_version(request),
                criterion_id=chosen.pk,
                answers=_answers(request, [c.pk for c in rows]),
            )
        except DossierError as error:
            flash_errors(request, error)
        else:
            messages.success(request, f"Đã ghi {count} xác nhận tiêu chuẩn “{chosen.text[:80]}”.")
            return back_to(dossier, "danh-sach")
    current = (
        {
            a.candidate_id: a
            for a in CandidateAttestation.objects.filter(
                candidate__dossier=dossier, criterion=chosen
            )
        }
        if chosen
        else {}
    )
    return render(
        request,
        "nominations/attest_criterion.html",
        {
            "dossier": dossier,
            "criteria": criteria,
            "chosen": chosen,
            "rows": [(c.pk, c.name, current.get(c.pk)) for c in rows],
        },
    )


@login_required
@require_POST
def upload_many(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    try:
        done = bulk.upload_documents(
            actor=request.user,
            dossier=dossier,
            version=_version(request),
            files=request.FILES.getlist("files"),
        )
    except DossierError as error:
        flash_errors(request, error)
        return back_to(dossier, "tai-lieu")
    messages.success(
        request,
        f"Đã tải lên {len(done)} tệp. Kiểm tra thành phần hồ sơ đoán theo tên tệp rồi bấm "
        "“Xác nhận”.",
    )
    ids = ",".join(str(d.document.pk) for d in done)
    return redirect(reverse("nominations:upload_confirm", args=[dossier.pk]) + f"?tep={ids}")


@login_required
def confirm_uploads(request: HttpRequest, pk: int) -> HttpResponse:
    """Second step: each uploaded file with the slot guessed from its name, to confirm."""
    dossier = policy.get_dossier_or_404(request.user, pk)
    if refused := _edit_page_refused(request, dossier):
        return refused
    source = request.POST if request.method == "POST" else request.GET
    ids = [int(i) for i in source.get("tep", "").split(",") if i.isdigit()][:50]
    documents = list(dossier.documents.filter(pk__in=ids).select_related("required"))
    if request.method == "POST":
        slots: dict[int, int | None] = {}
        owners: dict[int, int | None] = {}
        for d in documents:
            slot = request.POST.get(f"thanh-phan-{d.pk}", "")
            owner = request.POST.get(f"ung-vien-{d.pk}", "")
            slots[d.pk] = int(slot) if slot.isdigit() else None
            owners[d.pk] = int(owner) if owner.isdigit() else None
        try:
            count = bulk.assign_documents(
                actor=request.user,
                dossier=dossier,
                version=_version(request),
                slots=slots,
                candidates=owners,
            )
        except DossierError as error:
            flash_errors(request, error)
        else:
            messages.success(request, f"Đã xác nhận thành phần hồ sơ của {count} tệp.")
            return back_to(dossier, "tai-lieu")
    return render(
        request,
        "nominations/confirm_uploads.html",
        {
            "dossier": dossier,
            "documents": documents,
            "ids": ",".join(str(d.pk) for d in documents),
            "slots": list(dossier.campaign.required_documents.all()),
            "candidates": list(
                Candidate.objects.filter(dossier=dossier).select_related("person", "unit")
            ),
        },
    )
