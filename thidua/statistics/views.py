from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from thidua.core.exports import record_export
from thidua.core.web import XLSX, download
from thidua.org.models import Unit

from . import queries


def _filters(request):
    """(the units at the top of the user's scope, year, campaign), refused without a scope."""
    roots = queries.scope_roots(request.user)
    if not roots:
        raise PermissionDenied("Thống kê dành cho chuyên viên thi đua, khen thưởng.")
    year = request.GET.get("nam", "")
    campaign = request.GET.get("dot", "")
    return (
        roots,
        (int(year) if year.isdigit() else None),
        (int(campaign) if campaign.isdigit() else None),
    )


def _data(roots, year, campaign_id):
    return (queries.dossier_table(roots, campaign_id), *queries.awards(roots, year, campaign_id))


@login_required
def dashboard(request):
    roots, year, campaign_id = _filters(request)
    dossiers, awards, shares = _data(roots, year, campaign_id)
    most = max([a["individuals"] + a["collectives"] for a in awards] or [1])
    return render(
        request,
        "statistics/dashboard.html",
        {
            "dossiers": dossiers,
            "awards": awards,
            "shares": shares,
            "most": most,
            "campaigns": queries.campaigns(roots),
            "year": year or "",
            "campaign_id": campaign_id or "",
        },
    )


@login_required
def export(request):
    from . import excel  # openpyxl: imported when a workbook is asked for, not at start-up

    roots, year, campaign_id = _filters(request)
    caption = " · ".join(
        x for x in [f"năm {year}" if year else "", f"đợt {campaign_id}" if campaign_id else ""] if x
    )
    content = excel.workbook(*_data(roots, year, campaign_id), caption=caption or "tất cả")
    filename = "thong-ke-thi-dua-khen-thuong.xlsx"
    for root in Unit.objects.filter(pk__in=roots):  # one entry per unit whose figures it holds
        record_export(request, "thong_ke", None, filename, unit=root, label=caption or "tất cả")
    return download(content, filename, XLSX)
