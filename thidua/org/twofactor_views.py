"""Pages of two-factor authentication: enrolment (/tai-khoan/xac-thuc-hai-buoc/), the code
after the password (/dang-nhap/ma-xac-thuc/), and the administrator's list and reset
(/quan-tri/xac-thuc-hai-buoc/)."""

from __future__ import annotations

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.core.web import flash_errors

from . import twofactor
from .services import managed_users
from .token_views import require_administrator


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Mã xác thực",
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def _qr_svg(device: TOTPDevice) -> str:
    qr = segno.make(device.config_url, error="m")
    return mark_safe(qr.svg_inline(scale=4, title="Mã QR xác thực hai bước"))  # noqa: S308


@login_required
def enrol(request):
    """Scan the QR (or type the key) in an authenticator app, confirm with a code; the ten
    recovery codes are shown once. Once enrolled: the state, and new recovery codes."""
    user = request.user
    context = {
        "required": twofactor.is_required(user),
        "next": _next(request),
        "form": CodeForm(request.POST or None),
    }
    if twofactor.is_enrolled(user):
        codes = None
        if request.method == "POST" and context["form"].is_valid():
            try:
                codes = twofactor.regenerate_recovery_codes(
                    actor=user, code=context["form"].cleaned_data["code"]
                )
            except twofactor.TwoFactorError as error:
                context["form"].add_error("code", error.messages[0])
        return render(
            request,
            "org/twofactor_enrol.html",
            {
                **context,
                "enrolled": True,
                "codes": codes,
                "remaining": twofactor.remaining_codes(user),
            },
        )
    device = twofactor.start_enrolment(actor=user)
    if request.method == "POST" and context["form"].is_valid():
        try:
            codes = twofactor.confirm_enrolment(
                actor=user, device=device, code=context["form"].cleaned_data["code"]
            )
        except twofactor.TwoFactorError as error:
            context["form"].add_error("code", error.messages[0])
        else:
            twofactor.mark_verified(request)
            return render(
                request,
                "org/twofactor_enrol.html",
                {**context, "enrolled": True, "codes": codes, "just_enrolled": True},
            )
    return render(
        request,
        "org/twofactor_enrol.html",
        {
            **context,
            "enrolled": False,
            "qr": _qr_svg(device),
            "secret": twofactor.secret_of(device),
        },
    )


@login_required
def verify(request):
    """The code after the password (or a recovery code)."""
    user = request.user
    if twofactor.is_verified(request):
        return redirect(_next(request))
    if not twofactor.is_enrolled(user):  # reset by an administrator since the login
        request.session.pop(twofactor.SESSION_PENDING, None)
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            used_recovery = twofactor.verify(actor=user, code=form.cleaned_data["code"])
        except twofactor.TwoFactorError as error:
            form.add_error("code", error.messages[0])
        else:
            twofactor.mark_verified(request)
            if used_recovery:
                left = twofactor.remaining_codes(user)
                messages.warning(
                    request,
                    f"Đã dùng một mã khôi phục; còn {left} mã. "
                    "Tạo mã mới ở trang Xác thực hai bước khi còn ít.",
                )
            return redirect(_next(request))
    return render(
        request, "registration/twofactor_verify.html", {"form": form, "next": _next(request)}
    )


@login_required
def admin_list(request):
    """Accounts of the administrator's units with their two-factor state, and the reset."""
    require_administrator(request.user)
    users = (
        managed_users(request.user)
        .annotate(enrolled=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        .order_by("username")
    )
    q = request.GET.get("q", "").strip()
    if q:
        users = users.filter(username__icontains=q)
    return render(
        request,
        "org/twofactor_admin.html",
        {"page": Paginator(users, 100).get_page(request.GET.get("trang")), "q": q},
    )


@login_required
def admin_reset(request, user_id: int):
    """GET: confirm; POST: remove the account's devices and recovery codes (audited)."""
    account = twofactor.managed_user_or_404(request.user, user_id)
    if request.method == "POST":
        try:
            twofactor.reset(actor=request.user, user=account)
        except twofactor.TwoFactorError as error:
            flash_errors(request, error)
        else:
            messages.success(
                request,
                f"Đã đặt lại xác thực hai bước của {account.username}: "
                "lần đăng nhập sau tài khoản phải đăng ký lại.",
            )
        return redirect("twofactor_admin")
    return render(
        request,
        "org/twofactor_reset.html",
        {"account": account, "enrolled": twofactor.is_enrolled(account)},
    )
