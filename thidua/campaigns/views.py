from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from thidua.core.audit import history
from thidua.core.web import DOCX, download, flash_errors
from thidua.eligibility import engine
from thidua.org import access
from thidua.org.access import Perm

from . import policy, services
from .criteria import check, describe
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
from .models import AwardForm, Campaign, ClauseSection, CriteriaSet, Criterion, RequiredDocument

# Editable ordered lists of a campaign: url slug → (title, form, rows, fixed values).
ITEM_SECTIONS = {
    "can-cu": ("Căn cứ ban hành kế hoạch", LegalBasisForm, lambda c: c.legal_bases.all(), {}),
    "nhom-doi-tuong": (
        "Nhóm đối tượng xét khen thưởng",
        SubjectCategoryForm,
        lambda c: c.subject_categories.all(),
        {},
    ),
    "ho-so": (
        "Thành phần hồ sơ đề nghị khen thưởng",
        RequiredDocumentForm,
        lambda c: c.required_documents.all(),
        {},
    ),
    **{
        section.value.replace("_", "-"): (
            section.label,
            ClauseForm,
            (lambda s: lambda c: c.clauses.filter(section=s))(section.value),
            {"section": section.value},
        )
        for section in ClauseSection
    },
}


def home(request):
    campaigns = policy.campaigns_visible_to(request.user).order_by("-period_start", "-id")[:10]
    return render(
        request,
        "core/home.html",
        {"campaigns": campaigns, "assignments": access.assignments(request.user)},
    )


def campaign_list(request):
    campaigns = policy.campaigns_visible_to(request.user).order_by("-period_start", "-id")
    return render(
        request,
        "campaigns/list.html",
        {
            "campaigns": campaigns,
            "can_create": access.has_perm_anywhere(request.user, Perm.MANAGE_CAMPAIGNS),
        },
    )


def load_campaign_for_display(pk: int, user) -> Campaign:
    campaign = policy.get_campaign_or_404(user, pk)
    return (
        Campaign.objects.select_related("issuer", "receiving_unit")
        .prefetch_related(
            "legal_bases",
            "clauses",
            "subject_categories",
            Prefetch("required_documents", RequiredDocument.objects.select_related("award_form")),
            Prefetch(
                "award_forms",
                AwardForm.objects.select_related("authority", "granting_unit").prefetch_related(
                    Prefetch(
                        "criteria_sets",
                        CriteriaSet.objects.select_related("subject_category").prefetch_related(
                            "criteria"
                        ),
                    )
                ),
            ),
        )
        .get(pk=campaign.pk)
    )


def criteria_tree(criteria_set: CriteriaSet) -> list[dict]:
    """Nest the set's criteria (already prefetched) for display, with a rule summary."""
    nodes = {
        c.pk: {"criterion": c, "rule": describe(c), "children": []}
        for c in criteria_set.criteria.all()
    }
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["criterion"].parent_id)
        (parent["children"] if parent else roots).append(node)
    return roots


def campaign_detail(request, pk: int):
    campaign = load_campaign_for_display(pk, request.user)
    award_forms = []
    for award_form in campaign.award_forms.all():
        sets = [{"set": s, "tree": criteria_tree(s)} for s in award_form.criteria_sets.all()]
        award_forms.append({"form": award_form, "sets": sets})
    can_manage = policy.can_manage(request.user, campaign)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            **derive_links(request.user, campaign),
            "award_forms": award_forms,
            "sections": {s.value: campaign.clauses_of(s.value) for s in ClauseSection},
            "can_manage": can_manage,
            "can_check": access.has_perm_anywhere(request.user, Perm.VIEW_PEOPLE),
            "editable": can_manage and policy.is_editable(campaign),
            "actions": policy.available_actions(campaign, request.user),
            "launch_problems": services.launch_problems(campaign)
            if can_manage and policy.is_editable(campaign)
            else [],
            "history": history(campaign)[:20] if can_manage else [],
        },
    )


def derive_links(user, campaign: Campaign) -> dict:
    children = {c.issuer_id: c for c in campaign.derived.all()}
    return {
        "derivable": [(u, children.get(u.pk)) for u in services.derivable_units(user, campaign)]
    }


def issuer_units(user):
    return access.units_with(user, Perm.MANAGE_CAMPAIGNS).order_by("path")


@login_required
def campaign_create(request):
    if not access.has_perm_anywhere(request.user, Perm.MANAGE_CAMPAIGNS):
        raise PermissionDenied("Chỉ chuyên viên TĐKT được tạo đợt thi đua.")
    form = CampaignForm(request.POST or None, issuer_units=issuer_units(request.user))
    if request.method == "POST" and form.is_valid():
        campaign = services.create_campaign(actor=request.user, form=form)
        messages.success(
            request, "Đã tạo dự thảo đợt thi đua. Tiếp tục nhập các nội dung của kế hoạch."
        )
        return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/form.html", {"form": form, "title": "Tạo đợt thi đua"})


