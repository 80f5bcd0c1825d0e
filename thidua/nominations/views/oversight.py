"""Phòng Nội vụ over a campaign's dossiers: who submitted, who is late, reminders and
extensions."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.core.listing import list_page
from thidua.core.models import AuditEntry
from thidua.core.text import ascii_key, text_key
from thidua.core.web import flash_errors
from thidua.participation.policy import expected_units

from .. import policy, services
from ..forms import ExtensionForm

STATES = {
    "submitted": "Đã nộp",
    "drafting": "Đang lập",
    "not_started": "Chưa lập hồ sơ",
    "late": "Quá hạn, chưa nộp",
}
UNIT_SORTS = {
    "don-vi": lambda r: r["unit"].path,
    "ten": lambda r: text_key(r["unit"].name),
    "tinh-trang": lambda r: (list(STATES).index(r["state"]), r["unit"].path),
    "so-nguoi": lambda r: (sum(r["counts"]), r["unit"].path),
}


@login_required
def dashboard(request: HttpRequest, campaign_pk: int) -> HttpResponse:
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
    shown = rows
    if q := ascii_key(request.GET.get("q")):
        shown = [r for r in shown if q in ascii_key(r["unit"].name)]
    if (state := request.GET.get("tinh-trang")) in STATES:
        shown = [r for r in shown if r["state"] == state]
    listing = list_page(
        request, shown, sorts=UNIT_SORTS, default="don-vi", filters=["tinh-trang"], size=100
    )
    return render(
        request,
        "nominations/dashboard.html",
        {
            "campaign": campaign,
            "rows": listing.rows,
            "all_rows": len(rows),
            "listing": listing,
            "states": STATES.items(),
            "award_forms": award_forms,
            "form_totals": form_totals,
            "totals": totals,
            "today": today,
            "extension_form": ExtensionForm(units=expected_units(campaign)),
        },
    )


@login_required
@require_POST
def send_reminders(request: HttpRequest, campaign_pk: int) -> HttpResponse:
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
def grant_extension(request: HttpRequest, campaign_pk: int) -> HttpResponse:
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
