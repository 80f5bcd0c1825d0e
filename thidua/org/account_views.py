"""The administrator's pages of accounts and roles (/quan-tri/tai-khoan/). Thin: find the
account in scope, call the service, show its refusal as a form error."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.core import audit
from thidua.core.web import XLSX, download

from . import access, account_import, account_queries, account_services
from .access import Perm
from .account_forms import (
    DELIVERY_EMAIL,
    AccountCreateForm,
    AccountEditForm,
    AccountImportForm,
    RoleAssignForm,
    RoleEndForm,
)
from .account_services import AccountError, get_account_or_404
from .models import Role

PAGE_SIZE = 50


def _require_admin(request: HttpRequest) -> None:
    account_services.require_admin(request.user)


def _units(request: HttpRequest) -> list:
    return list(access.units_with(request.user, Perm.MANAGE_ACCOUNTS).order_by("path"))


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


@login_required
def account_list(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    q = request.GET.get("q", "").strip()
    unit_id = request.GET.get("don_vi", "")
    role = request.GET.get("vai_tro", "")
    status = request.GET.get("trang_thai", "")
    qs = account_queries.account_list(
        request.user,
        q=q,
        unit_id=int(unit_id) if unit_id.isdigit() else None,
        role=role,
        active={"hoat_dong": True, "khoa": False}.get(status),
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(
        request,
        "org/accounts/list.html",
        {
            "page": page,
            "q": q,
            "unit_id": unit_id,
            "role": role,
            "status": status,
            "roles": Role.choices,
            "units": _units(request),
        },
    )


@login_required
def account_create(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    units = _units(request)
    form = AccountCreateForm(request.POST or None)
    form.set_units(units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = access.get_unit_or_404(request.user, data["unit"], Perm.MANAGE_ACCOUNTS)
        try:
            account, raw = account_services.create_account(
                actor=request.user,
                username=data["username"],
                full_name=data["full_name"],
                email=data["email"],
                unit=unit,
                role=data["role"],
                valid_from=data["valid_from"],
                mail_link_from=_site(request) if data["delivery"] == DELIVERY_EMAIL else "",
            )
        except AccountError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã tạo tài khoản {account.username}.")
            if not raw:
                messages.info(request, f"Đã gửi thư đặt mật khẩu đến {account.email}.")
                return redirect("org_accounts:detail", pk=account.pk)
            return _show_password(request, account, raw)
    return render(request, "org/accounts/form.html", {"form": form, "account": None})


def _show_password(request: HttpRequest, account: User, raw: str) -> HttpResponse:
    """The temporary password, on this response only (never stored, never in a URL)."""
    response = render(
        request, "org/accounts/password_shown.html", {"account": account, "password": raw}
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_account_or_404(request.user, pk)
    return _detail(request, account, RoleAssignForm())


def _detail(request: HttpRequest, account: User, role_form: RoleAssignForm) -> HttpResponse:
    today = timezone.localdate()
    role_form.set_units(_units(request))
    assignments = list(
        account.role_assignments.select_related("unit", "granted_by").order_by(
            "-valid_from", "unit__path"
        )
    )
    for a in assignments:
        a.in_force = (a.valid_from is None or a.valid_from <= today) and (
            a.valid_to is None or a.valid_to >= today
        )
        a.ended = a.valid_to is not None and a.valid_to < today
    profile = getattr(account, "account_profile", None)
    return render(
        request,
        "org/accounts/detail.html",
        {
            "account": account,
            "profile": profile,
            "assignments": assignments,
            "held": [a for a in assignments if a.in_force and account.is_active],
            "role_form": role_form,
            "end_form": RoleEndForm(),
            "history": audit.history(account)[:30],
            "is_self": account.pk == request.user.pk,
        },
        status=400 if role_form.errors else 200,
    )


@login_required
def account_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_account_or_404(request.user, pk)
    form = AccountEditForm(
        request.POST or None, initial={"full_name": account.first_name, "email": account.email}
    )
    if request.method == "POST" and form.is_valid():
        account_services.update_account(
            actor=request.user,
            account=account,
            full_name=form.cleaned_data["full_name"],
            email=form.cleaned_data["email"],
        )
        messages.success(request, "Đã lưu thông tin tài khoản.")
        return redirect("org_accounts:detail", pk=account.pk)
    return render(request, "org/accounts/form.html", {"form": form, "account": account})


@login_required
@require_POST
def account_set_active(request: HttpRequest, pk: int, active: bool) -> HttpResponse:
    account = get_account_or_404(request.user, pk)
    try:
        account_services.set_active(actor=request.user, account=account, active=active)
    except AccountError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Đã {'mở khóa' if active else 'khóa'} tài khoản {account.username}."
        )
    return redirect("org_accounts:detail", pk=account.pk)


@login_required
@require_POST
def account_reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_account_or_404(request.user, pk)
    raw = account_services.reset_password(actor=request.user, account=account)
    messages.success(request, f"Đã đặt lại mật khẩu tạm cho tài khoản {account.username}.")
    return _show_password(request, account, raw)


@login_required
@require_POST
def account_send_link(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_account_or_404(request.user, pk)
    try:
        account_services.send_password_link(
            actor=request.user, account=account, base_url=_site(request)
        )
    except AccountError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã gửi thư đặt mật khẩu đến {account.email}.")
    return redirect("org_accounts:detail", pk=account.pk)


@login_required
@require_POST
def role_assign(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_account_or_404(request.user, pk)
    form = RoleAssignForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        unit = access.get_unit_or_404(request.user, data["unit"], Perm.MANAGE_ACCOUNTS)
        try:
            assignment = account_services.assign_role(
                actor=request.user,
                account=account,
                role=data["role"],
                unit=unit,
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
            )
        except AccountError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã giao vai trò: {assignment}.")
            return redirect("org_accounts:detail", pk=account.pk)
    return _detail(request, account, form)


@login_required
@require_POST
def role_end(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    account = get_account_or_404(request.user, pk)
    assignment = account_services.get_assignment_or_404(request.user, account, assignment_pk)
    form = RoleEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ngày không hợp lệ.")
        return redirect("org_accounts:detail", pk=account.pk)
    try:
        account_services.end_role(
            actor=request.user, assignment=assignment, valid_to=form.cleaned_data["valid_to"]
        )
    except AccountError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã kết thúc vai trò: {assignment}.")
    return redirect("org_accounts:detail", pk=account.pk)


@login_required
def account_import_page(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = AccountImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = account_import.import_accounts(
            actor=request.user,
            uploaded=form.cleaned_data["file"],
            only_clean=form.cleaned_data["only_clean"],
            mail_link_from=_site(request) if request.POST.get("gui_thu") else "",
        )
        if report.imported:
            messages.success(request, f"Đã tạo {report.imported} tài khoản.")
            form = AccountImportForm()
    response = render(request, "org/accounts/import.html", {"form": form, "report": report})
    response["Cache-Control"] = "no-store"  # the result shows temporary passwords
    return response


@login_required
def account_import_template(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    content = account_import.build_account_template(request.user)
    return download(content, "mau-danh-sach-tai-khoan.xlsx", XLSX)
