"""Keeping the law as dated data: the legal instruments decisions cite, the base salaries and
the decrees' reward coefficients. Who may: an administrator of the province (a root unit) or
the province's emulation officers (MANAGE_CAMPAIGNS at a root unit). Each save is audited;
pages and API use the same forms and the one ``save_row``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404

from thidua.core import audit
from thidua.core.web import date_field
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit

from .models import BaseSalary, KindCoefficient, LegalInstrument
from .policy import DecisionError

REFUSED = (
    "Chỉ quản trị hệ thống cấp tỉnh hoặc chuyên viên thi đua, khen thưởng cấp tỉnh được sửa căn "
    "cứ pháp lý, mức lương cơ sở và hệ số tiền thưởng."
)


def can_manage_law(actor: Actor) -> bool:
    if access.administers_root(actor):
        return True
    return any(u.parent_id is None for u in access.assigned_units(actor, Perm.MANAGE_CAMPAIGNS))


def require_manage_law(actor: Actor) -> None:
    if not can_manage_law(actor):
        raise PermissionDenied(REFUSED)


class DatedForm(forms.ModelForm):
    valid_from = date_field("Hiệu lực từ", required=False)
    valid_to = date_field("Hiệu lực đến", required=False, help_text="Để trống: còn hiệu lực.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        return data


class InstrumentForm(DatedForm):
    class Meta:
        model = LegalInstrument
        fields = [
            "kind",
            "text",
            "issuer_levels",
            "unit",
            "valid_from",
            "valid_to",
            "order",
            "note",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A regulation binds a province (or a unit right under it), not a village.
        self.fields["unit"].queryset = Unit.objects.filter(depth__lte=1)  # type: ignore[attr-defined]

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text.startswith("Căn cứ"):
            raise forms.ValidationError("Dòng căn cứ bắt đầu bằng “Căn cứ …”.")
        return text


class SalaryForm(DatedForm):
    class Meta:
        model = BaseSalary
        fields = ["amount", "valid_from", "valid_to", "legal_basis"]


class CoefficientForm(DatedForm):
    class Meta:
        model = KindCoefficient
        fields = [
            "reward_kind",
            "individual",
            "collective",
            "valid_from",
            "valid_to",
            "legal_basis",
            "note",
        ]


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    model: type[models.Model]
    form: type[forms.ModelForm]
    action: str


TABLES = {
    t.slug: t
    for t in (
        Table(
            "van-ban",
            "Căn cứ pháp lý của quyết định",
            LegalInstrument,
            InstrumentForm,
            "decisions.law.instrument_saved",
        ),
        Table(
            "luong-co-so", "Mức lương cơ sở", BaseSalary, SalaryForm, "decisions.law.salary_saved"
        ),
        Table(
            "he-so",
            "Hệ số tiền thưởng theo nghị định",
            KindCoefficient,
            CoefficientForm,
            "decisions.law.coefficient_saved",
        ),
    )
}


def table_or_404(slug: str) -> Table:
    table = TABLES.get(slug)
    if table is None:
        raise Http404("Không tìm thấy bảng dữ liệu.")
    return table


def row_or_404(actor: Actor, table: Table, pk: int) -> models.Model:
    """Scope first (404), then the right (403)."""
    row = table.model._default_manager.filter(pk=pk).first()
    unit = getattr(row, "unit", None)
    if row is None or (unit is not None and not access.in_scope(actor, unit)):
        raise Http404("Không tìm thấy.")
    require_manage_law(actor)
    return row


def save_row(
    *, actor: Actor, table: Table, data: dict[str, Any], row: models.Model | None = None
) -> models.Model:
    """Create (``row`` None) or change one row of ``table`` from ``data``; audited."""
    require_manage_law(actor)
    form = table.form(data, instance=row)
    if not form.is_valid():
        raise DecisionError({k: list(v) for k, v in form.errors.items()})
    with transaction.atomic():
        saved = form.save()
        audit.record(
            actor=actor,
            action=table.action,
            obj=saved,
            message=f"{'Sửa' if row is not None else 'Thêm'}: {saved}"[:500],
            data={"changed": sorted(form.changed_data)},
        )
    return saved
