"""Accounts and roles through /api/v1/ (administrators): the same forms, services and scope as
the pages (/quan-tri/tai-khoan/). An account outside the caller's scope, or a unit outside it,
is 404; a grant the caller may not make is 403; a refused rule is 422."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema, Status

from thidua.core.api import Error

from . import access, account_import, account_queries, account_services
from .access import Perm
from .account_forms import (
    DELIVERY_EMAIL,
    AccountCreateForm,
    AccountEditForm,
    RoleAssignForm,
    RoleEndForm,
)
from .account_services import get_account_or_404
from .api_auth import TokenAuth
from .models import RoleAssignment

router = Router(tags=["Quản trị tài khoản"], auth=TokenAuth())

REFUSALS: dict[int | str, Any] = {403: Error, 404: Error, 422: Error}


class RoleOut(Schema):
    id: int
    role: str
    role_label: str
    unit_id: int
    unit_name: str
    valid_from: date | None
    valid_to: date | None
    in_force: bool


class AccountOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    is_active: bool
    must_change_password: bool
    roles: list[RoleOut]


class AccountCreated(AccountOut):
    temporary_password: str


class AccountIn(Schema):
    username: str
    full_name: str
    email: str = ""
    unit_id: int
    role: str
    valid_from: date | None = None
    send_email_link: bool = False


class AccountUpdateIn(Schema):
    full_name: str
    email: str = ""


class RoleIn(Schema):
    role: str
    unit_id: int
    valid_from: date | None = None
    valid_to: date | None = None


class RoleEndIn(Schema):
    valid_to: date | None = None


class ImportRowIn(Schema):
    username: str = ""
    full_name: str = ""
    email: str = ""
    unit: str = ""
    role: str = ""
    valid_from: str = ""


class ImportIn(Schema):
    rows: list[ImportRowIn]
    only_clean: bool = False
    send_email_links: bool = False


def _valid(form):
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    return form.cleaned_data


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def role_out(a: RoleAssignment, today: date, active: bool) -> dict:
    return {
        "id": a.pk,
        "role": a.role,
        "role_label": a.get_role_display(),
        "unit_id": a.unit_id,
        "unit_name": a.unit.name,
        "valid_from": a.valid_from,
        "valid_to": a.valid_to,
        "in_force": active
        and (a.valid_from is None or a.valid_from <= today)
        and (a.valid_to is None or a.valid_to >= today),
    }


def account_out(user, roles: list[RoleAssignment] | None = None) -> dict:
    today = timezone.localdate()
    if roles is None:
        roles = list(user.role_assignments.select_related("unit").order_by("unit__path", "id"))
    profile = getattr(user, "account_profile", None)
    return {
        "id": user.pk,
        "username": user.username,
        "full_name": user.first_name,
        "email": user.email,
        "is_active": user.is_active,
        "must_change_password": bool(profile and profile.must_change_password),
        "roles": [role_out(a, today, user.is_active) for a in roles],
    }


def _site(request) -> str:
    return request.build_absolute_uri("/")


@router.get(
    "/accounts",
    response={200: list[AccountOut], 403: Error, 404: Error},
    summary="Tài khoản trong phạm vi quản trị (vai trò đang hiệu lực; tối đa 500 mỗi trang)",
)
def list_accounts(
    request,
    q: str = "",
    unit_id: int | None = None,
    role: str = "",
    active: bool | None = None,
    offset: int = 0,
    limit: int = 100,
):
    qs = account_queries.account_list(request.user, q=q, unit_id=unit_id, role=role, active=active)
    limit, offset = max(1, min(limit, 500)), max(offset, 0)
    page = qs[offset : offset + limit]
    return [account_out(u, u.current_roles) for u in page]


@router.post(
    "/accounts/import",
    response={200: dict, 403: Error, 422: dict},
    summary="Nhập nhiều tài khoản (các cột như tệp Excel mẫu); có lỗi thì không nhập gì",
)
def import_accounts(request, payload: ImportIn):
    report = account_import.import_account_rows(
        actor=request.user,
        rows=[row.dict() for row in payload.rows],
        only_clean=payload.only_clean,
        mail_link_from=_site(request) if payload.send_email_links else "",
    )
    status = 200 if report.imported or not report.errors else 422
    body: dict[str, Any] = {
        "imported": report.imported,
        "valid_rows": len(report.rows),
        "created": [
            {
                "row": c.row,
                "id": c.user_id,
                "username": c.username,
                "temporary_password": c.password,
            }
            for c in report.created
        ],
        "errors": [{"row": e.row, "column": e.column, "message": e.message} for e in report.errors],
    }
    if status == 422:
        body["detail"] = "Danh sách có lỗi: chưa tạo tài khoản nào."
    return Status(status, body)


# Declared before /accounts/{account_id}: the first matching path answers.
@router.get(
    "/accounts/{account_id}",
    response={200: AccountOut, 403: Error, 404: Error},
    summary="Một tài khoản và mọi vai trò (kể cả đã kết thúc)",
)
def get_account(request, account_id: int):
    return account_out(get_account_or_404(request.user, account_id))


@router.post(
    "/accounts",
    response={201: AccountCreated, **REFUSALS},
    summary="Tạo tài khoản với một vai trò ban đầu; trả mật khẩu tạm (một lần)",
)
def create_account(request, payload: AccountIn):
    account_services.require_admin(request.user)
    data = _valid(
        AccountCreateForm(
            {
                "username": payload.username,
                "full_name": payload.full_name,
                "email": payload.email,
                "unit": payload.unit_id,
                "role": payload.role,
                "valid_from": _iso(payload.valid_from),
                "delivery": DELIVERY_EMAIL if payload.send_email_link else "",
            }
        )
    )
    unit = access.get_unit_or_404(request.user, data["unit"], Perm.MANAGE_ACCOUNTS)
    account, raw = account_services.create_account(
        actor=request.user,
        username=data["username"],
        full_name=data["full_name"],
        email=data["email"],
        unit=unit,
        role=data["role"],
        valid_from=data["valid_from"],
        mail_link_from=_site(request) if payload.send_email_link else "",
    )
    return Status(201, {**account_out(account), "temporary_password": raw})


@router.patch(
    "/accounts/{account_id}",
    response={200: AccountOut, **REFUSALS},
    summary="Sửa họ tên, email",
)
def update_account(request, account_id: int, payload: AccountUpdateIn):
    account = get_account_or_404(request.user, account_id)
    data = _valid(AccountEditForm(payload.dict()))
    account_services.update_account(
        actor=request.user, account=account, full_name=data["full_name"], email=data["email"]
    )
    return account_out(account)


@router.post(
    "/accounts/{account_id}/deactivate",
    response={200: AccountOut, **REFUSALS},
    summary="Khóa tài khoản: không đăng nhập, không dùng khóa API",
)
def deactivate_account(request, account_id: int):
    account = get_account_or_404(request.user, account_id)
    return account_out(
        account_services.set_active(actor=request.user, account=account, active=False)
    )


@router.post(
    "/accounts/{account_id}/reactivate",
    response={200: AccountOut, **REFUSALS},
    summary="Mở khóa tài khoản",
)
def reactivate_account(request, account_id: int):
    account = get_account_or_404(request.user, account_id)
    return account_out(
        account_services.set_active(actor=request.user, account=account, active=True)
    )


@router.post(
    "/accounts/{account_id}/reset-password",
    response={200: dict, **REFUSALS},
    summary="Cấp mật khẩu tạm (người dùng phải đổi khi đăng nhập) hoặc gửi thư đặt mật khẩu",
)
def reset_password(request, account_id: int, send_email_link: bool = False):
    account = get_account_or_404(request.user, account_id)
    if send_email_link:
        account_services.send_password_link(
            actor=request.user, account=account, base_url=_site(request)
        )
        return {"temporary_password": "", "email_sent_to": account.email}
    raw = account_services.reset_password(actor=request.user, account=account)
    return {"temporary_password": raw, "email_sent_to": ""}


@router.post(
    "/accounts/{account_id}/roles",
    response={201: RoleOut, **REFUSALS},
    summary="Giao vai trò ở một đơn vị trong phạm vi (có thời hạn)",
)
def add_role(request, account_id: int, payload: RoleIn):
    account = get_account_or_404(request.user, account_id)
    data = _valid(
        RoleAssignForm(
            {
                "role": payload.role,
                "unit": payload.unit_id,
                "valid_from": _iso(payload.valid_from),
                "valid_to": _iso(payload.valid_to),
            }
        )
    )
    unit = access.get_unit_or_404(request.user, data["unit"], Perm.MANAGE_ACCOUNTS)
    assignment = account_services.assign_role(
        actor=request.user,
        account=account,
        role=data["role"],
        unit=unit,
        valid_from=data["valid_from"],
        valid_to=data["valid_to"],
    )
    return Status(201, role_out(assignment, timezone.localdate(), account.is_active))


@router.post(
    "/accounts/{account_id}/roles/{role_id}/end",
    response={200: RoleOut, **REFUSALS},
    summary="Kết thúc vai trò (ngày cuối giữ vai trò; mặc định: hôm qua, tức là ngay)",
)
def end_role(request, account_id: int, role_id: int, payload: RoleEndIn):
    account = get_account_or_404(request.user, account_id)
    assignment = account_services.get_assignment_or_404(request.user, account, role_id)
    data = _valid(RoleEndForm({"valid_to": _iso(payload.valid_to)}))
    account_services.end_role(actor=request.user, assignment=assignment, valid_to=data["valid_to"])
    return role_out(assignment, timezone.localdate(), account.is_active)
