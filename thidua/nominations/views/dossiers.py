"""A dossier's pages: the list, starting one, the dossier itself, its workflow buttons and the
documents generated from it."""

from __future__ import annotations

from collections import Counter
from functools import cache, partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.campaigns.policy import get_campaign_or_404
from thidua.core import generated_views
from thidua.core.exports import record_export
from thidua.core.listing import Listing, list_page
from thidua.core.models import AuditEntry
from thidua.core.text import ascii_key, clean_text, text_key
from thidua.core.web import DOCX, download, flash_errors
from thidua.org.models import Unit

from .. import documents, generated_files, policy, services
from ..evaluation import OVERALL_LABELS, evaluate_candidates
from ..forms import ReasonForm, UploadForm
from ..models import Appraisal, Dossier, DossierStatus
from ..warnings import is_warned, submit_confirmation, warned
from .dossier_rows import COLUMNS, Row, candidate_prefix, rows_of, table_rows, warned_links


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
    dossiers = policy.dossiers_visible_to(request.user).annotate(
        candidate_count=Count("candidates")
    )
    q = clean_text(request.GET.get("q"))
    if q:
        dossiers = dossiers.filter(Q(unit__name__icontains=q) | Q(campaign__title__icontains=q))
    status = request.GET.get("trang-thai", "")
    if status in DossierStatus.values:
        dossiers = dossiers.filter(status=status)
    listing = list_page(
        request,
        dossiers,
        sorts=DOSSIER_SORTS,
        default="-dot",
        filters=["trang-thai"],
    )
    return render(
        request,
        "nominations/list.html",
        {
            "dossiers": listing.rows,
            "listing": listing,
            "statuses": DossierStatus.choices,
            "status": status,
            "q": q,
        },
    )


DOSSIER_SORTS = {
    "dot": ["campaign__period_start", "unit__path"],
    "don-vi": ["unit__name"],
    "trang-thai": ["status", "unit__path"],
    "so-nguoi": ["candidate_count"],
    "han": ["campaign__dossier_deadline", "unit__path"],
}


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


def _candidate_listing(request: HttpRequest, checks: list, rows: dict[int, Row]) -> Listing:
    """The dossier's candidates, filtered by name, self-check and appraisal, sorted and paged
    in Python: the checks are already read, in a fixed number of queries."""
    listed = checks
    if q := ascii_key(request.GET.get("q")):
        listed = [c for c in listed if q in ascii_key(rows[c.candidate_id].name)]
    if status := request.GET.get("tu-kiem-tra"):
        listed = [
            c for c in listed if c.status == status or (status == "canh-bao" and is_warned(c))
        ]
    if appraisal := request.GET.get("tham-dinh"):
        listed = [c for c in listed if rows[c.candidate_id].appraisal == appraisal]

    def row(c):
        return rows[c.candidate_id]

    sorts = {
        "thu-tu": lambda c: (row(c).order, c.candidate_id),
        "ten": lambda c: text_key(row(c).name),
        "tu-kiem-tra": lambda c: (c.status_label, row(c).order),
        "tham-dinh": lambda c: (row(c).appraisal, row(c).order),
    }
    return list_page(
        request, listed, sorts=sorts, default="thu-tu", filters=["tu-kiem-tra", "tham-dinh"]
    )


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    # The candidates as plain values and their checks without model rows: bench/portal.py.
    checks = evaluate_candidates(
        dossier.campaign, dossier.candidates.all(), with_objects=False, columns=COLUMNS
    )
    rows = rows_of(checks)
    candidates = list(rows.values())
    docs = list(
        dossier.documents.select_related("required", "candidate__person", "candidate__unit")
    )
    deadline, extension = services.submission_deadline(dossier.campaign, dossier.unit)
    is_open = timezone.localdate() <= deadline
    can_edit = policy.allows(request.user, dossier, "edit")
    required = services.applicable_documents(dossier, candidates)
    actions = policy.available_actions(request.user, dossier)
    # A step no longer allowed is not offered: after the deadline without an extension the
    # page says why and whom to ask instead of showing a button that would be refused.
    late_for_submit = not is_open and any(name == "submit" for name, _t in actions)
    actions = [(n, t) for n, t in actions if not (n == "submit" and not is_open)]
    flagged = warned(checks)
    warned_ids = {c.candidate_id for c in flagged}
    listing = _candidate_listing(request, checks, rows)
    prefix = candidate_prefix(dossier)
    names = {pk: row.name for pk, row in rows.items()}
    # Read only where the page names it (returned, waiting, the submit question), and once.
    office = cache(partial(services.appraising_office, dossier.campaign))
    return render(
        request,
        "nominations/detail.html",
        {
            "dossier": dossier,
            "campaign": dossier.campaign,
            "checks": checks,
            "listing": listing,
            "rows_html": table_rows(prefix, listing.rows, rows, warned_ids),
            "warned": flagged,
            "warned_links": warned_links(prefix, flagged, rows),
            "self_check_choices": sorted(OVERALL_LABELS.items(), key=lambda kv: kv[1]),
            "appraisal_choices": Appraisal.choices,
            "status_counts": sorted(Counter(c.status_label for c in checks).items()),
            "documents": docs,
            "required": [
                (r, applies, [d for d in docs if d.required_id == r.pk]) for r, applies in required
            ],
            "other_documents": [d for d in docs if d.required_id is None],
            "missing": services.missing_documents(dossier, candidates, docs, required),
            "deadline": deadline,
            "extension": extension,
            "is_open": is_open,
            "late_for_submit": late_for_submit,
            "can_edit": can_edit,
            "appraising_office": office,
            "can_appraise": policy.allows(request.user, dossier, "appraise_candidate"),
            "actions": [
                (
                    name,
                    t,
                    submit_confirmation(t.confirm.format(office=office()), checks, names)
                    if name == "submit"
                    else t.confirm,
                )
                for name, t in actions
            ],
            "upload_form": UploadForm(
                dossier=dossier,
                initial={"version": dossier.version},
                candidates=names.items(),
                required=[r for r, _applies in required],
            )
            if can_edit
            else None,
            # Rounds are written on submission only (dossier.round counts them): a dossier never
            # submitted has none to read.
            "rounds": list(dossier.rounds.select_related("submitted_by", "returned_by"))
            if dossier.round
            else [],
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


def _docx(
    request: HttpRequest, dossier: Dossier, content: bytes, name: str, kind: str
) -> HttpResponse:
    filename = f"{name}-ho-so-{dossier.pk}.docx"
    record_export(request, kind, dossier, filename, unit=dossier.unit)
    return download(content, filename, DOCX)


@login_required
def nomination_list_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    if generated_files.heavy(dossier.candidates.count()):  # built by the worker
        return generated_views.offer(request, generated_files.KIND, dossier.pk)
    return _docx(
        request, dossier, documents.nomination_list(dossier), "danh-sach-trich-ngang", "trich_ngang"
    )


@login_required
def submission_letter_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    return _docx(request, dossier, documents.submission_letter(dossier), "to-trinh", "to_trinh")