def frozen(request, campaign: Campaign):
    """Editing pages of a launched campaign send the user back with the reason."""
    messages.error(request, "Đợt thi đua đã phát động: nội dung kế hoạch không sửa được nữa.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
def campaign_edit(request, pk: int):
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    form = CampaignForm(
        request.POST or None, instance=campaign, issuer_units=issuer_units(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_campaign(actor=request.user, campaign=campaign, form=form)
        except services.CampaignError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Đã lưu thông tin chung.")
        return redirect("campaigns:detail", pk=campaign.pk)
    return render(
        request,
        "campaigns/form.html",
        {"form": form, "campaign": campaign, "title": "Sửa thông tin chung"},
    )


@login_required
def campaign_items(request, pk: int, section: str):
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    if section not in ITEM_SECTIONS:
        raise Http404("Mục không tồn tại.")
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    title, form_class, rows, fixed = ITEM_SECTIONS[section]
    FormSet = item_formset(form_class)
    formset = FormSet(
        request.POST or None, queryset=rows(campaign), campaign=campaign, prefix="items"
    )
    if request.method == "POST" and formset.is_valid():
        try:
            services.save_items(
                actor=request.user,
                campaign=campaign,
                formset=formset,
                section=section,
                defaults=fixed,
            )
        except services.CampaignError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã lưu: {title}.")
        return redirect("campaigns:detail", pk=campaign.pk)
    return render(
        request, "campaigns/items.html", {"campaign": campaign, "formset": formset, "title": title}
    )


@login_required
def award_form_edit(request, pk: int, form_pk: int | None = None):
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    award_form = get_object_or_404(AwardForm, pk=form_pk, campaign=campaign) if form_pk else None
    if not policy.is_editable(campaign):
        if award_form is None:
            raise PermissionDenied("Đợt thi đua đã phát động.")
        return quota_edit(request, campaign, award_form)
    form = AwardFormForm(request.POST or None, instance=award_form, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        services.save_award_form(actor=request.user, campaign=campaign, form=form)
        messages.success(request, "Đã lưu hình thức khen thưởng.")
        return redirect("campaigns:detail", pk=campaign.pk)
    title = f"Sửa: {award_form.name}" if award_form else "Thêm hình thức khen thưởng"
    return render(
        request, "campaigns/form.html", {"form": form, "campaign": campaign, "title": title}
    )


def quota_edit(request, campaign: Campaign, award_form: AwardForm):
    form = QuotaForm(request.POST or None, instance=award_form)
    if request.method == "POST" and form.is_valid():
        services.set_quota(actor=request.user, award_form=award_form, form=form)
        messages.success(request, "Đã cập nhật số lượng khen thưởng.")
        return redirect("campaigns:detail", pk=campaign.pk)
    title = f"Số lượng khen thưởng: {award_form.name}"
    return render(
        request, "campaigns/form.html", {"form": form, "campaign": campaign, "title": title}
    )


@login_required
@require_POST
def award_form_delete(request, pk: int, form_pk: int):
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    award_form = get_object_or_404(AwardForm, pk=form_pk, campaign=campaign)
    try:
        services.delete_award_form(actor=request.user, award_form=award_form)
    except services.CampaignError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã xóa “{award_form.name}”.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
def criteria_set_create(request, pk: int, form_pk: int):
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    award_form = get_object_or_404(AwardForm, pk=form_pk, campaign=campaign)
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    form = CriteriaSetForm(request.POST or None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            criteria_set = services.save_criteria_set(
                actor=request.user, award_form=award_form, form=form
            )
        except services.CampaignError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("campaigns:detail", pk=campaign.pk)
        messages.success(request, "Đã thêm bộ tiêu chuẩn. Thêm các tiêu chuẩn cụ thể.")
        return redirect("campaigns:criterion_create", pk=campaign.pk, set_pk=criteria_set.pk)
    title = f"Bộ tiêu chuẩn mới cho “{award_form.name}”"
    return render(
        request, "campaigns/form.html", {"form": form, "campaign": campaign, "title": title}
    )


def _criteria_set(user, pk: int, set_pk: int) -> tuple[Campaign, CriteriaSet]:
    campaign = policy.get_managed_campaign_or_404(user, pk)
    criteria_set = get_object_or_404(
        CriteriaSet.objects.select_related("award_form", "subject_category"),
        pk=set_pk,
        award_form__campaign=campaign,
    )
    return campaign, criteria_set


@login_required
def criterion_create(request, pk: int, set_pk: int, criterion_pk: int | None = None):
    campaign, criteria_set = _criteria_set(request.user, pk, set_pk)
    if not policy.is_editable(campaign):
        return frozen(request, campaign)
    criterion = (
        get_object_or_404(Criterion, pk=criterion_pk, criteria_set=criteria_set)
        if criterion_pk
        else None
    )
    initial = criterion_initial(criterion) if criterion else {"parent": request.GET.get("nhom")}
    kind = request.GET.get("kind")
    form = CriterionForm(request.POST or None, initial=initial, criteria_set=criteria_set, kind=kind,
                         exclude_pk=criterion_pk)  # fmt: skip
    if request.headers.get("HX-Request") and request.method == "GET":
        return render(request, "campaigns/criterion_params.html", {"form": form})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_criterion(
                actor=request.user,
                criteria_set=criteria_set,
                data=form.cleaned_data,
                criterion=criterion,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        except services.CampaignError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("campaigns:detail", pk=campaign.pk)
        else:
            messages.success(request, "Đã lưu tiêu chuẩn.")
            if "save_add" in request.POST:
                return redirect(
                    "campaigns:criterion_create", pk=campaign.pk, set_pk=criteria_set.pk
                )
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(
        request,
        "campaigns/criterion_form.html",
        {"form": form, "campaign": campaign, "criteria_set": criteria_set, "criterion": criterion,
         "kinds": engine.KINDS.values()},
    )  # fmt: skip


@login_required
@require_POST
def criterion_delete(request, pk: int, set_pk: int, criterion_pk: int):
    campaign, criteria_set = _criteria_set(request.user, pk, set_pk)
    criterion = get_object_or_404(Criterion, pk=criterion_pk, criteria_set=criteria_set)
    try:
        services.delete_criterion(actor=request.user, criterion=criterion)
    except services.CampaignError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã xóa tiêu chuẩn.")
    return redirect("campaigns:detail", pk=campaign.pk)


ACTION_SERVICES = {"launch": services.launch_campaign, "close": services.close_campaign}


@login_required
@require_POST
def campaign_action(request, pk: int, action: str):
    campaign = policy.get_managed_campaign_or_404(request.user, pk)
    allowed = dict(policy.available_actions(campaign, request.user))
    if action not in allowed:
        messages.error(request, "Thao tác không hợp lệ ở trạng thái hiện tại của đợt thi đua.")
        return redirect("campaigns:detail", pk=campaign.pk)
    try:
        ACTION_SERVICES[action](actor=request.user, campaign=campaign)
    except services.CampaignError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã thực hiện: {allowed[action].label}.")
    return redirect("campaigns:detail", pk=campaign.pk)


def eligibility_check(request, pk: int):
    """Check one person or collective against the campaign's criteria, from the history."""
    campaign = policy.get_campaign_or_404(request.user, pk)
    if not access.has_perm_anywhere(request.user, Perm.VIEW_PEOPLE):
        raise PermissionDenied("Vai trò của bạn không được xem thông tin cá nhân.")
    subject, results, matches = None, [], []
    q = request.GET.get("q", "").strip()
    if request.GET.get("ca_nhan", "").isdigit():
        subject = access.get_person_or_404(request.user, int(request.GET["ca_nhan"]))
    elif request.GET.get("tap_the", "").isdigit():
        subject = access.get_unit_or_404(
            request.user, int(request.GET["tap_the"]), Perm.VIEW_PEOPLE
        )
    elif q:
        matches = list(
            access.people_with(request.user)
            .filter(full_name__icontains=q)
            .select_related("unit")[:20]
        )
    if subject is not None:
        results = check(subject, campaign)
    return render(
        request,
        "campaigns/eligibility.html",
        {"campaign": campaign, "subject": subject, "results": results, "matches": matches, "q": q,
         "is_person": hasattr(subject, "full_name")},
    )  # fmt: skip


def plan_docx(request, pk: int):
    """The plan as a Word document, rebuilt from the campaign's data (public once launched)."""
    from .documents import plan_docx as build

    campaign = load_campaign_for_display(pk, request.user)
    return download(build(campaign), f"ke-hoach-{campaign.pk}.docx", DOCX)


@login_required
@require_POST
def campaign_derive(request, pk: int):
    """A commune's own campaign from this one (its Giấy khen, its criteria)."""
    parent = policy.get_campaign_or_404(request.user, pk)
    units = {u.pk: u for u in services.derivable_units(request.user, parent)}
    unit = units.get(int(request.POST.get("unit") or 0))
    if unit is None:
        raise PermissionDenied("Bạn không được cụ thể hóa đợt thi đua này cho đơn vị này.")
    try:
        child = services.derive_campaign(actor=request.user, parent=parent, unit=unit)
    except services.CampaignError as error:
        flash_errors(request, error)
        return redirect("campaigns:detail", pk=pk)
    messages.success(
        request, "Đã tạo dự thảo kế hoạch của đơn vị: bổ sung tiêu chuẩn, số lượng rồi phát động."
    )
    return redirect("campaigns:detail", pk=child.pk)
