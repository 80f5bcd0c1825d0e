from __future__ import annotations

from collections import Counter, defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.core.models import AuditEntry
from thidua.core.uploads import KINDS
from thidua.core.web import DOCX, XLSX, download, flash_errors
from thidua.org.access import Perm
from thidua.participation.policy import expected_units

from . import documents, importing, policy, services
from .evaluation import evaluate_candidates
from .forms import (
    AppraisalForm,
    AttestForm,
    CandidateEditForm,
    CandidateForm,
    ExtensionForm,
    ImportForm,
    ReasonForm,
    UploadForm,
)
from .models import Candidate, Dossier, DossierDocument, DossierStatus


def _back(dossier: Dossier, anchor: str = ""):
    response = redirect("nominations:detail", pk=dossier.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _editable_or_403(user, dossier: Dossier) -> None:
    if not policy.can(user, dossier, Perm.EDIT_DOSSIERS):
        raise PermissionDenied("Chỉ cán bộ của đơn vị được lập, sửa hồ sơ này.")


def dossier_history(dossier: Dossier):
    """The dossier's own entries, plus the extensions and reminders given to its unit."""
    return (
        AuditEntry.objects.filter(
            Q(object_type="nominations.dossier", object_id=str(dossier.pk))
            | Q(
                object_type="campaigns.campaign",
                object_id=str(dossier.campaign_id),
                action__in=["nominations.extension.granted", "nominations.reminder.sent"],
                data__unit_id=dossier.unit_id,
            )
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


@login_required
def dossier_list(request):
    dossiers = (
        policy.dossiers_visible_to(request.user)
        .annotate(candidate_count=Count("candidates"))
        .order_by("-campaign__period_start", "unit__path")
    )
    return render(request, "nominations/list.html", {"dossiers": dossiers})


@login_required
@require_POST
def dossier_start(request, campaign_pk: int):
    from thidua.campaigns.policy import get_campaign_or_404

    campaign = get_campaign_or_404(request.user, campaign_pk)
    units = {u.pk: u for u in policy.proposing_units(request.user, campaign)}
    unit = units.get(int(request.POST.get("unit") or 0))
    if unit is None:
        raise PermissionDenied("Bạn không được lập hồ sơ cho đơn vị này trong đợt thi đua.")
    try:
        dossier = services.create_dossier(actor=request.user, campaign=campaign, unit=unit)
    except services.DossierError as error:
        flash_errors(request, error)
        return redirect("campaigns:detail", pk=campaign.pk)
    return redirect("nominations:detail", pk=dossier.pk)


@login_required
def dossier_detail(request, pk: int):
    dossier = policy.get_dossier_or_404(request.user, pk)
    checks = evaluate_candidates(dossier.campaign, dossier.candidates.all())
    candidates = [c.candidate for c in checks]
    docs = list(
        dossier.documents.select_related("required", "candidate__person", "candidate__unit")
    )
    deadline, extension = services.submission_deadline(dossier.campaign, dossier.unit)
    can_edit = policy.can_edit(request.user, dossier)
    required = services.applicable_documents(dossier, candidates)
    return render(
        request,
        "nominations/detail.html",
        {
            "dossier": dossier,
            "campaign": dossier.campaign,
            "checks": checks,
            "status_counts": sorted(Counter(c.status_label for c in checks).items()),
            "documents": docs,
            "required": [
                (r, applies, [d for d in docs if d.required_id == r.pk]) for r, applies in required
            ],
            "other_documents": [d for d in docs if d.required_id is None],
            "missing": services.missing_documents(dossier, candidates, docs),
            "deadline": deadline,
            "extension": extension,
            "is_open": timezone.localdate() <= deadline,
            "can_edit": can_edit,
            "can_appraise": policy.can_appraise(request.user, dossier)
            and dossier.status == DossierStatus.SUBMITTED,
            "actions": policy.available_actions(request.user, dossier),
            "upload_form": UploadForm(dossier=dossier, initial={"version": dossier.version})
            if can_edit
            else None,
            "rounds": dossier.rounds.select_related("submitted_by", "returned_by"),
            "history": dossier_history(dossier)[:50],
        },
    )


def _candidate(user, pk: int, cid: int, perm: str = Perm.VIEW_DOSSIERS) -> Candidate:
    dossier = policy.get_dossier_or_404(user, pk, perm)
    candidate = (
        Candidate.objects.select_related("person__unit", "unit", "award_form")
        .filter(pk=cid, dossier=dossier)
        .first()
    )
    if candidate is None:
        raise Http404("Không tìm thấy người, tập thể trong hồ sơ.")
    candidate.dossier = dossier
    return candidate


@login_required
def candidate_add(request, pk: int):
    dossier = policy.get_dossier_or_404(request.user, pk, Perm.EDIT_DOSSIERS)
    if not policy.can_edit(request.user, dossier):
        messages.error(request, "Hồ sơ đã nộp: đơn vị không sửa được.")
        return _back(dossier)
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
def candidate_detail(request, pk: int, cid: int):
    candidate = _candidate(request.user, pk, cid)
    dossier = candidate.dossier
    can_edit = policy.can_edit(request.user, dossier)
    edit_form = CandidateEditForm(request.POST or None, candidate=candidate)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Hồ sơ không sửa được.")
        if edit_form.is_valid():
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
            "can_edit": can_edit,
            "edit_form": edit_form,
            "can_appraise": policy.can_appraise(request.user, dossier)
            and dossier.status == DossierStatus.SUBMITTED,
            "appraisal_form": AppraisalForm(
                initial={"decision": candidate.appraisal, "reason": candidate.appraisal_reason}
            ),
        },
    )


@login_required
@require_POST
def candidate_attest(request, pk: int, cid: int):
    candidate = _candidate(request.user, pk, cid, Perm.EDIT_DOSSIERS)
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
def candidate_remove(request, pk: int, cid: int):
    candidate = _candidate(request.user, pk, cid, Perm.EDIT_DOSSIERS)
    try:
        services.remove_candidate(
            actor=request.user, candidate=candidate, version=request.POST.get("version")
        )
    except services.DossierError as error:
        flash_errors(request, error)
        return redirect("nominations:candidate", pk=pk, cid=cid)
    messages.success(request, f"Đã xóa {candidate.name} khỏi hồ sơ.")
    return _back(candidate.dossier, "danh-sach")


@login_required
@require_POST
def candidate_appraise(request, pk: int, cid: int):
    candidate = _candidate(request.user, pk, cid, Perm.APPRAISE_DOSSIERS)
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
    return _back(candidate.dossier, "danh-sach")


@login_required
def candidate_import(request, pk: int):
    dossier = policy.get_dossier_or_404(request.user, pk, Perm.EDIT_DOSSIERS)
    if not policy.can_edit(request.user, dossier):
        messages.error(request, "Hồ sơ đã nộp: đơn vị không sửa được.")
        return _back(dossier)
    form = ImportForm(
        request.POST or None, request.FILES or None, initial={"version": dossier.version}
    )
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.import_candidates(
                actor=request.user,
                dossier=dossier,
                version=data["version"],
                uploaded=data["file"],
                only_clean=data["only_clean"],
            )
        except services.DossierError as error:
            form.add_error(None, error)
        else:
            if report.imported:
                messages.success(request, f"Đã nhập {report.imported} người, tập thể vào hồ sơ.")
                if not report.errors:
                    return _back(dossier, "danh-sach")
            dossier.refresh_from_db()
            form = ImportForm(initial={"version": dossier.version})
    return render(
        request,
        "nominations/import.html",
        {"dossier": dossier, "form": form, "report": report},
    )


@login_required
def import_template(request, pk: int):
    dossier = policy.get_dossier_or_404(request.user, pk, Perm.EDIT_DOSSIERS)
    content = importing.build_template(dossier.campaign, dossier.unit)
    return download(content, "mau-danh-sach-de-nghi.xlsx", XLSX)


@login_required
@require_POST
def document_upload(request, pk: int):
    dossier = policy.get_dossier_or_404(request.user, pk, Perm.EDIT_DOSSIERS)
    form = UploadForm(request.POST, request.FILES, dossier=dossier)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return _back(dossier, "tai-lieu")
    data = form.cleaned_data
    try:
        document = services.upload_document(
            actor=request.user,
            dossier=dossier,
            version=data["version"],
            uploaded=data["file"],
            required=data["required"],
            candidate=data["candidate"],
        )
    except services.DossierError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã tải lên “{document.original_name}”.")
    return _back(dossier, "tai-lieu")


def _document(user, pk: int, doc_pk: int, perm: str = Perm.VIEW_DOSSIERS) -> DossierDocument:
    dossier = policy.get_dossier_or_404(user, pk, perm)
    document = DossierDocument.objects.filter(pk=doc_pk, dossier=dossier).first()
    if document is None:
        raise Http404("Không tìm thấy tài liệu.")
    document.dossier = dossier
    return document


@login_required
def document_download(request, pk: int, doc_pk: int):
    document = _document(request.user, pk, doc_pk)
    kind = KINDS[document.kind]
    name = document.original_name
    if not name.lower().endswith(kind.extension):
        name += kind.extension
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=name, content_type=kind.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def document_delete(request, pk: int, doc_pk: int):
    document = _document(request.user, pk, doc_pk, Perm.EDIT_DOSSIERS)
    try:
        services.delete_document(
            actor=request.user, document=document, version=request.POST.get("version")
        )
    except services.DossierError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã xóa “{document.original_name}”.")
    return _back(document.dossier, "tai-lieu")


def _docx(dossier: Dossier, content: bytes, name: str):
    return download(content, f"{name}-ho-so-{dossier.pk}.docx", DOCX)


@login_required
def nomination_list_docx(request, pk: int):
    dossier = policy.get_dossier_or_404(request.user, pk)
    return _docx(dossier, documents.nomination_list(dossier), "danh-sach-trich-ngang")


@login_required
def submission_letter_docx(request, pk: int):
    dossier = policy.get_dossier_or_404(request.user, pk)
    return _docx(dossier, documents.submission_letter(dossier), "to-trinh")


ACTION_SERVICES = {
    "submit": lambda user, dossier, reason: services.submit(actor=user, dossier=dossier),
    "return": lambda user, dossier, reason: services.return_for_supplement(
        actor=user, dossier=dossier, reason=reason
    ),
    "appraise": lambda user, dossier, reason: services.mark_appraised(actor=user, dossier=dossier),
}


@login_required
@require_POST
def dossier_action(request, pk: int, action: str):
    dossier = policy.get_dossier_or_404(request.user, pk)
    transition = policy.TRANSITIONS.get(action)
    if transition is None:
        raise Http404("Thao tác không tồn tại.")
    if not policy.can(request.user, dossier, transition.perm):
        raise PermissionDenied("Vai trò của bạn không được thực hiện thao tác này.")
    if dossier.status not in transition.source:
        messages.error(
            request,
            f"Hồ sơ đang “{dossier.get_status_display()}”: không thể {transition.label.lower()}.",
        )
        return _back(dossier)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        ACTION_SERVICES[action](request.user, dossier, reason)
    except services.DossierError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã thực hiện: {transition.label}.")
    return _back(dossier)


# --- Phòng Nội vụ: the campaign's dossiers at a glance ---------------------------------------


@login_required
def dashboard(request, campaign_pk: int):
    campaign = policy.get_overseen_campaign_or_404(request.user, campaign_pk)
    today = timezone.localdate()
    units = list(expected_units(campaign))
    dossiers = {d.unit_id: d for d in campaign.dossiers.all()}
    extensions = {e.unit_id: e for e in campaign.extensions.all()}
    award_forms = list(campaign.award_forms.all())
    counts = defaultdict(Counter)
    for row in (
        campaign.dossiers.values("unit_id", "candidates__award_form_id")
        .annotate(n=Count("candidates"))
        .filter(n__gt=0)
    ):
        counts[row["unit_id"]][row["candidates__award_form_id"]] = row["n"]
    reminded = {}
    for entry in AuditEntry.objects.filter(
        object_type="campaigns.campaign",
        object_id=str(campaign.pk),
        action="nominations.reminder.sent",
    ).order_by("created_at"):
        reminded[entry.data.get("unit_id")] = entry.created_at
    rows, totals = [], Counter()
    for unit in units:
        dossier = dossiers.get(unit.pk)
        extension = extensions.get(unit.pk)
        deadline = max(campaign.dossier_deadline, extension.until if extension else today.min)
        submitted = dossier is not None and dossier.status not in policy.EDITABLE
        if submitted:
            state = "submitted"
        elif today > deadline:
            state = "late"
        elif dossier is not None:
            state = "drafting"
        else:
            state = "not_started"
        totals[state] += 1
        rows.append(
            {
                "unit": unit,
                "dossier": dossier,
                "extension": extension,
                "state": state,
                "late_submission": submitted
                and dossier.submitted_at
                and timezone.localdate(dossier.submitted_at) > campaign.dossier_deadline,
                "counts": [counts[unit.pk].get(f.pk, 0) for f in award_forms],
                "reminded": reminded.get(unit.pk),
            }
        )
    form_totals = [sum(r["counts"][i] for r in rows) for i in range(len(award_forms))]
    return render(
        request,
        "nominations/dashboard.html",
        {
            "campaign": campaign,
            "rows": rows,
            "award_forms": award_forms,
            "form_totals": form_totals,
            "totals": totals,
            "today": today,
            "extension_form": ExtensionForm(units=expected_units(campaign)),
        },
    )


@login_required
@require_POST
def send_reminders(request, campaign_pk: int):
    campaign = policy.get_overseen_campaign_or_404(request.user, campaign_pk)
    ids = [int(i) for i in request.POST.getlist("unit") if i.isdigit()]
    units = list(expected_units(campaign).filter(pk__in=ids))
    if not units:
        messages.error(request, "Chọn ít nhất một đơn vị để nhắc.")
    else:
        count = services.send_reminders(actor=request.user, campaign=campaign, units=units)
        messages.success(request, f"Đã gửi nhắc nhở tới {count} đơn vị chưa nộp hồ sơ.")
    return redirect("nominations:dashboard", campaign_pk=campaign.pk)


@login_required
@require_POST
def grant_extension(request, campaign_pk: int):
    campaign = policy.get_overseen_campaign_or_404(request.user, campaign_pk)
    form = ExtensionForm(request.POST, units=expected_units(campaign))
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        data = form.cleaned_data
        try:
            services.grant_extension(
                actor=request.user,
                campaign=campaign,
                unit=data["unit"],
                until=data["until"],
                reason=data["reason"],
            )
        except services.DossierError as error:
            flash_errors(request, error)
        else:
            messages.success(
                request, f"Đã gia hạn cho {data['unit']} đến ngày {data['until']:%d/%m/%Y}."
            )
    return redirect("nominations:dashboard", campaign_pk=campaign.pk)
