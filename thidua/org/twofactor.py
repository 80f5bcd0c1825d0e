"""Two-factor authentication (TOTP with recovery codes, on django-otp's devices).

Who must enrol: the roles of ``REQUIRED_ROLES`` and whoever a higher app says (the council
registers its members in force, ``register_requirement``); anyone else may. Whoever enrolled
gives a code after the password at every login. The state of a session is kept in the session
itself (set at login, cleared at the next), so a page costs no query for a verified user:

- ``SESSION_PENDING``: the account has a confirmed device and has not given a code yet;
- ``SESSION_VERIFIED``: a code (or a recovery code, used once) was given in this session.

``THIDUA_REQUIRE_2FA`` switches the obligation to enrol (off in development and tests); the
code after the password is asked whenever a device is confirmed.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.core import audit
from thidua.core.errors import ServiceError

from . import access
from .access import Actor, Perm
from .models import Role
from .services import managed_users

SESSION_PENDING = "thidua_2fa_pending"
SESSION_VERIFIED = "thidua_2fa_verified"
RECOVERY_CODES = 10
DEVICE_NAME = "Ứng dụng xác thực"

REQUIRED_ROLES = frozenset(
    {
        Role.CHU_TICH,
        Role.THANH_VIEN_HOI_DONG,
        Role.THU_KY_HOI_DONG,
        Role.QUAN_TRI,
        Role.CHUYEN_VIEN_TDKT,
    }
)

# Checks registered by higher apps (the council: a membership in force).
_REQUIREMENTS: list[Callable[[User], bool]] = []


class TwoFactorError(ServiceError):
    pass


def register_requirement(check: Callable[[User], bool]) -> None:
    if check not in _REQUIREMENTS:
        _REQUIREMENTS.append(check)


def enforced() -> bool:
    return bool(getattr(settings, "THIDUA_REQUIRE_2FA", True))


def is_required(user: Actor) -> bool:
    """Whether the account must use two-factor authentication (whatever the setting says)."""
    if not isinstance(user, User) or not user.is_active:
        return False
    if any(a.role in REQUIRED_ROLES for a in access.assignments(user)):
        return True
    return any(check(user) for check in _REQUIREMENTS)


def require_enrolled(actor: Actor, doing: str) -> None:
    """Services of the council's ballot and of signing call this: an account that must use
    two-factor authentication and has not enrolled is refused (pages send it to enrolment
    first; this also holds for API tokens)."""
    if not isinstance(actor, User) or not enforced():
        return
    if is_required(actor) and not is_enrolled(actor):
        raise PermissionDenied(
            f"Cần bật xác thực hai bước trước khi {doing} (Tài khoản › Xác thực hai bước)."
        )


def totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def is_enrolled(user: User) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def secret_of(device: TOTPDevice) -> str:
    """The key as the authenticator apps type it (base32, in groups of four)."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def remaining_codes(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- the session -------------------------------------------------------------------------------


def on_login(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    """At each password login (receiver of ``user_logged_in``): forget an earlier code, and ask
    one if the account has a device."""
    session = getattr(request, "session", None)
    if session is None:
        return
    session.pop(SESSION_VERIFIED, None)
    if is_enrolled(user):
        session[SESSION_PENDING] = True
    else:
        session.pop(SESSION_PENDING, None)


def mark_verified(request: HttpRequest) -> None:
    request.session.pop(SESSION_PENDING, None)
    request.session[SESSION_VERIFIED] = True


def is_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_VERIFIED))


# --- services ----------------------------------------------------------------------------------


@transaction.atomic
def start_enrolment(*, actor: User) -> TOTPDevice:
    """The unconfirmed device shown on the enrolment page (the same one until confirmed)."""
    if is_enrolled(actor):
        raise TwoFactorError("Tài khoản đã bật xác thực hai bước.")
    device = TOTPDevice.objects.devices_for_user(actor, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name=DEVICE_NAME, confirmed=False)
    return device


