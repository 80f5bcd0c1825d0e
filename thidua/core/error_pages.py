"""The Vietnamese error pages also in demo mode (THIDUA_DEBUG=true, as `make run` sets).

With DEBUG on, Django answers a missing page or a crash with its technical page (English, with
the settings and the traceback). A demo is shown to officials: this middleware, outermost,
replaces those two technical pages by the project's 404.html and 500.html. A developer still
gets the technical page by adding ``?debug`` to the address; the traceback of a crash is in the
server's log either way. 403 already uses 403.html whatever DEBUG says."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views import defaults

TECHNICAL_MARK = b"DEBUG = True"  # in Django's technical 404 and 500 pages, not in ours


class DemoErrorPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code in (404, 500)
            and "debug" not in request.GET
            and not getattr(response, "streaming", False)
            and "text/html" in response.get("Content-Type", "")
            and TECHNICAL_MARK in response.content
        ):
            if response.status_code == 404:
                return defaults.page_not_found(request, exception=None)
            return defaults.server_error(request)
        return response
