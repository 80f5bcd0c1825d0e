"""A dossier's pages: the list, starting one, the dossier itself, its workflow buttons and the
documents generated from it."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.campaigns.policy import get_campaign_or_404
from thidua.core import generated_views
from thidua.core.models import AuditEntry
from thidua.core.web import DOCX, download, flash_errors
from thidua.org.models import Unit

from .. import documents, generated_files, policy, services
from ..evaluation import evaluate_candidates
from ..forms import ReasonForm, UploadForm
from ..models import Dossier


def back_to(dossier: Dossier, anchor: str = "") -> HttpResponseRedirect:
    response = redirect("nominations:detail", pk=dossier.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def dossier_history(dossier: Dossier) -> QuerySet[AuditEntry]:
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
def dossier_list(request: HttpRequest) -> HttpResponse:
    dossiers = (
        policy.dossiers_visible_to(request.user)
        .annotate(candidate_count=Count("candidates"))
        .order_by("-campaign__period_start", "unit__path")
    )
    return render(request, "nominations/list.html", {"dossiers": dossiers})


@login_required
@require_POST
def dossier_start(request: HttpRequest, campaign_pk: int) -> HttpResponse:
    campaign = get_campaign_or_404(request.user, campaign_pk)
    unit = Unit.objects.filter(pk=int(request.POST.get("unit") or 0)).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    try:
        dossier = services.create_dossier(actor=request.user, campaign=campaign, unit=unit)
    except services.DossierError as error:
        flash_errors(request, error)
        return redirect("campaigns:detail", pk=campaign.pk)
    return redirect("nominations:detail", pk=dossier.pk)


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    checks = evaluate_candidates(dossier.campaign, dossier.candidates.all())
    candidates = [c.candidate for c in checks]
    docs = list(
        dossier.documents.select_related("required", "candidate__person", "candidate__unit")
    )
    deadline, extension = services.submission_deadline(dossier.campaign, dossier.unit)
    can_edit = policy.allows(request.user, dossier, "edit")
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
            "can_appraise": policy.allows(request.user, dossier, "appraise_candidate"),
            "actions": policy.available_actions(request.user, dossier),
            "upload_form": UploadForm(dossier=dossier, initial={"version": dossier.version})
            if can_edit
            else None,
            "rounds": dossier.rounds.select_related("submitted_by", "returned_by"),
            "history": dossier_history(dossier)[:50],
        },
    )


@login_required
@require_POST
def dossier_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    transition = policy.TRANSITIONS.get(action)
    if transition is None:
        raise Http404("Thao tác không tồn tại.")
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.perform(actor=request.user, dossier=dossier, action=action, reason=reason)
    except services.DossierError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã thực hiện: {transition.label}.")
    return back_to(dossier)


def _docx(dossier: Dossier, content: bytes, name: str) -> HttpResponse:
    return download(content, f"{name}-ho-so-{dossier.pk}.docx", DOCX)


@login_required
def nomination_list_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    if generated_files.heavy(dossier.candidates.count()):  # built by the worker
        return generated_views.offer(request, generated_files.KIND, dossier.pk)
    return _docx(dossier, documents.nomination_list(dossier), "danh-sach-trich-ngang")


@login_required
def submission_letter_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    return _docx(dossier, documents.submission_letter(dossier), "to-trinh")
