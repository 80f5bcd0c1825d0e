"""The production WSGI application (``thidua.wsgi``) with a test clock: a request that carries
``X-Test-Clock: <ISO datetime>`` is served with the clock stopped at that moment (time-machine),
so that the deployed server can be driven on the Sa Pa 2020 campaign's dates. Requests without
the header are served as they are. Safe with gunicorn's sync workers (one request at a time per
process); the deployed server of tests/deploy runs it, nothing else does."""

from __future__ import annotations

from datetime import datetime

import time_machine

from thidua.wsgi import application as django_application


def application(environ, start_response):
    moment = environ.get("HTTP_X_TEST_CLOCK")
    if not moment:
        return django_application(environ, start_response)
    with time_machine.travel(datetime.fromisoformat(moment), tick=False):
        response = django_application(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            if hasattr(response, "close"):
                response.close()
