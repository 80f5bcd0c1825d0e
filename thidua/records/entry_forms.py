"""Forms of the history entry pages and API: one per kind of record, each with its evidence."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from .levels import RATING_LEVELS
from .models import AnnualRating, AwardRecord, Discipline, Initiative

EVIDENCE_FIELDS = ["evidence_number", "evidence_date"]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EvidenceForm(forms.ModelForm):
    evidence_upload = forms.FileField(
        label="Tệp văn bản làm căn cứ",
        required=False,
        help_text="Không bắt buộc. PDF, DOCX, PNG hoặc JPEG.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DATE_INPUT
                field.input_formats = ["%Y-%m-%d", "%d/%m/%Y"]


class RatingForm(EvidenceForm):
    class Meta:
        model = AnnualRating
        fields = ["year", "level", *EVIDENCE_FIELDS]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 1975 <= year <= timezone.localdate().year:
            raise forms.ValidationError("Năm không hợp lệ.")
        return year


class InitiativeForm(EvidenceForm):
    class Meta:
        model = Initiative
        fields = [
            "title",
            "recognized_on",
            "authority_level",
            "recognized_by",
            "decision_number",
            "used_for",
            *EVIDENCE_FIELDS,
        ]


class DisciplineForm(EvidenceForm):
    class Meta:
        model = Discipline
        fields = ["form", "decided_on", "ends_on", "decision_number", "reason", *EVIDENCE_FIELDS]

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("decided_on") and data["ends_on"] < data["decided_on"]:
            self.add_error("ends_on", "Ngày hết thời hạn không được trước ngày quyết định.")
        return data


class AwardForm(EvidenceForm):
    class Meta:
        model = AwardRecord
        fields = [
            "award_name",
            "award_kind",
            "award_type",
            "authority_level",
            "decision_number",
            "decided_on",
            "issuer_name",
            "campaign_title",
            "achievement",
            *EVIDENCE_FIELDS,
        ]


class GridEvidenceForm(forms.Form):
    evidence_number = forms.CharField(label="Số văn bản làm căn cứ", max_length=50, required=False)
    evidence_date = forms.DateField(
        label="Ngày văn bản",
        required=False,
        widget=DATE_INPUT,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )


class ImportForm(GridEvidenceForm):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
    only_clean = forms.BooleanField(
        label="Chỉ nhập các dòng hợp lệ (bỏ qua các dòng có lỗi)", required=False
    )


RATING_CHOICES = [("", "— Chưa đánh giá —"), *RATING_LEVELS]

# The kinds of records, by the slug of their URLs: model, form, Vietnamese name, who may own one.
KINDS: dict[str, tuple[type, type[EvidenceForm], str, bool]] = {
    "xep-loai": (AnnualRating, RatingForm, "Kết quả đánh giá, xếp loại", True),
    "sang-kien": (Initiative, InitiativeForm, "Sáng kiến", False),
    "ky-luat": (Discipline, DisciplineForm, "Kỷ luật", False),
    "khen-thuong": (AwardRecord, AwardForm, "Khen thưởng đã nhận (hồ sơ cũ)", True),
}
