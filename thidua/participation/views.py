from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from thidua.campaigns.policy import get_campaign_or_404
from thidua.core.uploads import KINDS
from thidua.core.web import date_field
from thidua.nominations import policy as dossier_policy
from thidua.nominations.views import expected_units
from thidua.org import access
from thidua.org.access import Perm
from thidua.org.models import Unit

from . import services
from .models import ResultReport, UnitPlan


class PlanForm(forms.Form):
    number = forms.CharField(label="Số, ký hiệu kế hoạch của đơn vị", max_length=50)
    signed_on = date_field("Ngày ban hành")
    launched_on = date_field("Ngày tổ chức phát động", required=False)
    file = forms.FileField(label="Tệp kế hoạch (PDF, DOCX)", required=False)


class ReportForm(forms.Form):
    collectives_rewarded = forms.IntegerField(
        label="Số tập thể đơn vị đã khen thưởng", min_value=0, initial=0
    )
    individuals_rewarded = forms.IntegerField(
        label="Số cá nhân đơn vị đã khen thưởng", min_value=0, initial=0
    )
    models_built = forms.IntegerField(
        label="Số mô hình, điển hình được xây dựng", min_value=0, initial=0
    )
    summary = forms.CharField(label="Tóm tắt kết quả", widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label="Báo cáo (PDF, DOCX)", required=False)


def _unit_of(user, campaign, unit_pk: int) -> Unit:
    units = {u.pk: u for u in dossier_policy.proposing_units(user, campaign)}
    if unit_pk not in units:
        raise PermissionDenied("Bạn chỉ ghi được kế hoạch, báo cáo của đơn vị mình.")
    return units[unit_pk]


@login_required
def unit_participation(request, pk: int, unit_pk: int):
    campaign = get_campaign_or_404(request.user, pk)
    unit = _unit_of(request.user, campaign, unit_pk)
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
    campaign = dossier_policy.get_overseen_campaign_or_404(request.user, pk)
    plans = {p.unit_id: p for p in campaign.unit_plans.all()}
    reports = {r.unit_id: r for r in campaign.result_reports.all()}
    rows = [
        {"unit": u, "plan": plans.get(u.pk), "report": reports.get(u.pk)}
        for u in expected_units(campaign)
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
        or dossier_policy.can_oversee(request.user, campaign)
    ):
        raise Http404("Không tìm thấy tệp.")
    info = KINDS[record.file_kind]
    return FileResponse(
        record.file.open("rb"),
        as_attachment=True,
        content_type=info.content_type,
        filename=f"{kind}-{record.unit.pk}{info.extension}",
    )
