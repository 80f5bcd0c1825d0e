"""Accounts and their roles, as administrators maintain them: the only code that creates,
deactivates, resets or grants. Each action checks scope and right, writes in one transaction
and records an audit entry.

Whose account is it? An administrator (``Perm.MANAGE_ACCOUNTS``) manages an account when
everything the account holds lies inside the administrator's subtrees: some role (held now or
before) or its managing unit is inside, and no role that is not yet ended nor its managing unit
is outside. So the administrator of a commune never sees a province officer who also holds a
role in the commune; and since nobody grants outside their own subtrees, nobody can raise an
account above their own scope. Nobody changes their own roles, password or status here.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.core import audit
from thidua.core.errors import ServiceError
from thidua.core.text import clean_text

from . import access
from .access import Actor, Perm
from .models import AccountProfile, Role, RoleAssignment, Unit
from .passwords import generate_password, mail_password_link, temporary_hash


class AccountError(ServiceError):
    """An account change refused for a reason the administrator must read (Vietnamese)."""


# --- scope -----------------------------------------------------------------------------------


def managed_accounts(actor: Actor) -> QuerySet[User]:
    """The accounts ``actor`` administers (see the module's docstring)."""
    paths = access.scope_paths(actor, Perm.MANAGE_ACCOUNTS)
    if not paths:
        return User.objects.none()
    roles = RoleAssignment.objects.filter(user=OuterRef("pk"))
    inside = access.path_q(paths, "unit__path")
    not_ended = Q(valid_to__isnull=True) | Q(valid_to__gte=timezone.localdate())
    home_inside = access.path_q(paths, "account_profile__unit__path")
    return (
        User.objects.filter(is_superuser=False)
        .filter(Exists(roles.filter(inside)) | home_inside)
        .exclude(Exists(roles.filter(not_ended).exclude(inside)))
        .filter(Q(account_profile__unit__isnull=True) | home_inside)
    )


def require_admin(actor: Actor) -> None:
    """403 for a user who administers no account anywhere."""
    if not access.has_perm_anywhere(actor, Perm.MANAGE_ACCOUNTS):
        raise PermissionDenied("Vai trò của bạn không được quản trị tài khoản.")


def get_account_or_404(actor: Actor, pk: int) -> User:
    """403 for a user who administers no account anywhere, 404 for an account outside scope."""
    require_admin(actor)
    account = managed_accounts(actor).filter(pk=pk).first()
    if account is None:
        raise Http404("Không tìm thấy tài khoản.")
    return account


def _require_account(actor: Actor, account: User) -> None:
    get_account_or_404(actor, account.pk)


def _not_self(actor: Actor, account: User, message: str) -> None:
    if account.pk == actor.pk:
        raise PermissionDenied(message)


def check_grant(actor: Actor, account: User | None, role: str, unit: Unit) -> None:
    """May ``actor`` give ``role`` over ``unit`` (to ``account``)? 404 for a unit outside every
    subtree of the actor, 403 inside without the right, for QUAN_TRI without holding it there,
    or to oneself."""
    if account is not None:
        _not_self(actor, account, "Không ai được tự giao vai trò cho chính mình.")
    access.require(actor, unit, Perm.MANAGE_ACCOUNTS)
    if role not in Role.values:
        raise AccountError({"role": "Vai trò không hợp lệ."})
    if role == Role.QUAN_TRI and Role.QUAN_TRI not in access.roles_over(actor, unit):
        raise PermissionDenied("Chỉ quản trị hệ thống được giao vai trò quản trị hệ thống.")


# --- accounts --------------------------------------------------------------------------------


def username_taken(username: str) -> bool:
    return User.objects.filter(username__iexact=username).exists()


def _profile(account: User) -> AccountProfile:
    profile, _created = AccountProfile.objects.get_or_create(user=account)
    return profile


@transaction.atomic
def create_account(
    *,
    actor: Actor,
    username: str,
    full_name: str,
    email: str,
    unit: Unit,
    role: str,
    valid_from: date | None = None,
    password: str | None = None,
    mail_link_from: str = "",
) -> tuple[User, str]:
    """A new account holding ``role`` over ``unit`` from ``valid_from`` (today by default).
    Returns the account and its temporary password (shown once; the user must change it at the
    first sign-in). With ``password`` given (an import), that one is set instead. With
    ``mail_link_from`` (the site's address), the user gets an e-mail link to choose a password
    instead, and no password is returned."""
    check_grant(actor, None, role, unit)
    if mail_link_from and not clean_text(email):
        raise AccountError({"email": "Cần địa chỉ email để gửi thư đặt mật khẩu."})
    username = clean_text(username)
    if not username:
        raise AccountError({"username": "Chưa nhập tên đăng nhập."})
    if username_taken(username):
        raise AccountError({"username": f"Tên đăng nhập “{username}” đã có."})
    raw = password or generate_password()
    account = User(
        username=User.normalize_username(username),
        email=User.objects.normalize_email(clean_text(email)),
        first_name=clean_text(full_name)[:150],  # Vietnamese names: family name first, whole
        password=make_password(raw) if password else temporary_hash(raw),
    )
    account.save()
    AccountProfile.objects.create(
        user=account,
        unit=unit,
        must_change_password=True,
        created_by=access.acting_user(actor),
    )
    assignment = RoleAssignment.objects.create(
        user=account,
        role=role,
        unit=unit,
        valid_from=valid_from or timezone.localdate(),
        granted_by=access.acting_user(actor),
    )
    audit.record(
        actor=actor,
        action="org.account.created",
        obj=account,
        message=f"{account.username}: {assignment}",
        data={"role": role, "unit": unit.pk},
    )
    if mail_link_from:
        mail_password_link(account, mail_link_from)
        return account, ""
    return account, raw


@transaction.atomic
def update_account(*, actor: Actor, account: User, full_name: str, email: str) -> User:
    _require_account(actor, account)
    account.first_name = clean_text(full_name)[:150]
    account.email = clean_text(email)
    account.save(update_fields=["first_name", "email"])
    audit.record(
        actor=actor,
        action="org.account.updated",
        obj=account,
        message=f"{account.username}: {account.first_name}, {account.email or '—'}",
    )
    return account


@transaction.atomic
def set_active(*, actor: Actor, account: User, active: bool) -> User:
    """Deactivate (no sign-in, no API token, no role in force) or reactivate an account."""
    _require_account(actor, account)
    _not_self(actor, account, "Không thể tự khóa hoặc mở khóa tài khoản của chính mình.")
    if account.is_active == active:
        raise AccountError("Tài khoản đã đang hoạt động." if active else "Tài khoản đã bị khóa.")
    User.objects.filter(pk=account.pk).update(is_active=active)
    account.is_active = active
    audit.record(
        actor=actor,
        action="org.account.reactivated" if active else "org.account.deactivated",
        obj=account,
        message=account.username,
    )
    return account


@transaction.atomic
def reset_password(*, actor: Actor, account: User) -> str:
    """A new temporary password (returned, shown once); the user must change it at the next
    sign-in. The account's open sessions end (the password is part of the session's hash)."""
    _require_account(actor, account)
    _not_self(actor, account, "Hãy đổi mật khẩu của chính mình ở trang Tài khoản.")
    raw = generate_password()
    account.password = temporary_hash(raw)
    account.save(update_fields=["password"])
    profile = _profile(account)
    profile.must_change_password = True
    profile.save(update_fields=["must_change_password"])
    audit.record(
        actor=actor, action="org.account.password_reset", obj=account, message=account.username
    )
    return raw


@transaction.atomic
def send_password_link(*, actor: Actor, account: User, base_url: str) -> None:
    """E-mail the account a link to choose its own password (it holds for a limited time)."""
    _require_account(actor, account)
    _not_self(actor, account, "Hãy đổi mật khẩu của chính mình ở trang Tài khoản.")
    if not account.email:
        raise AccountError("Tài khoản chưa có địa chỉ email.")
    if not account.is_active:
        raise AccountError("Tài khoản đã bị khóa: mở khóa trước khi gửi thư.")
    if not account.has_usable_password():
        account.set_password(generate_password(24))  # the reset form needs a usable one
        account.save(update_fields=["password"])
    mail_password_link(account, base_url)
    audit.record(
        actor=actor,
        action="org.account.password_link_sent",
        obj=account,
        message=f"{account.username} → {account.email}",
    )


@transaction.atomic
def password_changed(*, account: User) -> None:
    """The user chose a password (change page or e-mail link): no forced change any more."""
    AccountProfile.objects.filter(user=account).update(
        must_change_password=False, password_changed_at=timezone.now()
    )
    audit.record(
        actor=account, action="org.account.password_changed", obj=account, message=account.username
    )


def must_change_password(account: User) -> bool:
    return AccountProfile.objects.filter(user=account, must_change_password=True).exists()


# --- roles -----------------------------------------------------------------------------------


@transaction.atomic
def assign_role(
    *,
    actor: Actor,
    account: User,
    role: str,
    unit: Unit,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> RoleAssignment:
    _require_account(actor, account)
    check_grant(actor, account, role, unit)
    valid_from = valid_from or timezone.localdate()
    if valid_to is not None and valid_to < valid_from:
        raise AccountError({"valid_to": "Ngày kết thúc phải từ ngày bắt đầu trở đi."})
    if RoleAssignment.objects.filter(
        user=account, role=role, unit=unit, valid_to__isnull=True
    ).exists():
        raise AccountError("Tài khoản đã giữ vai trò này ở đơn vị này (chưa kết thúc).")
    try:
        with transaction.atomic():
            assignment = RoleAssignment.objects.create(
                user=account,
                role=role,
                unit=unit,
                valid_from=valid_from,
                valid_to=valid_to,
                granted_by=access.acting_user(actor),
            )
    except IntegrityError as error:  # the same grant made at the same moment
        raise AccountError("Tài khoản đã giữ vai trò này ở đơn vị này (chưa kết thúc).") from error
    audit.record(
        actor=actor,
        action="org.account.role_granted",
        obj=account,
        message=f"{account.username}: {assignment} ({_window(assignment)})",
        data={"assignment": assignment.pk, "role": role, "unit": unit.pk},
    )
    return assignment


@transaction.atomic
def end_role(
    *, actor: Actor, assignment: RoleAssignment, valid_to: date | None = None
) -> RoleAssignment:
    """The role is held up to and including ``valid_to`` (yesterday by default: it ends now)."""
    account = assignment.user
    _require_account(actor, account)
    _not_self(actor, account, "Không ai được tự thay đổi vai trò của chính mình.")
    access.require(actor, assignment.unit, Perm.MANAGE_ACCOUNTS)
    end = valid_to or timezone.localdate() - timedelta(days=1)
    if assignment.valid_to is not None and assignment.valid_to <= end:
        raise AccountError("Vai trò đã kết thúc.")
    if assignment.valid_from is not None and end < assignment.valid_from:
        if valid_to is not None:
            raise AccountError(
                {"valid_to": "Ngày kết thúc phải từ ngày bắt đầu của vai trò trở đi."}
            )
        # Ended "now" on or before its first day: no date window can say it, so the grant is
        # withdrawn; the audit log keeps it.
        audit.record(
            actor=actor,
            action="org.account.role_ended",
            obj=account,
            message=f"{account.username}: {assignment} ({_window(assignment)}), hủy giao",
            data={"assignment": assignment.pk, "withdrawn": True},
        )
        pk = assignment.pk
        assignment.delete()
        assignment.pk, assignment.valid_to = pk, end
        return assignment
    RoleAssignment.objects.filter(pk=assignment.pk).update(valid_to=end)
    assignment.valid_to = end
    audit.record(
        actor=actor,
        action="org.account.role_ended",
        obj=account,
        message=f"{account.username}: {assignment} ({_window(assignment)})",
        data={"assignment": assignment.pk},
    )
    return assignment


def _window(assignment: RoleAssignment) -> str:
    start = assignment.valid_from.strftime("%d/%m/%Y") if assignment.valid_from else "…"
    end = assignment.valid_to.strftime("%d/%m/%Y") if assignment.valid_to else "…"
    return f"{start} – {end}"


def get_assignment_or_404(actor: Actor, account: User, pk: int) -> RoleAssignment:
    assignment = (
        RoleAssignment.objects.select_related("unit", "user").filter(pk=pk, user=account).first()
    )
    if assignment is None:
        raise Http404("Không tìm thấy vai trò.")
    return assignment
