"""For Phòng Nội vụ: units of a running campaign that have not sent their plan or report."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.worklist import WorkItem
from thidua.org import access
from thidua.org.access import Perm

from .policy import expected_units

MISSING = "Đơn vị chưa gửi kế hoạch, báo cáo"


def work_for(user, today: date) -> list[WorkItem]:
    paths = access.scope_paths(user, Perm.APPRAISE_DOSSIERS)
    if not paths:
        return []
    campaigns = Campaign.objects.filter(access.path_q(paths, "issuer__path")).filter(
        status=CampaignStatus.LAUNCHED
    )
    items = []
    for campaign in campaigns.select_related("issuer")[:20]:
        expected = expected_units(campaign)
        no_plan = expected.exclude(campaign_plans__campaign=campaign).count()
        no_report = expected.exclude(result_reports__campaign=campaign).count()
        parts = []
        if no_plan:
            parts.append(f"{no_plan} đơn vị chưa gửi kế hoạch")
        if no_report and campaign.dossier_deadline <= today:
            parts.append(f"{no_report} đơn vị chưa gửi báo cáo kết quả")
        if parts:
            items.append(
                WorkItem(
                    MISSING,
                    campaign.title,
                    reverse("participation:overview", args=[campaign.pk]),
                    campaign.launched_at,
                    detail=", ".join(parts),
                )
            )
    return items
