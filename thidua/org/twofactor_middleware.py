"""Sends a signed-in user to the code page (a device enrolled, no code given yet) or to the
enrolment page (two-factor authentication required and not enrolled) before any other page.

Exempt: login, logout, the two-factor pages themselves, password pages, static files, the
health check and the API (bearer tokens are a separate path). A verified session costs no
query; an unverified one costs the checks of ``twofactor.is_required``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from . import twofactor

EXEMPT_PREFIXES = (
    "/dang-nhap/",
    "/dang-xuat/",
    "/tai-khoan/xac-thuc-hai-buoc/",
    "/tai-khoan/doi-mat-khau/",  # a first-login password change comes before enrolment
    "/quen-mat-khau/",
    "/static/",
    "/suc-khoe/",
    "/api/",
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect_to = self.redirect_for(request)
        if redirect_to:
            target = reverse(redirect_to) + "?" + urlencode({"next": request.get_full_path()})
            if request.headers.get("HX-Request"):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            return HttpResponseRedirect(target)
        return self.get_response(request)

    def redirect_for(self, request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(EXEMPT_PREFIXES):
            return None
        session = request.session
        if session.get(twofactor.SESSION_VERIFIED):
            return None
        if session.get(twofactor.SESSION_PENDING):
            return "twofactor_verify"
        if twofactor.enforced() and twofactor.is_required(user):
            # Enrolled in another session since this login: ask the code; else enrol first.
            return "twofactor_verify" if twofactor.is_enrolled(user) else "twofactor_enrol"
        return None
