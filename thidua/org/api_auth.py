"""Who is calling the API: a bearer token (``ApiToken``) or, on public operations, nobody."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from ninja.security import HttpBearer

from .models import ApiToken


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        return user_for_token(request, token)


LAST_USE_EVERY = timedelta(minutes=1)  # the last use is written at most this often


def user_for_token(request, raw: str):
    """The token's user, or None (401) for an unknown, expired or revoked token or an
    inactive account."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.hash(raw), expires_at__gt=now)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USE_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    request.user = token.user
    return token.user


def optional_user(request):
    """For public operations: the token's user when one is sent, else anonymous."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer ") and user_for_token(request, header[7:].strip()):
        return request.user
    return AnonymousUser()
