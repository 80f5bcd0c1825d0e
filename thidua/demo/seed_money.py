"""Base salaries (mức lương cơ sở) by date and the reward coefficients of the demo's forms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from thidua.campaigns.models import Campaign
from thidua.decisions.models import BaseSalary, RewardCoefficient

from .plan_sapa_2020 import SAPA_TITLE
from .plan_two_tier_2026 import TWO_TIER_TITLE
from .seed_law import seed_law

SALARIES = [
    (1_490_000, date(2019, 7, 1), date(2023, 6, 30), "Nghị định 38/2019/NĐ-CP"),
    (1_800_000, date(2023, 7, 1), date(2024, 6, 30), "Nghị định 24/2023/NĐ-CP"),
    (2_340_000, date(2024, 7, 1), date(2026, 6, 30), "Nghị định 73/2024/NĐ-CP"),
    (2_530_000, date(2026, 7, 1), None, "Nghị định 161/2026/NĐ-CP"),
]
# (words in the form's name, individual, collective, basis)
COEFFICIENTS_2020 = [
    ("Bằng khen", "1.0", "2.0", "Nghị định 91/2017/NĐ-CP, Điều 72"),
    ("Giấy khen", "0.3", "0.6", "Nghị định 91/2017/NĐ-CP, Điều 75"),
]
COEFFICIENTS_2026 = [
    ("Bằng khen", "1.5", "3.0", "Nghị định 152/2025/NĐ-CP, Điều 54"),
    ("Giấy khen", "0.3", "0.6", "Nghị định 152/2025/NĐ-CP, Điều 54"),
]


def seed_money() -> None:
    seed_law()  # the decrees' coefficients and the decisions' legal bases, by date
    if BaseSalary.objects.exists():
        return
    for amount, start, end, basis in SALARIES:
        BaseSalary.objects.create(amount=amount, valid_from=start, valid_to=end, legal_basis=basis)
    for title, table in (
        (SAPA_TITLE, COEFFICIENTS_2020),
        (TWO_TIER_TITLE, COEFFICIENTS_2026),
    ):
        campaign = Campaign.objects.filter(title=title, parent__isnull=True).first()
        if campaign is None:
            continue
        for form in campaign.award_forms.all():
            for words, individual, collective, basis in table:
                if form.name.startswith(words):
                    RewardCoefficient.objects.create(
                        award_form=form,
                        individual=Decimal(individual),
                        collective=Decimal(collective),
                        legal_basis=basis,
                    )
