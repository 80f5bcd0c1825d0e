"""The JSON API, /api/v1/, documented at /api/v1/openapi.json (browsable at /api/v1/docs).

Non-public operations take a bearer token (created on the account page); the same access
helpers and services as the pages apply, so the API can never see more than the pages.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer

from thidua.org.models import ApiToken


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        return user_for_token(request, token)


def user_for_token(request, raw: str):
    token = ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(raw)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    request.user = token.user
    return token.user


def optional_user(request):
    """For public operations: the token's user when one is sent, else anonymous."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer ") and user_for_token(request, header[7:].strip()):
        return request.user
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


class VietnameseJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Vietnamese text stays readable


api = NinjaAPI(
    renderer=VietnameseJSONRenderer(),
    title="Thi đua – Khen thưởng API",
    version="1",
    description="API của hệ thống Thi đua – Khen thưởng. Thao tác không công khai cần khóa API (Bearer).",
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Không có quyền."}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Không tìm thấy."}, status=404)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": "Dữ liệu không hợp lệ.", "errors": errors}, status=422
    )


def register_routers() -> None:
    from thidua.campaigns.api import router as campaigns_router
    from thidua.council.api import router as council_router
    from thidua.decisions.api import router as decisions_router
    from thidua.nominations.api import router as nominations_router
    from thidua.org.api import router as org_router
    from thidua.portal.api import router as portal_router

    api.add_router("/", campaigns_router)
    api.add_router("/", org_router)
    api.add_router("/", nominations_router)
    api.add_router("/", council_router)
    api.add_router("/", decisions_router)
    api.add_router("/", portal_router)


register_routers()
