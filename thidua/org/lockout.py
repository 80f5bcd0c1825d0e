"""Login throttling on top of django-axes: after ``AXES_FAILURE_LIMIT`` wrong passwords for one
account, or from one address, within the cool-off time, logins are refused (the right password
too) until the time is over or an administrator unlocks them. Every attempt is audited: each
failure, each lockout, each success, each unlock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, QuerySet, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from thidua.core import audit
from thidua.core.errors import ServiceError

from . import access
from .access import Actor, Perm
from .services import managed_users


class LockoutError(ServiceError):
    pass


def failure_limit() -> int:
    return int(settings.AXES_FAILURE_LIMIT)


def cool_off() -> timedelta:
    return settings.AXES_COOLOFF_TIME


def cool_off_minutes() -> int:
    return int(cool_off().total_seconds() // 60)


def client_ip(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR", "")


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The page shown instead of the login form while locked out (AXES_LOCKOUT_CALLABLE)."""
    return render(
        request,
        "registration/locked_out.html",
        {"limit": failure_limit(), "minutes": cool_off_minutes()},
        status=429,
    )


# --- audit of the attempts (receivers connected in apps.py) -----------------------------------


@dataclass
class LoginSubject:
    """What an attempt is recorded against when no account has the name typed."""

    pk: str

    class _meta:  # noqa: N801 - the two attributes audit.record reads of a model
        label_lower = "auth.user"


def _subject(username: str) -> User | LoginSubject:
    return User.objects.filter(username=username).first() or LoginSubject(pk="")


def _refused(request: HttpRequest | None) -> bool:
    """An attempt refused because the login was locked already: the backend flagged it and
    axes did not count it (the attempt that reaches the limit is counted, then flagged)."""
    return bool(getattr(request, "axes_locked_out", False)) and (
        getattr(request, "axes_failures_since_start", None) is None
    )


def login_failed(
    sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs: object
) -> None:
    username = str(credentials.get("username", ""))[:150]
    ip = client_ip(request)
    refused = _refused(request)
    audit.record(
        actor=None,
        action="org.login.refused" if refused else "org.login.failed",
        obj=_subject(username),
        message=f"{username or '—'} từ {ip or '—'}",
        data={"username": username, "ip": ip},
    )


def locked_out(
    sender: object,
    request: HttpRequest | None,
    username: str,
    ip_address: str,
    **kwargs: object,
) -> None:
    """The attempt that reached the limit (axes sends it again for each refused attempt, which
    login_failed records)."""
    if _refused(request):
        return
    audit.record(
        actor=None,
        action="org.login.locked",
        obj=_subject(username or ""),
        message=f"{username or '—'} từ {ip_address or '—'}: sai {failure_limit()} lần",
        data={"username": username or "", "ip": ip_address or ""},
    )


def logged_in(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    if request is None:  # force_login in tests and tools
        return
    ip = client_ip(request)
    audit.record(
        actor=user,
        action="org.login.succeeded",
        obj=user,
        message=f"{user.get_username()} từ {ip or '—'}",
        data={"ip": ip},
    )


# --- the administrator's view and unlock --------------------------------------------------------


@dataclass
class Lock:
    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last: datetime
    user: User | None = None

    @property
    def until(self) -> datetime:
        return self.last + cool_off()


def manages_addresses(actor: Actor) -> bool:
    """Addresses belong to no unit: administrators of a top unit unlock them."""
    return any(u.parent_id is None for u in access.assigned_units(actor, Perm.MANAGE_ACCOUNTS))


def _over_limit(field: str) -> QuerySet[AccessAttempt, dict[str, Any]]:
    since = timezone.now() - cool_off()
    return (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=failure_limit())
        .order_by(field)
    )


def locks_managed_by(actor: Actor) -> list[Lock]:
    """Accounts of the administrator's units and (for a top unit's administrator) addresses
    locked now: a fixed number of queries whatever the number of locks."""
    rows = list(_over_limit("username"))
    users = {
        u.username: u
        for u in managed_users(actor).filter(username__in=[r["username"] for r in rows])
    }
    locks = [
        Lock("username", r["username"], r["failures"], r["last"], users[r["username"]])
        for r in rows
        if r["username"] in users
    ]
    if manages_addresses(actor):
        locks += [
            Lock("ip_address", r["ip_address"], r["failures"], r["last"])
            for r in _over_limit("ip_address")
        ]
    return locks


@transaction.atomic
def unlock(*, actor: Actor, username: str = "", ip_address: str = "") -> int:
    """Forget the failed attempts of an account of the administrator's units, or of an address
    (top unit's administrator): its next login is judged afresh. Returns the rows removed."""
    if not access.has_perm_anywhere(actor, Perm.MANAGE_ACCOUNTS):
        raise PermissionDenied("Chỉ quản trị hệ thống được mở khóa đăng nhập.")
    username, ip_address = username.strip(), ip_address.strip()
    if bool(username) == bool(ip_address):
        raise LockoutError("Chọn một tài khoản hoặc một địa chỉ để mở khóa.")
    if username:
        user = managed_users(actor).filter(username=username).first()
        if user is None:
            raise Http404("Không tìm thấy tài khoản.")
        count = reset(username=username)
        subject: object = user
    else:
        if not manages_addresses(actor):
            raise PermissionDenied("Chỉ quản trị hệ thống cấp cao nhất được mở khóa theo địa chỉ.")
        count = reset(ip=ip_address)
        subject = LoginSubject(pk="")
    audit.record(
        actor=actor,
        action="org.login.unlocked",
        obj=subject,
        message=username or ip_address,
        data={"username": username, "ip": ip_address, "attempts": count},
    )
    return count
