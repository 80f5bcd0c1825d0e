"""Configuring councils: members by date and the voting rule of each award form."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.campaigns.models import AwardForm, CampaignStatus
from thidua.core.web import flash_errors

from . import config_services, policy
from .counting import rule_for
from .models import CouncilMember, Position, ThresholdBase, VotingRule
from .policy import CouncilError


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label="Tài khoản", queryset=get_user_model().objects.none())
    position = forms.ChoiceField(
        label="Chức danh trong hội đồng", choices=Position.choices, initial=Position.UY_VIEN
    )
    title = forms.CharField(label="Chức vụ", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("first_name")
        )
        self.fields["user"].label_from_instance = (
            lambda u: f"{u.get_full_name() or u.username} ({u.username})"
        )


class RuleForm(forms.ModelForm):
    class Meta:
        model = VotingRule
        fields = [
            "quorum_percent",
            "threshold_percent",
            "strictly_more",
            "base",
            "secret_ballot",
            "legal_basis",
        ]


@login_required
def council_config(request, pk: int):
    council = policy.get_council_or_404(request.user, pk)
    policy.require_configure(request.user, council)
    today = timezone.localdate()
    members = council.members.select_related("user").filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    forms_ = AwardForm.objects.filter(
        campaign__issuer=council.unit,
        delegated_to_units=False,
        campaign__status__in=[CampaignStatus.DRAFT, CampaignStatus.LAUNCHED],
    )
    rules = [
        (f, rule_for(f, today))
        for f in forms_.select_related("campaign").prefetch_related("voting_rules")
    ]
    return render(
        request,
        "council/config.html",
        {
            "council": council,
            "members": members,
            "member_form": MemberForm(),
            "rules": rules,
            "bases": ThresholdBase.choices,
        },
    )


@login_required
@require_POST
def member_add(request, pk: int):
    council = policy.get_council_or_404(request.user, pk)
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            config_services.add_member(actor=request.user, council=council, **form.cleaned_data)
        except CouncilError as error:
            flash_errors(request, error)
        else:
            messages.success(request, "Đã thêm thành viên.")
    else:
        messages.error(request, "Chọn tài khoản, chức danh và nhập chức vụ.")
    return redirect("council:config", pk=pk)


@login_required
@require_POST
def member_end(request, pk: int, member_pk: int):
    council = policy.get_council_or_404(request.user, pk)
    member = CouncilMember.objects.filter(pk=member_pk, council=council).first()
    if member is None:
        raise Http404("Không tìm thấy thành viên.")
    config_services.end_membership(actor=request.user, member=member, day=timezone.localdate())
    messages.success(request, f"{member.name} thôi là thành viên Hội đồng từ hôm nay.")
    return redirect("council:config", pk=pk)


@login_required
@require_POST
def rule_save(request, pk: int, form_pk: int):
    council = policy.get_council_or_404(request.user, pk)
    award_form = AwardForm.objects.filter(pk=form_pk, campaign__issuer=council.unit).first()
    if award_form is None:
        raise Http404("Không tìm thấy hình thức khen thưởng.")
    form = RuleForm(request.POST)
    if form.is_valid():
        try:
            config_services.save_rule(
                actor=request.user, award_form=award_form, council=council, **form.cleaned_data
            )
        except CouncilError as error:
            flash_errors(request, error)
        else:
            messages.success(request, f"Đã lưu quy tắc biểu quyết: {award_form.name}.")
    else:
        messages.error(request, "Quy tắc biểu quyết không hợp lệ.")
    return redirect("council:config", pk=pk)
