"""A dossier's pages: the list, starting one, the dossier itself, its workflow buttons and the
documents generated from it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape as e  # Django's escape is this, plus a lazy-string check per value

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from thidua.campaigns.policy import get_campaign_or_404
from thidua.core.exports import record_export
from thidua.core.models import AuditEntry
from thidua.core.web import DOCX, download, flash_errors
from thidua.org.models import Unit

from .. import documents, policy, services
from ..evaluation import OVERALL_LABELS, evaluate_candidates
from ..forms import ReasonForm, UploadForm
from ..models import Appraisal, Dossier


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
    checks = evaluate_candidates(dossier.campaign, dossier.candidates.all(), with_objects=False)
    found = _rows(dossier)
    candidates = [found[c.candidate_id] for c in checks]
    rows, labels = _candidate_rows(dossier, checks, found)
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
            "rows": rows,
            "status_counts": sorted(Counter(labels).items()),
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


@dataclass(slots=True)
class Row:
    """What the page reads of a candidate (the model rows with their person, unit and form
    cost as much as the evaluation, bench/portal.py); also what the dossier's document list
    needs of a candidate (pk, person_id, unit_id, award_form_id, name)."""

    pk: int
    person_id: int | None
    unit_id: int | None
    award_form_id: int
    name: str
    role: str
    form: str
    summary: str
    appraisal: str
    appraisal_reason: str


def _rows(dossier: Dossier) -> dict[int, Row]:
    found = {}
    for values in dossier.candidates.values_list(
        "pk", "person_id", "unit_id", "award_form_id", "person__full_name", "unit__name",
        "person__position", "award_form__name", "summary", "appraisal", "appraisal_reason",
    ):  # fmt: skip
        pk, person_id, unit_id, form_id, full_name, unit_name, position, *rest = values
        role = (position or "Cá nhân") if person_id else "Tập thể"
        name = full_name if person_id else unit_name
        found[pk] = Row(pk, person_id, unit_id, form_id, name, role, *rest)
    return found


APPRAISALS = dict(Appraisal.choices)


def _candidate_rows(dossier: Dossier, checks, rows: dict[int, Row]) -> tuple[SafeString, list]:
    """The rows of the list of candidates, written here: through the template engine (a {% url %},
    three filters and a dozen escaped lookups per row) they took most of a 300-candidate page's
    time (bench/portal.py). Every value is escaped as the template would. Also each check's
    label, for the counts."""
    prefix = reverse("nominations:candidate", args=[dossier.pk, 0]).removesuffix("0/")
    out, labels = [], []
    for n, check in enumerate(checks, start=1):
        k = rows[check.candidate_id]
        status = check.status
        label = OVERALL_LABELS[status]
        labels.append(label)
        summary = k.summary if len(k.summary) <= 120 else Truncator(k.summary).chars(120)
        flags = "".join(
            f'<div class="flag flag-{e(f.level)} small">{e(f.text)}</div>' for f in check.flags
        )
        reason = k.appraisal_reason
        reason = f'<div class="small muted">{e(reason)}</div>' if reason else ""
        out.append(
            f"<tr>\n      <td>{n}</td>\n"
            f'      <td><a href="{prefix}{k.pk}/">{e(k.name)}</a><div class="small muted">{e(k.role)}</div></td>\n'
            f"      <td>{e(k.form)}</td>\n"
            f'      <td class="small">{e(summary)}</td>\n'
            f'      <td><span class="badge badge-{e(status)}">{e(label)}</span>{flags}</td>\n'
            f'      <td><span class="badge badge-appraisal-{e(k.appraisal)}">'
            f"{e(APPRAISALS.get(k.appraisal, k.appraisal))}</span>"
            f"{reason}</td>\n    </tr>"
        )  # fmt: skip
    return mark_safe("".join(out)), labels  # noqa: S308 - every value above is escaped


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


def _docx(
    request: HttpRequest, dossier: Dossier, content: bytes, name: str, kind: str
) -> HttpResponse:
    filename = f"{name}-ho-so-{dossier.pk}.docx"
    record_export(request, kind, dossier, filename, unit=dossier.unit)
    return download(content, filename, DOCX)


@login_required
def nomination_list_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    return _docx(
        request, dossier, documents.nomination_list(dossier), "danh-sach-trich-ngang", "trich_ngang"
    )


@login_required
def submission_letter_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    return _docx(request, dossier, documents.submission_letter(dossier), "to-trinh", "to_trinh")
