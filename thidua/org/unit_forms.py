"""Forms of the administrator's unit pages and API: one place for each rule's message."""

from __future__ import annotations

from django import forms

from .models import OfficeDuty, Unit, UnitType
from .office_services import OfficeData
from .unit_services import UnitData

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _date(label: str, required: bool = False, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DATE_INPUT,
        input_formats=DATE_FORMATS,
        help_text=help_text,
    )


FILTER = {"data-filter": "Gõ để tìm đơn vị (không cần dấu)…"}


class UnitChoiceField(forms.ModelChoiceField):
    """A unit shown with its depth, so a plain select reads like the tree; a search box
    (static/js/select-filter.js) filters its options."""

    widget = forms.Select(attrs=FILTER)

    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        closed = f" (đến {obj.valid_to:%d/%m/%Y})" if obj.valid_to else ""
        return f"{'— ' * obj.depth}{obj.name}{closed}"


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.SelectMultiple(attrs=FILTER)

    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        return UnitChoiceField.label_from_instance(self, obj)  # type: ignore[arg-type]


class UnitForm(forms.Form):
    name = forms.CharField(label="Tên đơn vị", max_length=255)
    kind = forms.ChoiceField(label="Loại đơn vị")
    code = forms.CharField(
        label="Ký hiệu văn bản",
        max_length=32,
        required=False,
        help_text="Dùng trong số, ký hiệu văn bản, ví dụ UBND.",
    )
    place_name = forms.CharField(
        label="Địa danh",
        max_length=100,
        required=False,
        help_text="Ghi ở dòng địa danh, ngày tháng của văn bản.",
    )
    valid_from = _date("Hiệu lực từ ngày")
    valid_to = _date("Hiệu lực đến ngày")
    sort_order = forms.IntegerField(label="Thứ tự", min_value=0, required=False, initial=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(UnitType.objects.values_list("code", "name"))

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")
        return data

    def unit_data(self) -> UnitData:
        d = self.cleaned_data
        return UnitData(
            name=d["name"],
            kind=d["kind"],
            code=d.get("code") or "",
            place_name=d.get("place_name") or "",
            valid_from=d.get("valid_from"),
            valid_to=d.get("valid_to"),
            sort_order=d.get("sort_order") or 0,
        )

    @staticmethod
    def initial_of(unit: Unit) -> dict:
        return {f: getattr(unit, f) for f in UnitData.__dataclass_fields__}


class NewUnitForm(UnitForm):
    parent = UnitChoiceField(label="Đơn vị cấp trên", queryset=Unit.objects.none())
    field_order = ["parent"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units if units is not None else Unit.objects.none()


class MoveForm(forms.Form):
    new_parent = UnitChoiceField(label="Đơn vị cấp trên mới", queryset=Unit.objects.none())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = units if units is not None else Unit.objects.none()


class CloseForm(forms.Form):
    closed_on = _date("Hiệu lực đến ngày (ngày cuối cùng hoạt động)", required=True)
    successor = UnitChoiceField(
        label="Đơn vị kế thừa", queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = units if units is not None else Unit.objects.none()


class MergeForm(forms.Form):
    units = UnitMultipleChoiceField(
        label="Các đơn vị được sáp nhập",
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={**FILTER, "size": 12}),
        help_text="Giữ Ctrl (hoặc ⌘) để chọn nhiều đơn vị.",
    )
    closed_on = _date(
        "Ngày cuối cùng hoạt động của các đơn vị cũ",
        required=True,
        help_text="Ví dụ 30/06/2025; đơn vị mới có hiệu lực từ ngày hôm sau.",
    )
    successor = UnitChoiceField(
        label="Đơn vị kế thừa đã có", queryset=Unit.objects.none(), required=False
    )
    new_name = forms.CharField(label="Hoặc tên đơn vị mới", max_length=255, required=False)
    new_kind = forms.ChoiceField(label="Loại đơn vị mới", required=False)
    new_parent = UnitChoiceField(
        label="Đơn vị cấp trên của đơn vị mới", queryset=Unit.objects.none(), required=False
    )
    new_code = forms.CharField(label="Ký hiệu văn bản", max_length=32, required=False)
    new_place_name = forms.CharField(label="Địa danh", max_length=100, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = units if units is not None else Unit.objects.none()
        for name in ("units", "successor", "new_parent"):
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        self.fields["new_kind"].choices = [("", "—"), *UnitType.objects.values_list("code", "name")]

    def clean(self):
        data = super().clean()
        successor, name = data.get("successor"), (data.get("new_name") or "").strip()
        if bool(successor) == bool(name):
            raise forms.ValidationError(
                "Chọn một đơn vị kế thừa đã có hoặc nhập tên đơn vị mới (không chọn cả hai)."
            )
        if name and not data.get("new_parent"):
            self.add_error("new_parent", "Chọn đơn vị cấp trên của đơn vị mới.")
        if name and not data.get("new_kind"):
            self.add_error("new_kind", "Chọn loại đơn vị mới.")
        return data

    def new_unit(self) -> UnitData | None:
        d = self.cleaned_data
        if not (d.get("new_name") or "").strip():
            return None
        return UnitData(
            name=d["new_name"],
            kind=d["new_kind"],
            code=d.get("new_code") or "",
            place_name=d.get("new_place_name") or "",
        )


class UnitTypeForm(forms.Form):
    code = forms.SlugField(label="Mã", max_length=32, help_text="Chữ thường không dấu, ví dụ thon.")
    name = forms.CharField(label="Tên loại đơn vị", max_length=150)
    is_people_committee = forms.BooleanField(label="Là Ủy ban nhân dân", required=False)
    order = forms.IntegerField(label="Thứ tự", min_value=0, required=False, initial=0)


class OfficeForm(forms.Form):
    name = forms.CharField(
        label="Tên cơ quan, chức danh",
        max_length=255,
        help_text="Ví dụ: Phòng Văn hóa – Xã hội. Điều thi hành ghi chức danh người đứng đầu "
        "(Trưởng phòng Văn hóa – Xã hội).",
    )
    abbreviation = forms.CharField(
        label="Ký hiệu viết tắt",
        max_length=20,
        required=False,
        help_text="Dùng ở dòng Lưu: VT, NV.",
    )
    duties = forms.MultipleChoiceField(
        label="Vai trò trong văn bản",
        choices=OfficeDuty.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    valid_from = _date("Hiệu lực từ ngày")
    valid_to = _date("Hiệu lực đến ngày")
    order = forms.IntegerField(label="Thứ tự", min_value=0, required=False, initial=0)

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")
        return data

    def office_data(self) -> OfficeData:
        d = self.cleaned_data
        return OfficeData(
            name=d["name"],
            abbreviation=d.get("abbreviation") or "",
            duties=list(d.get("duties") or []),
            valid_from=d.get("valid_from"),
            valid_to=d.get("valid_to"),
            order=d.get("order") or 0,
        )


class EndOfficeForm(forms.Form):
    valid_to = _date("Hiệu lực đến ngày", required=True)
