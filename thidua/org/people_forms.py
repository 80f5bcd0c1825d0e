"""Forms of the staff pages and API: the same validation for both."""

from __future__ import annotations

from datetime import date

from django import forms
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from . import access
from .access import Actor, Perm
from .models import Person, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UnitPicker(forms.Select):
    """A search box and a short list instead of a drop-down of thousands of units: typing asks
    the server (HTMX, /can-bo/chon-don-vi/) for the matching units' options. Only the chosen
    unit is written in the page."""

    template_name = "org/widgets/unit_picker.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["picker_url"] = reverse("org_people:pick_unit")
        return context

    def _render(self, template_name, context, renderer=None):
        # A project template (templates/org/widgets/), rendered by the project's engine.
        return mark_safe(loader.render_to_string(template_name, context))  # noqa: S308

    def optgroups(self, name, value, attrs=None):
        chosen = {str(v) for v in value if v not in (None, "")}
        field_choices = self.choices
        if hasattr(field_choices, "queryset"):
            units = field_choices.queryset.filter(pk__in=[v for v in chosen if v.isdigit()])
            self.choices = [("", "— Chọn đơn vị —")] + [(u.pk, u.name) for u in units]
        groups = super().optgroups(name, value, attrs)
        self.choices = field_choices
        return groups


def unit_field(actor: Actor, label: str = "Đơn vị") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=access.units_with(actor, Perm.MANAGE_PEOPLE),
        widget=UnitPicker,
        error_messages={"invalid_choice": "Đơn vị không có trong phạm vi bạn quản lý."},
    )


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "full_name",
            "gender",
            "date_of_birth",
            "ethnicity",
            "unit",
            "position",
            "category",
            "is_leader",
        ]
        widgets = {"date_of_birth": DATE}

    def __init__(self, *args, actor: Actor, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["unit"]
        else:
            self.fields["unit"] = unit_field(actor)

    def clean_date_of_birth(self) -> date | None:
        value = self.cleaned_data.get("date_of_birth")
        if value and value > timezone.localdate():
            raise forms.ValidationError("Ngày sinh không thể sau hôm nay.")
        return value


class MoveForm(forms.Form):
    on = forms.DateField(label="Công tác ở đơn vị mới từ ngày", widget=DATE)

    def __init__(self, *args, actor: Actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(actor, "Đơn vị mới")
        self.order_fields(["unit", "on"])


class EndForm(forms.Form):
    on = forms.DateField(label="Ngày thôi công tác", widget=DATE)


class StaffImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
    only_clean = forms.BooleanField(
        label="Chỉ nhập các dòng hợp lệ (bỏ qua các dòng có lỗi)", required=False
    )
    include_duplicates = forms.BooleanField(
        label="Vẫn thêm các dòng “trùng” (người đã có trên hệ thống)", required=False
    )


class MergeForm(forms.Form):
    kept = forms.IntegerField(widget=forms.HiddenInput)
    other = forms.IntegerField(widget=forms.HiddenInput)


def unit_choices_for(actor: Actor, unit_id: str) -> Unit | None:
    """The unit a filter names, in the actor's scope (404 outside it)."""
    if not unit_id.isdigit():
        return None
    return access.get_unit_or_404(actor, int(unit_id), Perm.VIEW_PEOPLE)
