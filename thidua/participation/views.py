from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from thidua.campaigns.policy import get_campaign_or_404
from thidua.core.uploads import KINDS
from thidua.org import access
from thidua.org.access import Perm

from . import policy, services
from .forms import PlanForm, ReportForm
from .models import ResultReport, UnitPlan


@login_required
def unit_participation(request, pk: int, unit_pk: int):
    campaign = get_campaign_or_404(request.user, pk)
    unit = policy.proposing_unit_or_403(request.user, campaign, unit_pk)
    plan = UnitPlan.objects.filter(campaign=campaign, unit=unit).first()
    report = ResultReport.objects.filter(campaign=campaign, unit=unit).first()
    plan_form = PlanForm(
        prefix="kh",
        initial={
            "number": plan.number,
            "signed_on": plan.signed_on,
            "launched_on": plan.launched_on,
        }
        if plan
        else None,
    )
    report_form = ReportForm(
        prefix="bc",
        initial={
            "collectives_rewarded": report.collectives_rewarded,
            "individuals_rewarded": report.individuals_rewarded,
            "models_built": report.models_built,
            "summary": report.summary,
        }
        if report
        else None,
    )
    if request.method == "POST":
        which = request.POST.get("which")
        bound = (PlanForm if which == "plan" else ReportForm)(
            request.POST, request.FILES, prefix="kh" if which == "plan" else "bc"
        )
        if bound.is_valid():
            data = dict(bound.cleaned_data)
            uploaded = data.pop("file")
            try:
                if which == "plan":
                    services.record_plan(
                        actor=request.user, campaign=campaign, unit=unit, uploaded=uploaded, **data
                    )
                else:
                    services.submit_report(
                        actor=request.user, campaign=campaign, unit=unit, uploaded=uploaded, **data
                    )
            except services.ParticipationError as error:
                bound.add_error(None, error)
            else:
                messages.success(
                    request, "Đã lưu kế hoạch." if which == "plan" else "Đã nộp báo cáo kết quả."
                )
                return redirect("participation:unit", pk=pk, unit_pk=unit_pk)
        if which == "plan":
            plan_form = bound
        else:
            report_form = bound
    return render(
        request,
        "participation/unit.html",
        {
            "campaign": campaign,
            "unit": unit,
            "plan": plan,
            "report": report,
            "plan_form": plan_form,
            "report_form": report_form,
        },
    )


@login_required
def overview(request, pk: int):
    campaign = policy.get_overseen_campaign_or_404(request.user, pk)
    plans = {p.unit_id: p for p in campaign.unit_plans.all()}
    reports = {r.unit_id: r for r in campaign.result_reports.all()}
    rows = [
        {"unit": u, "plan": plans.get(u.pk), "report": reports.get(u.pk)}
        for u in policy.expected_units(campaign)
    ]
    return render(
        request,
        "participation/overview.html",
        {
            "campaign": campaign,
            "rows": rows,
            "no_plan": sum(1 for r in rows if not r["plan"] or not r["plan"].launched_on),
            "no_report": sum(1 for r in rows if not r["report"]),
        },
    )


@login_required
def download(request, pk: int, kind: str, record_pk: int):
    campaign = get_campaign_or_404(request.user, pk)
    model = {"ke-hoach": UnitPlan, "bao-cao": ResultReport}.get(kind)
    record = (
        model.objects.filter(pk=record_pk, campaign=campaign).select_related("unit").first()
        if model
        else None
    )
    if record is None or not record.file:
        raise Http404("Không tìm thấy tệp.")
    if not (
        access.in_scope(request.user, record.unit, Perm.EDIT_DOSSIERS)
        or policy.can_oversee(request.user, campaign)
    ):
        raise Http404("Không tìm thấy tệp.")
    info = KINDS[record.file_kind]
    return FileResponse(
        record.file.open("rb"),
        as_attachment=True,
        content_type=info.content_type,
        filename=f"{kind}-{record.unit.pk}{info.extension}",
    )