def _clean(code: str) -> str:
    return "".join(code.split()).lower()


@transaction.atomic
def confirm_enrolment(*, actor: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the device with a code of the app; returns the recovery codes (shown once)."""
    if device.user_id != actor.pk or device.confirmed:
        raise TwoFactorError("Thiết bị không hợp lệ; hãy tải lại trang.")
    if not device.verify_token(_clean(code)):
        raise TwoFactorError("Mã xác thực không đúng. Kiểm tra giờ trên điện thoại rồi thử lại.")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    codes = _new_recovery_codes(actor)
    audit.record(actor=actor, action="org.2fa.enrolled", obj=actor, message=actor.username)
    return codes


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Mã khôi phục", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


@transaction.atomic
def regenerate_recovery_codes(*, actor: User, code: str) -> list[str]:
    """New recovery codes (the old ones stop working), against a code of the app."""
    device = totp_device(actor)
    if device is None:
        raise TwoFactorError("Tài khoản chưa bật xác thực hai bước.")
    _verify_totp(device, code)
    codes = _new_recovery_codes(actor)
    audit.record(actor=actor, action="org.2fa.codes_renewed", obj=actor, message=actor.username)
    return codes


def _verify_totp(device: TOTPDevice, code: str) -> None:
    allowed, _data = device.verify_is_allowed()
    if not allowed:
        raise TwoFactorError("Nhập sai nhiều lần; hãy chờ một lát rồi thử lại.")
    if not device.verify_token(_clean(code)):
        raise TwoFactorError("Mã xác thực không đúng.")


@transaction.atomic
def verify(*, actor: User, code: str) -> bool:
    """Check a code given after the password: a code of the app, or a recovery code (which is
    then used up). Returns whether a recovery code was used."""
    device = totp_device(actor)
    if device is None:
        raise TwoFactorError("Tài khoản chưa bật xác thực hai bước.")
    cleaned = _clean(code)
    if cleaned.isdigit():
        try:
            _verify_totp(device, cleaned)
        except TwoFactorError:
            audit.record(actor=actor, action="org.2fa.failed", obj=actor, message=actor.username)
            raise
        return False
    for static in StaticDevice.objects.devices_for_user(actor, confirmed=True):
        if static.verify_token(cleaned):  # deletes the code: usable once
            left = remaining_codes(actor)
            audit.record(
                actor=actor,
                action="org.2fa.recovery_used",
                obj=actor,
                message=f"{actor.username}: còn {left} mã khôi phục",
                data={"left": left},
            )
            return True
    audit.record(actor=actor, action="org.2fa.failed", obj=actor, message=actor.username)
    raise TwoFactorError("Mã xác thực hoặc mã khôi phục không đúng.")


def managed_user_or_404(actor: Actor, user_id: int) -> User:
    """An account holding a role in a unit the administrator manages; 404 otherwise."""
    if not access.has_perm_anywhere(actor, Perm.MANAGE_ACCOUNTS):
        raise Http404("Không tìm thấy tài khoản.")
    user = managed_users(actor).filter(pk=user_id).first()
    if user is None:
        raise Http404("Không tìm thấy tài khoản.")
    return user


@transaction.atomic
def reset(*, actor: Actor, user: User) -> dict[str, Any]:
    """An administrator of the user's units removes the user's devices and recovery codes: the
    user enrols again at the next login (if required). Audited."""
    if not managed_users(actor).filter(pk=user.pk).exists():
        raise PermissionDenied("Chỉ quản trị hệ thống của đơn vị được đặt lại xác thực hai bước.")
    totp, _ = TOTPDevice.objects.filter(user=user).delete()
    static, _ = StaticDevice.objects.filter(user=user).delete()
    audit.record(
        actor=actor,
        action="org.2fa.reset",
        obj=user,
        message=user.username,
        data={"devices": totp, "recovery": static},
    )
    return {"devices": totp, "recovery": static}
