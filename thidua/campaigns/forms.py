"""Forms of the campaign editor. The API validates its input with these same forms, so a
message is the same wherever the bad value came from."""

from __future__ import annotations

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory

from thidua.core.web import DATE_INPUT
from thidua.eligibility import engine
from thidua.org.models import PersonCategory, Unit, UnitKind

from .models import (
    AwardAuthority,
    AwardForm,
    Campaign,
    CampaignClause,
    CriteriaSet,
    Criterion,
    LegalBasis,
    RequiredDocument,
    SubjectCategory,
)

DATE = DATE_INPUT


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "issuer",
            "number",
            "symbol",
            "signed_on",
            "title",
            "preamble",
            "slogan",
            "period_start",
            "period_end",
            "reward_mode",
            "reward_mode_note",
            "dossier_deadline",
            "receiving_unit",
            "receiving_note",
            "signer_authority",
            "signer_title",
            "signer_name",
        ]
        widgets = {
            "signed_on": DATE,
            "period_start": DATE,
            "period_end": DATE,
            "dossier_deadline": DATE,
            "title": forms.Textarea(attrs={"rows": 2}),
            "preamble": forms.Textarea(attrs={"rows": 4}),
            "slogan": forms.Textarea(attrs={"rows": 3}),
            "reward_mode_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, issuer_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = issuer_units if issuer_units is not None else Unit.objects.all()
        self.fields["issuer"].queryset = units.filter(
            kind__in=[UnitKind.UBND_TINH, UnitKind.UBND_HUYEN, UnitKind.UBND_XA]
        )
        self.fields["receiving_unit"].queryset = units

    def clean(self):
        data = super().clean()
        start, end, deadline = (
            data.get("period_start"),
            data.get("period_end"),
            data.get("dossier_deadline"),
        )
        if start and end and end < start:
            self.add_error("period_end", "Thời gian kết thúc phải sau hoặc trùng ngày bắt đầu.")
        if start and deadline and deadline < start:
            self.add_error(
                "dossier_deadline", "Hạn nộp hồ sơ không được trước ngày bắt đầu đợt thi đua."
            )
        return data


class DatedFormMixin:
    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        return data


class ClauseForm(forms.ModelForm):
    class Meta:
        model = CampaignClause
        fields = ["order", "heading", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class LegalBasisForm(DatedFormMixin, forms.ModelForm):
    class Meta:
        model = LegalBasis
        fields = ["order", "text", "valid_from", "valid_to"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "valid_from": DATE, "valid_to": DATE}


class SubjectCategoryForm(forms.ModelForm):
    person_categories = forms.MultipleChoiceField(
        label="Đối tượng cá nhân thuộc nhóm",
        choices=PersonCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    unit_kinds = forms.MultipleChoiceField(
        label="Loại đơn vị thuộc nhóm",
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = SubjectCategory
        fields = ["order", "kind", "name", "person_categories", "unit_kinds", "requirement"]
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "requirement": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == "ca_nhan" and data.get("unit_kinds"):
            self.add_error("unit_kinds", "Nhóm cá nhân không chọn loại đơn vị.")
        if kind == "tap_the" and data.get("person_categories"):
            self.add_error("person_categories", "Nhóm tập thể không chọn đối tượng cá nhân.")
        return data


class RequiredDocumentForm(forms.ModelForm):
    class Meta:
        model = RequiredDocument
        fields = ["order", "name", "scope", "award_form", "per_candidate", "note"]

    def __init__(self, *args, campaign=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_form"].queryset = AwardForm.objects.filter(campaign=campaign)
        self.fields["award_form"].empty_label = "Mọi hình thức"


class BaseItemFormSet(BaseModelFormSet):
    def __init__(self, *args, campaign=None, **kwargs):
        self.campaign = campaign
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.form is RequiredDocumentForm:
            kwargs["campaign"] = self.campaign
        return kwargs


def item_formset(form_class):
    return modelformset_factory(
        form_class._meta.model, form=form_class, formset=BaseItemFormSet, extra=2, can_delete=True
    )


class AwardFormForm(forms.ModelForm):
    class Meta:
        model = AwardForm
        fields = [
            "order",
            "name",
            "authority",
            "granting_unit",
            "selection_rule",
            "is_proposal_upward",
            "delegated_to_units",
            "quota_collective",
            "quota_individual",
            "quota_note",
        ]
        widgets = {"selection_rule": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["authority"].queryset = AwardAuthority.objects.all()
        self.fields["granting_unit"].queryset = Unit.objects.filter(
            kind__in=[UnitKind.UBND_TINH, UnitKind.UBND_HUYEN, UnitKind.UBND_XA]
        )

    def clean(self):
        data = super().clean()
        authority = data.get("authority")
        day = self.campaign.signed_on or self.campaign.period_start
        if authority and day and not authority.is_valid_on(day):
            self.add_error(
                "authority",
                f"Thẩm quyền “{authority.name}” không có hiệu lực vào ngày {day:%d/%m/%Y} của kế hoạch.",
            )
        return data


class QuotaForm(forms.ModelForm):
    class Meta:
        model = AwardForm
        fields = ["quota_collective", "quota_individual", "quota_note"]


class CriteriaSetForm(DatedFormMixin, forms.ModelForm):
    class Meta:
        model = CriteriaSet
        fields = ["subject_category", "valid_from", "valid_to", "legal_basis"]
        widgets = {"valid_from": DATE, "valid_to": DATE}

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_category"].queryset = SubjectCategory.objects.filter(campaign=campaign)


class CriterionForm(forms.Form):
    """Kind, text and placement; the kind's parameters are built from the engine's registry,
    so a new kind needs no form code."""

    kind = forms.ChoiceField(label="Loại tiêu chuẩn", choices=engine.KIND_CHOICES)
    text = forms.CharField(
        label="Nội dung tiêu chuẩn (như trong kế hoạch)", widget=forms.Textarea(attrs={"rows": 3})
    )
    parent = forms.TypedChoiceField(
        label="Thuộc nhóm", coerce=int, required=False, empty_value=None
    )
    order = forms.IntegerField(label="Thứ tự", min_value=0, initial=0)

    def __init__(
        self, *args, criteria_set: CriteriaSet, kind: str | None = None, exclude_pk=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        groups = [
            (c.pk, c.text[:80])
            for c in criteria_set.criteria.all()
            if engine.KINDS.get(c.kind) and engine.KINDS[c.kind].is_group and c.pk != exclude_pk
        ]
        self.fields["parent"].choices = [("", "— Tiêu chuẩn cấp đầu —"), *groups]
        chosen = (
            kind or self.data.get("kind") or self.initial.get("kind") or engine.KIND_CHOICES[0][0]
        )
        self.kind_spec = engine.KINDS.get(chosen)
        for param in self.kind_spec.params if self.kind_spec else ():
            self.fields[f"param_{param.name}"] = param_field(param)

    def param_fields(self):
        return [self[name] for name in self.fields if name.startswith("param_")]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if not kind:
            return data
        raw = {
            name[len("param_") :]: value
            for name, value in data.items()
            if name.startswith("param_")
        }
        raw = {k: v for k, v in raw.items() if v not in (None, "")}
        cleaned, errors = engine.clean_params(kind, raw)
        for name, message in errors.items():
            field = f"param_{name}"
            self.add_error(field if field in self.fields else None, message)
        data["params"] = cleaned
        return data


def param_field(param) -> forms.Field:
    common = {
        "label": param.label,
        "required": param.required,
        "help_text": param.help,
        "initial": param.default,
    }
    if param.generated_from:  # an identifier made from the label: kept, never typed
        return forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    if param.type == "choice":
        return forms.ChoiceField(choices=[("", "—"), *param.choices], **common)
    if param.type == "int":
        # Bounds are checked by the engine so that the API gets the same message.
        return forms.IntegerField(**common)
    return forms.CharField(max_length=200, **common)


def criterion_initial(criterion: Criterion) -> dict:
    initial = {
        "kind": criterion.kind,
        "text": criterion.text,
        "parent": criterion.parent_id,
        "order": criterion.order,
    }
    initial.update({f"param_{k}": v for k, v in criterion.params.items()})
    return initial
