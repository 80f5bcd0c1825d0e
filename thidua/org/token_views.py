"""API tokens and login lockouts: the owner's form on /tai-khoan/, and the administrator's
page /quan-tri/khoa-api/ (tokens of the accounts in their units, accounts and addresses locked
after too many wrong passwords), with its revoke and unlock buttons."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.core.web import flash_errors

from . import access, lockout, services
from .access import Perm
from .models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Tên khóa",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Ví dụ: Phần mềm một cửa"}),
    )
    days = forms.TypedChoiceField(
        label="Thời hạn",
        choices=[(d, f"{d} ngày") for d in services.TOKEN_DAYS],
        coerce=int,
        required=False,
        empty_value=None,
        initial=90,
    )


def require_administrator(user) -> None:
    if not access.has_perm_anywhere(user, Perm.MANAGE_ACCOUNTS):
        raise PermissionDenied("Chỉ quản trị hệ thống được xem trang này.")


@login_required
def tokens_and_locks(request):
    require_administrator(request.user)
    tokens = (
        services.tokens_managed_by(request.user)
        .select_related("user")
        .order_by("user__username", "-created_at")
    )
    return render(
        request,
        "org/api_tokens.html",
        {
            "page": Paginator(tokens, 100).get_page(request.GET.get("trang")),
            "locks": lockout.locks_managed_by(request.user),
            "limit": lockout.failure_limit(),
            "cool_off": lockout.cool_off_minutes(),
        },
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    require_administrator(request.user)
    token = services.tokens_managed_by(request.user).filter(pk=pk).select_related("user").first()
    if token is None:
        raise Http404("Không tìm thấy khóa API.")
    services.revoke_api_token(actor=request.user, token=token)
    messages.success(request, f"Đã thu hồi khóa API “{token.name}” của {token.user}.")
    return redirect("org_tokens:list")


@login_required
@require_POST
def login_unlock(request):
    require_administrator(request.user)
    try:
        count = lockout.unlock(
            actor=request.user,
            username=request.POST.get("username", ""),
            ip_address=request.POST.get("ip_address", ""),
        )
    except lockout.LockoutError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã mở khóa đăng nhập ({count} bản ghi đăng nhập sai đã xóa).")
    return redirect("org_tokens:list")


def own_tokens(user):
    return ApiToken.objects.filter(user=user).order_by("-created_at")
