"""The JSON API, /api/v1/, documented at /api/v1/openapi.json (browsable at /api/v1/docs).

This module sits at the top: it gathers every app's router and is the one place that maps
errors to responses, with one schema (``core.api.Error``). Non-public operations take a bearer
token (``org.api_auth``); the same access helpers and services as the pages apply, so the API
can never see more than the pages.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from thidua.campaigns.api import router as campaigns_router
from thidua.core.errors import ConflictError
from thidua.council.api import router as council_router
from thidua.decisions.api import router as decisions_router
from thidua.decisions.eoffice_api import router as eoffice_router
from thidua.decisions.law_api import router as law_router
from thidua.nominations.api import router as nominations_router
from thidua.nominations.bulk_api import router as nominations_bulk_router
from thidua.nominations.missed_api import router as missed_router
from thidua.org.api import router as org_router
from thidua.org.api_accounts import router as accounts_router
from thidua.org.api_people import router as people_router
from thidua.org.api_units import router as units_router
from thidua.portal.api import router as portal_router
from thidua.records.api import router as records_router
from thidua.records.api_entry import router as records_entry_router


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


@api.exception_handler(ConflictError)
def conflict(request, exc):
    body = {"detail": " ".join(exc.messages)}
    if getattr(exc, "current", None) is not None:
        body["current"] = exc.current
    return api.create_response(request, body, status=409)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    """Service refusals (``ServiceError``) and form errors alike."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": "Dữ liệu không hợp lệ.", "errors": errors}, status=422
    )


for router in (
    campaigns_router,
    org_router,
    units_router,
    accounts_router,
    people_router,
    records_router,
    records_entry_router,
    nominations_router,
    nominations_bulk_router,
    missed_router,
    council_router,
    decisions_router,
    eoffice_router,
    law_router,
    portal_router,
):
    api.add_router("/", router)
