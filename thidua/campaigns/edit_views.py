"""Pages that change a campaign's plan: its general information, ordered lists, award forms,
criteria, the state buttons and the derived campaign of a commune.

Each view finds the campaign in the user's scope and calls a service, which checks permission
and state; a refusal comes back as a message on the campaign's page. A form is shown only while
the plan can still take it (``policy.is_editable``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from thidua.core.errors import ServiceError
from thidua.core.web import flash_errors
from thidua.eligibility import engine
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit

from . import policy, services
from .forms import (
    AwardFormForm,
    CampaignForm,
    ClauseForm,
    CriteriaSetForm,
    CriterionForm,
    LegalBasisForm,
    QuotaForm,
    RequiredDocumentForm,
    SubjectCategoryForm,
    criterion_initial,
    item_formset,
)
from .models import AwardForm, Campaign, ClauseSection, CriteriaSet, Criterion


@dataclass(frozen=True)
class ItemSection:
    """An editable ordered list of a plan: its rows are the campaign's ``related`` rows (of
    one ``clause_section`` for the clauses)."""

    title: str
    form: type[forms.ModelForm]
    related: str
    clause_section: str = ""

    def rows(self, campaign: Campaign) -> QuerySet:
        rows = getattr(campaign, self.related).all()
        return rows.filter(section=self.clause_section) if self.clause_section else rows

    def defaults(self) -> dict[str, str]:
        """Values every new row of the list gets."""
        return {"section": self.clause_section} if self.clause_section else {}


# The lists, by url slug.
ITEM_SECTIONS: dict[str, ItemSection] = {
    "can-cu": ItemSection("Căn cứ ban hành kế hoạch", LegalBasisForm, "legal_bases"),
    "nhom-doi-tuong": ItemSection(
        "Nhóm đối tượng xét khen thưởng", SubjectCategoryForm, "subject_categories"
    ),
    "ho-so": ItemSection(
        "Thành phần hồ sơ đề nghị khen thưởng", RequiredDocumentForm, "required_documents"
    ),
    **{
        section.value.replace("_", "-"): ItemSection(
            section.label, ClauseForm, "clauses", section.value
        )
        for section in ClauseSection
    },
}


def back_to_campaign(campaign: Campaign) -> HttpResponse:
    return redirect("campaigns:detail", pk=campaign.pk)


def frozen(request: HttpRequest, campaign: Campaign) -> HttpResponse:
    """Editing pages of a launched campaign send the user back with the reason."""
    messages.error(request, policy.WRONG_STATE["edit"])
    return back_to_campaign(campaign)


def issuer_units(user: Actor) -> QuerySet[Unit]:
    return access.units_with(user, Perm.MANAGE_CAMPAIGNS).order_by("path")


def form_page(
    request: HttpRequest, form: forms.BaseForm, title: str, **context: Any
) -> HttpResponse:
    return render(request, "campaigns/form.html", {"form": form, "title": title, **context})


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    if not access.has_perm_anywhere(request.user, Perm.MANAGE_CAMPAIGNS):
        raise PermissionDenied("Chỉ chuyên viên TĐKT được tạo đợt thi đua.")
    form = CampaignForm(request.POST or None, issuer_units=issuer_units(request.user))
    if request.method == "POST" and form.is_valid():
        campaign = services.create_campaign(actor=request.user, form=form)
        messages.success(
            request, "Đã tạo dự thảo đợt thi đua. Tiếp tục nhập các nội dung của kế hoạch."
        )
        return back_to_campaign(campaign)
    return form_page(request, form, "Tạo đợt thi đua")


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    form = CampaignForm(
        request.POST or None, instance=campaign, issuer_units=issuer_units(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_campaign(actor=request.user, campaign=campaign, form=form)
        except ServiceError as error:
            flash_errors(request, error)
        else:
            messages.success(request, "Đã lưu thông tin chung.")
        return back_to_campaign(campaign)
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    return form_page(request, form, "Sửa thông tin chung", campaign=campaign)


@login_required
def campaign_items(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    items = ITEM_SECTIONS.get(section)
    if items is None:
        raise Http404("Mục không tồn tại.")
    formset = item_formset(items.form)(
        request.POST or None, queryset=items.rows(campaign), campaign=campaign, prefix="items"
    )
    if request.method == "POST" and formset.is_valid():
        try:
            services.save_items(
                actor=request.user,
                campaign=campaign,
                formset=formset,
                section=section,
                defaults=items.defaults(),
            )
        except ServiceError as error:
            flash_errors(request, error)
        else:
            messages.success(request, f"Đã lưu: {items.title}.")
        return back_to_campaign(campaign)
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    return render(
        request,
        "campaigns/items.html",
        {"campaign": campaign, "formset": formset, "title": items.title},
    )


@login_required
def award_form_edit(request: HttpRequest, pk: int, form_pk: int | None = None) -> HttpResponse:
    """The award form while the plan is a draft; only its quotas once launched."""
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    award_form = get_object_or_404(AwardForm, pk=form_pk, campaign=campaign) if form_pk else None
    if not policy.is_editable(campaign):
        if award_form is None:
            raise PermissionDenied("Đợt thi đua đã phát động.")
        return quota_edit(request, campaign, award_form)
    form = AwardFormForm(request.POST or None, instance=award_form, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_award_form(actor=request.user, campaign=campaign, form=form)
        except ServiceError as error:
            flash_errors(request, error)
        else:
            messages.success(request, "Đã lưu hình thức khen thưởng.")
        return back_to_campaign(campaign)
    title = f"Sửa: {award_form.name}" if award_form else "Thêm hình thức khen thưởng"
    return form_page(request, form, title, campaign=campaign)


def quota_edit(request: HttpRequest, campaign: Campaign, award_form: AwardForm) -> HttpResponse:
    form = QuotaForm(request.POST or None, instance=award_form)
    if request.method == "POST" and form.is_valid():
        services.set_quota(actor=request.user, award_form=award_form, form=form)
        messages.success(request, "Đã cập nhật số lượng khen thưởng.")
        return back_to_campaign(campaign)
    title = f"Số lượng khen thưởng: {award_form.name}"
    return form_page(request, form, title, campaign=campaign)


@login_required
@require_POST
def award_form_delete(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    campaign = policy.get_campaign_or_404(request.user, pk)
    award_form = get_object_or_404(AwardForm, pk=form_pk, campaign=campaign)
    try:
        services.delete_award_form(actor=request.user, award_form=award_form)
    except ServiceError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã xóa “{award_form.name}”.")
    return back_to_campaign(campaign)


@login_required
def criteria_set_create(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    award_form = get_object_or_404(AwardForm, pk=form_pk, campaign=campaign)
    form = CriteriaSetForm(request.POST or None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            criteria_set = services.save_criteria_set(
                actor=request.user, award_form=award_form, form=form
            )
        except ServiceError as error:
            flash_errors(request, error)
            return back_to_campaign(campaign)
        messages.success(request, "Đã thêm bộ tiêu chuẩn. Thêm các tiêu chuẩn cụ thể.")
        return redirect("campaigns:criterion_create", pk=campaign.pk, set_pk=criteria_set.pk)
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    title = f"Bộ tiêu chuẩn mới cho “{award_form.name}”"
    return form_page(request, form, title, campaign=campaign)


def _criteria_set(user: Actor, pk: int, set_pk: int) -> tuple[Campaign, CriteriaSet]:
    campaign = policy.get_managed_campaign_or_404(user, pk)
    criteria_set = get_object_or_404(
        CriteriaSet.objects.select_related("award_form", "subject_category"),
        pk=set_pk,
        award_form__campaign=campaign,
    )
    return campaign, criteria_set


@login_required
def criterion_create(
    request: HttpRequest, pk: int, set_pk: int, criterion_pk: int | None = None
) -> HttpResponse:
    """Add or change a criterion; on a change of kind, HTMX asks for the kind's parameters."""
    campaign, criteria_set = _criteria_set(request.user, pk, set_pk)
    criterion = (
        get_object_or_404(Criterion, pk=criterion_pk, criteria_set=criteria_set)
        if criterion_pk
        else None
    )
    initial = criterion_initial(criterion) if criterion else {"parent": request.GET.get("nhom")}
    form = CriterionForm(
        request.POST or None,
        initial=initial,
        criteria_set=criteria_set,
        kind=request.GET.get("kind"),
        exclude_pk=criterion_pk,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_criterion(
                actor=request.user,
                criteria_set=criteria_set,
                data=form.cleaned_data,
                criterion=criterion,
            )
        except ServiceError as error:
            flash_errors(request, error)
            return back_to_campaign(campaign)
        except ValidationError as error:  # a parameter or the group, by field
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Đã lưu tiêu chuẩn.")
            if "save_add" in request.POST:
                return redirect(
                    "campaigns:criterion_create", pk=campaign.pk, set_pk=criteria_set.pk
                )
            return back_to_campaign(campaign)
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    if request.headers.get("HX-Request") and request.method == "GET":
        return render(request, "campaigns/criterion_params.html", {"form": form})
    return render(
        request,
        "campaigns/criterion_form.html",
        {
            "form": form,
            "campaign": campaign,
            "criteria_set": criteria_set,
            "criterion": criterion,
            "kinds": engine.KINDS.values(),
        },
    )


@login_required
@require_POST
def criterion_delete(request: HttpRequest, pk: int, set_pk: int, criterion_pk: int) -> HttpResponse:
    campaign = policy.get_campaign_or_404(request.user, pk)
    criterion = get_object_or_404(
        Criterion,
        pk=criterion_pk,
        criteria_set_id=set_pk,
        criteria_set__award_form__campaign=campaign,
    )
    try:
        services.delete_criterion(actor=request.user, criterion=criterion)
    except ServiceError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Đã xóa tiêu chuẩn.")
    return back_to_campaign(campaign)


@login_required
@require_POST
def campaign_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """A button of the campaign's state table (``policy.TRANSITIONS``)."""
    campaign = policy.get_campaign_or_404(request.user, pk)
    if action not in policy.TRANSITIONS:
        raise Http404("Thao tác không tồn tại.")
    try:
        services.change_status(actor=request.user, campaign=campaign, action=action)
    except ServiceError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã thực hiện: {policy.TRANSITIONS[action].label}.")
    return back_to_campaign(campaign)


@login_required
@require_POST
def campaign_derive(request: HttpRequest, pk: int) -> HttpResponse:
    """A commune's own campaign from this one (its Giấy khen, its criteria)."""
    parent = policy.get_campaign_or_404(request.user, pk)
    unit = get_object_or_404(Unit, pk=int(request.POST.get("unit") or 0))
    try:
        child = services.derive_campaign(actor=request.user, parent=parent, unit=unit)
    except ServiceError as error:
        flash_errors(request, error)
        return back_to_campaign(parent)
    messages.success(
        request, "Đã tạo dự thảo kế hoạch của đơn vị: bổ sung tiêu chuẩn, số lượng rồi phát động."
    )
    return back_to_campaign(child)
