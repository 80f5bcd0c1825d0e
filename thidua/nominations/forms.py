from __future__ import annotations

from collections.abc import Iterable

from django import forms

from thidua.campaigns.models import AwardForm, RequiredDocument
from thidua.core.web import date_field
from thidua.core.widgets import ManySelect
from thidua.org.models import Person, Unit

from .importing import number_facts
from .models import Appraisal, Candidate, Dossier

FILE_ERRORS = {"empty": "Tệp rỗng (0 byte): hãy chọn lại tệp.", "required": "Chọn tệp để tải lên."}


class VersionedForm(forms.Form):
    """Carries the dossier version the user saw (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput)


def _fact_fields(form: forms.Form, campaign, values: dict) -> list[str]:
    names = []
    for code, label in number_facts(campaign):
        name = f"fact_{code}"
        form.fields[name] = forms.DecimalField(
            label=label,
            required=False,
            min_value=0,
            decimal_places=2,
            initial=values.get(code),
            help_text="Số liệu để xét tiêu chuẩn; bỏ trống nếu không áp dụng.",
        )
        names.append(name)
    return names


def _facts_from(form: forms.Form) -> dict:
    facts = {}
    for name, value in form.cleaned_data.items():
        if name.startswith("fact_") and value is not None:
            facts[name[5:]] = int(value) if value == value.to_integral_value() else float(value)
    return facts


class CandidateForm(VersionedForm):
    person = forms.ModelChoiceField(
        label="Cá nhân",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— Chọn cá nhân —",
    )
    unit = forms.ModelChoiceField(
        label="hoặc tập thể",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="— Chọn tập thể —",
    )
    award_form = forms.ModelChoiceField(
        label="Hình thức đề nghị",
        queryset=AwardForm.objects.none(),
        empty_label="— Chọn hình thức khen thưởng —",
    )
    summary = forms.CharField(
        label="Tóm tắt thành tích",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Một, hai câu như sẽ in ở Danh sách trích ngang.",
    )

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        path = dossier.unit.path
        self.fields["person"].queryset = (
            Person.objects.filter(unit__path__startswith=path)
            .select_related("unit")
            .order_by("unit__path", "full_name")
        )
        self.fields["person"].label_from_instance = (
            lambda p: f"{p.full_name} – {p.position or p.get_category_display()}, {p.unit.name}"
        )
        self.fields["unit"].queryset = Unit.objects.filter(path__startswith=path).order_by("path")
        self.fields["award_form"].queryset = dossier.campaign.award_forms.all()
        self.fact_names = _fact_fields(self, dossier.campaign, {})

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError("Chọn một cá nhân hoặc một tập thể (không chọn cả hai).")
        data["facts"] = _facts_from(self)
        return data


class CandidateEditForm(VersionedForm):
    award_form = forms.ModelChoiceField(
        label="Hình thức đề nghị", queryset=AwardForm.objects.none(), empty_label=None
    )
    summary = forms.CharField(
        label="Tóm tắt thành tích", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args, candidate: Candidate, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "award_form": candidate.award_form_id,
                "summary": candidate.summary,
                "version": candidate.dossier.version,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["award_form"].queryset = candidate.dossier.campaign.award_forms.all()
        self.fact_names = _fact_fields(self, candidate.dossier.campaign, candidate.facts)

    def clean(self):
        data = super().clean()
        data["facts"] = _facts_from(self)
        return data


class AttestForm(VersionedForm):
    criterion = forms.IntegerField(widget=forms.HiddenInput)
    confirmed = forms.TypedChoiceField(
        label="Kết quả",
        choices=[("1", "Đạt"), ("0", "Không đạt")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label="Ghi chú, căn cứ", required=False, max_length=500)


class AppraisalForm(forms.Form):
    decision = forms.ChoiceField(
        label="Kết quả thẩm định",
        choices=[c for c in Appraisal.choices if c[0] != Appraisal.PENDING],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Lý do, ý kiến thẩm định",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class UploadForm(VersionedForm):
    required = forms.ModelChoiceField(
        label="Thành phần hồ sơ",
        queryset=RequiredDocument.objects.none(),
        required=False,
        empty_label="Tài liệu khác",
    )
    candidate = forms.ModelChoiceField(
        label="Của người, tập thể (nếu tài liệu riêng)",
        queryset=Candidate.objects.none(),
        required=False,
        empty_label="— Chung cho cả hồ sơ —",
        widget=ManySelect,  # every candidate of the dossier: hundreds
    )
    file = forms.FileField(
        label="Tệp", help_text="PDF, DOCX, XLSX hoặc ảnh PNG/JPEG.", error_messages=FILE_ERRORS
    )

    def __init__(
        self,
        *args,
        dossier: Dossier,
        candidates: Iterable[tuple[int, str]] | None = None,
        required: Iterable[RequiredDocument] | None = None,
        **kwargs,
    ):
        """``candidates`` ((id, name) of the dossier's candidates) and ``required`` (the
        campaign's required documents), when the page has read them already: the drop-downs
        then offer them without reading them again (the choices are still checked against the
        database when the form is posted)."""
        super().__init__(*args, **kwargs)
        self.fields["required"].queryset = dossier.campaign.required_documents.all()
        self.fields["required"].label_from_instance = lambda r: r.name[:90]
        self.fields["candidate"].queryset = dossier.candidates.select_related("person", "unit")
        if candidates is not None:
            widget = self.fields["candidate"].widget
            widget.choices = [("", self.fields["candidate"].empty_label), *candidates]
        if required is not None:
            self.fields["required"].widget.choices = [
                ("", self.fields["required"].empty_label),
                *((r.pk, r.name[:90]) for r in required),
            ]


class ImportForm(VersionedForm):
    file = forms.FileField(label="Tệp Excel (.xlsx)", error_messages=FILE_ERRORS)
    only_clean = forms.BooleanField(
        label="Chỉ nhập các dòng hợp lệ, bỏ qua các dòng lỗi", required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Lý do", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExtensionForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none())
    until = date_field("Gia hạn đến ngày")
    reason = forms.CharField(label="Lý do", max_length=500)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
