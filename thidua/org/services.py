"""The only code that changes the unit tree and API tokens. Each action checks permission and
state, writes inside one transaction and records an audit entry."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from thidua.core import audit
from thidua.core.errors import ServiceError

from . import access
from .access import Actor, Perm
from .models import ApiToken, RoleAssignment, Unit, unit_moved


class OrgError(ServiceError):
    """A change of the unit tree refused for a reason the user must read (Vietnamese)."""


@transaction.atomic
def move_unit(*, actor: Actor, unit: Unit, new_parent: Unit) -> Unit:
    """Put ``unit`` and its whole subtree under ``new_parent`` (a commune merged into another
    ward). Needs MANAGE_UNITS over both places; the subtree's paths change in one UPDATE."""
    # Paths as they are now, read under lock: another move may have changed them.
    locked = Unit.objects.select_for_update(of=("self",)).select_related("parent")
    current, parent = locked.get(pk=unit.pk), locked.get(pk=new_parent.pk)
    for place in (current, parent):
        if not access.in_scope(actor, place, Perm.MANAGE_UNITS):
            raise PermissionDenied("Chỉ quản trị hệ thống của cả hai nơi được chuyển đơn vị.")
    if parent.path.startswith(current.path):
        raise OrgError("Không thể chuyển đơn vị vào chính nó hoặc một đơn vị cấp dưới của nó.")
    if current.parent_id == parent.pk:
        return unit
    old_path, new_path = current.path, f"{parent.path}{current.pk}/"
    Unit.objects.filter(pk=current.pk).update(parent=parent)
    # The unit and everything below it: the old prefix of each path becomes the new one.
    Unit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + (new_path.count("/") - old_path.count("/")),
    )
    audit.record(
        actor=actor,
        action="org.unit.moved",
        obj=current,
        message=f"{current.parent or '—'} → {parent}",
        data={"from": current.parent_id, "to": parent.pk},
    )
    unit.refresh_from_db()
    unit_moved.send(sender=Unit, unit=unit)
    return unit


TOKEN_DAYS = (30, 90, 180, 365)  # the expiries an owner chooses from


@transaction.atomic
def issue_api_token(*, actor: Actor, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """A new API token of the acting user, and its raw value: shown once, never stored."""
    user = access.acting_user(actor)
    if user is None:
        raise PermissionDenied("Cần đăng nhập để tạo khóa API.")
    if days is not None and days not in TOKEN_DAYS:
        raise OrgError("Thời hạn của khóa API là 30, 90, 180 hoặc 365 ngày.")
    token, raw = ApiToken.issue(user, name.strip()[:100] or "Khóa API", days)
    audit.record(
        actor=actor,
        action="org.api_token.issued",
        obj=token,
        message=f"{token.name} – hết hạn {timezone.localtime(token.expires_at):%d/%m/%Y}",
        data={"owner": user.pk, "expires_at": token.expires_at.isoformat()},
    )
    return token, raw


def managed_users(actor: Actor) -> QuerySet[User]:
    """Accounts holding (or having held) a role in the units the administrator manages."""
    paths = access.scope_paths(actor, Perm.MANAGE_ACCOUNTS)
    return User.objects.filter(
        Exists(
            RoleAssignment.objects.filter(user=OuterRef("pk")).filter(
                access.path_q(paths, "unit__path")
            )
        )
    )


def tokens_managed_by(actor: Actor) -> QuerySet[ApiToken]:
    """The tokens an administrator lists and revokes: those of the accounts of their units."""
    return ApiToken.objects.filter(user__in=managed_users(actor))


@transaction.atomic
def revoke_api_token(*, actor: Actor, token: ApiToken) -> None:
    """Its owner revokes a token, or an administrator of the owner's units; the API refuses
    it from then on."""
    if token.user_id != actor.pk and not tokens_managed_by(actor).filter(pk=token.pk).exists():
        raise PermissionDenied(
            "Chỉ người tạo khóa API hoặc quản trị hệ thống của đơn vị được thu hồi khóa."
        )
    audit.record(
        actor=actor,
        action="org.api_token.revoked",
        obj=token,
        message=token.name if token.user_id == actor.pk else f"{token.name} của {token.user}",
        data={"owner": token.user_id},
    )
    token.delete()
