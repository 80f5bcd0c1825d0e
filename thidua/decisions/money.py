"""The reward money: the coefficient of the form's kind in the decree in force on the decision's
signing date × the base salary in force that day, both dated tables (NĐ 152/2025/NĐ-CP Chương
VII Mục 2). A form without a kind falls back on its own dated coefficients."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from thidua.campaigns.models import AwardForm

from .law import coefficient_for
from .models import BaseSalary

Row = TypeVar("Row", bound=Model)


def _valid_on(queryset: QuerySet[Row], day: date) -> Row | None:
    return (
        queryset.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-valid_from")
        .first()
    )


def base_salary(day: date) -> BaseSalary | None:
    return _valid_on(BaseSalary.objects.all(), day)


def rounded(coefficient: Decimal, salary: int) -> int:
    """Coefficient × salary rounded UP to the next 10.000 đ (NĐ 152/2025/NĐ-CP Điều 49)."""
    return math.ceil(coefficient * Decimal(salary) / 10_000) * 10_000  # Decimal: exact


def reward_amount(award_form: AwardForm, *, collective: bool, day: date) -> int:
    """Coefficient × the base salary in force on ``day``, rounded UP to the next 10.000 đ.
    0 when the form has no coefficient or no salary is known on that day."""
    coefficient = coefficient_for(award_form, day)
    salary = base_salary(day)
    if coefficient is None or salary is None:
        return 0
    return rounded(coefficient.collective if collective else coefficient.individual, salary.amount)
