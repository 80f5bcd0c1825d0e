"""How each unit took part in a campaign: its own implementation plan and launch (which the
collective criterion "có kế hoạch và tổ chức phát động đầy đủ các đợt thi đua" reads), and its
result report at the end."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from thidua.campaigns.models import Campaign
from thidua.org.models import Unit


def plan_path(instance: UnitPlan | ResultReport, filename: str) -> str:
    return f"participation/{instance.campaign_id}/{instance.unit_id}/{instance.token}"


class UnitPlan(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="unit_plans")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="campaign_plans")
    number = models.CharField("số, ký hiệu kế hoạch", max_length=50)
    signed_on = models.DateField("ngày ban hành")
    launched_on = models.DateField("ngày tổ chức phát động", null=True, blank=True)
    file = models.FileField(upload_to=plan_path, blank=True)
    file_kind = models.CharField(max_length=5, blank=True)
    token = models.CharField(max_length=32, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="one_plan_per_unit")
        ]

    def __str__(self) -> str:
        return f"Kế hoạch số {self.number}"


class ResultReport(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="result_reports")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="result_reports")
    collectives_rewarded = models.PositiveIntegerField(
        "số tập thể được đơn vị khen thưởng", default=0
    )
    individuals_rewarded = models.PositiveIntegerField(
        "số cá nhân được đơn vị khen thưởng", default=0
    )
    models_built = models.PositiveIntegerField("số mô hình, điển hình được xây dựng", default=0)
    summary = models.TextField("tóm tắt kết quả")
    file = models.FileField(upload_to=plan_path, blank=True)
    file_kind = models.CharField(max_length=5, blank=True)
    token = models.CharField(max_length=32, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="one_report_per_unit")
        ]

    def __str__(self) -> str:
        return f"Báo cáo kết quả: {self.summary[:80]}"
