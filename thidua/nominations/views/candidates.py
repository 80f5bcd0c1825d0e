"""Who a dossier proposes: adding, editing, attesting, removing and appraising candidates,
and the Excel list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.core.web import XLSX, download, flash_errors
from thidua.org.access import Actor, Perm

from .. import elsewhere, importing, policy, services
from ..evaluation import evaluate_candidates
from ..forms import AppraisalForm, AttestForm, CandidateEditForm, CandidateForm, ImportForm
from ..models import Candidate, Dossier
from . import pending
from .dossiers import back_to


def _candidate(user: Actor, pk: int, cid: int) -> Candidate:
    dossier = policy.get_dossier_or_404(user, pk)
    candidate = (
        Candidate.objects.select_related("person__unit", "unit", "award_form")
        .filter(pk=cid, dossier=dossier)
        .first()
    )
    if candidate is None:
        raise Http404("Không tìm thấy người, tập thể trong hồ sơ.")
    candidate.dossier = dossier
    return candidate


def _edit_page_refused(request: HttpRequest, dossier: Dossier) -> HttpResponse | None:
    """A page that is only a form for editing the dossier is offered where the edit would be
    allowed, like the button that leads to it: 403 without the right, back to the dossier
    with the reason in another state."""
    try:
        policy.check(request.user, dossier, "edit")
    except services.DossierError as error:
        flash_errors(request, error)
        return back_to(dossier)
    return None


@login_required
def candidate_add(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    if refused := _edit_page_refused(request, dossier):
        return refused
    form = CandidateForm(
        request.POST or None, dossier=dossier, initial={"version": dossier.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate = services.add_candidate(
                actor=request.user,
                dossier=dossier,
                version=data["version"],
                award_form=data["award_form"],
                summary=data["summary"],
                person=data["person"],
                unit=data["unit"],
                facts=data["facts"],
            )
        except services.DossierError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã thêm {candidate.name} vào hồ sơ.")
            if "them_tiep" in request.POST:
                return redirect("nominations:candidate_add", pk=dossier.pk)
            return redirect("nominations:candidate", pk=dossier.pk, cid=candidate.pk)
    return render(request, "nominations/candidate_form.html", {"dossier": dossier, "form": form})


@login_required
def candidate_detail(request: HttpRequest, pk: int, cid: int) -> HttpResponse:
    candidate = _candidate(request.user, pk, cid)
    dossier = candidate.dossier
    edit_form = CandidateEditForm(request.POST or None, candidate=candidate)
    if request.method == "POST" and edit_form.is_valid():
        data = edit_form.cleaned_data
        try:
            services.update_candidate(
                actor=request.user,
                candidate=candidate,
                version=data["version"],
                award_form=data["award_form"],
                summary=data["summary"],
                facts=data["facts"],
            )
        except services.DossierError as error:
            edit_form.add_error(None, error)
        else:
            messages.success(request, "Đã lưu.")
            return redirect("nominations:candidate", pk=dossier.pk, cid=candidate.pk)
    check = evaluate_candidates(dossier.campaign, Candidate.objects.filter(pk=candidate.pk))[0]
    return render(
        request,
        "nominations/candidate_detail.html",
        {
            "dossier": dossier,
            "candidate": candidate,
            "check": check,
            "can_edit": policy.allows(request.user, dossier, "edit"),
            "edit_form": edit_form,
            "can_appraise": policy.allows(request.user, dossier, "appraise_candidate"),
            # One achievement, one award: the same subject proposed or awarded elsewhere.
            "elsewhere": elsewhere.find([candidate]).get(candidate.pk, [])
            if policy.allows(request.user, dossier, "appraise_candidate")
            else [],
            "appraisal_form": AppraisalForm(
                initial={"decision": candidate.appraisal, "reason": candidate.appraisal_reason}
            ),
        },
    )


@login_required
@require_POST
def candidate_attest(request: HttpRequest, pk: int, cid: int) -> HttpResponse:
    candidate = _candidate(request.user, pk, cid)
    form = AttestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chọn Đạt hoặc Không đạt.")
    else:
        data = form.cleaned_data
        try:
            services.attest(
                actor=request.user,
                candidate=candidate,
                version=data["version"],
                criterion_id=data["criterion"],
                confirmed=data["confirmed"],
                note=data["note"],
            )
        except services.DossierError as error:
            flash_errors(request, error)
        else:
            messages.success(request, "Đã ghi nhận xác nhận.")
    return redirect("nominations:candidate", pk=pk, cid=cid)


@login_required
@require_POST
def candidate_remove(request: HttpRequest, pk: int, cid: int) -> HttpResponse:
    candidate = _candidate(request.user, pk, cid)
    try:
        services.remove_candidate(
            actor=request.user, candidate=candidate, version=request.POST.get("version")
        )
    except services.DossierError as error:
        flash_errors(request, error)
        return redirect("nominations:candidate", pk=pk, cid=cid)
    messages.success(request, f"Đã xóa {candidate.name} khỏi hồ sơ.")
    return back_to(candidate.dossier, "danh-sach")


@login_required
@require_POST
def candidate_appraise(request: HttpRequest, pk: int, cid: int) -> HttpResponse:
    candidate = _candidate(request.user, pk, cid)
    form = AppraisalForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chọn kết quả thẩm định.")
        return redirect("nominations:candidate", pk=pk, cid=cid)
    try:
        services.appraise_candidate(
            actor=request.user,
            candidate=candidate,
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data["reason"],
        )
    except services.DossierError as error:
        flash_errors(request, error)
        return redirect("nominations:candidate", pk=pk, cid=cid)
    messages.success(request, f"Đã ghi kết quả thẩm định: {candidate.name}.")
    return back_to(candidate.dossier, "danh-sach")


@login_required
def candidate_import(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    if refused := _edit_page_refused(request, dossier):
        return refused
    confirming = request.method == "POST" and "xac_nhan" in request.POST
    form = ImportForm(
        None if confirming else (request.POST or None),
        request.FILES or None,
        initial={"version": dossier.version},
    )
    report, can_confirm = None, False
    if confirming:
        kept = pending.take(request, dossier.pk)
        if kept is None:
            messages.error(request, "Danh sách chờ xác nhận không còn: hãy tải tệp lên lại.")
            return redirect("nominations:import", pk=pk)
        upload, only_clean = kept
        version, add_people = request.POST.get("version"), True
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload, only_clean, version = data["file"], data["only_clean"], data["version"]
        add_people = False
    if confirming or (request.method == "POST" and form.is_valid()):
        try:
            report = services.import_candidates(
                actor=request.user,
                dossier=dossier,
                version=version,
                uploaded=upload,
                only_clean=only_clean,
                add_people=add_people,
            )
        except services.DossierError as error:
            form.add_error(None, error)
        else:
            for notice in report.notices:  # hidden sheets, a CSV read
                messages.info(request, notice)
            can_confirm = bool(
                report.new_people and not report.imported and (only_clean or not report.errors)
            )
            if can_confirm:
                pending.keep(request, dossier.pk, upload, only_clean)
            if report.imported:
                added = f" (thêm {report.added_people} cán bộ mới)" if report.added_people else ""
                messages.success(
                    request, f"Đã nhập {report.imported} người, tập thể vào hồ sơ{added}."
                )
                if not report.errors:
                    return back_to(dossier, "danh-sach")
            dossier.refresh_from_db()
            form = ImportForm(initial={"version": dossier.version})
    return render(
        request,
        "nominations/import.html",
        {
            "dossier": dossier,
            "form": form,
            "report": report,
            "can_confirm": can_confirm,
            "new_people": pending.describe(report.new_people) if report else [],
        },
    )


@login_required
def import_template(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk, Perm.EDIT_DOSSIERS)
    content = importing.build_template(dossier.campaign, dossier.unit)
    return download(content, "mau-danh-sach-de-nghi.xlsx", XLSX)
