"""Content-Security-Policy and the other response headers Django's SecurityMiddleware leaves out.

Pages run no inline script and no inline event handler (tests/core/test_no_inline_script.py
keeps it so): confirmations and the like live in static/js/app.js, driven by data- attributes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DEFAULT_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The API's documentation page (Swagger UI, served locally) styles its widgets inline.
API_DOCS_POLICY = DEFAULT_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = getattr(settings, "THIDUA_CSP", "") or DEFAULT_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            docs = request.path.startswith("/api/") and request.path.rstrip("/").endswith("/docs")
            response["Content-Security-Policy"] = API_DOCS_POLICY if docs else self.policy
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
