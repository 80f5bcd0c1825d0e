"""A slow server on demand, to find browser tests that read a page before it is there.

``THIDUA_E2E_SLOW=1 pytest -m browser tests/e2e`` answers every POST 1.5 s late and sends every
HTML page in two halves 0.8 s apart (``THIDUA_E2E_SLOW_POST`` / ``THIDUA_E2E_SLOW_BODY`` change
the delays). Playwright's ``click()`` returns once the next page is committed: its URL has
changed but its end is not parsed yet, nor have its deferred scripts (htmx) run. A test that
reads the page at once, or takes ``wait_for_load_state()`` for "the answer came", fails here
every time instead of once in a while in CI. Off by default: it only slows the suite."""

from __future__ import annotations

import os
import time


def install() -> None:
    from django.core.handlers.wsgi import WSGIHandler

    answer = WSGIHandler.__call__
    post_delay = float(os.environ.get("THIDUA_E2E_SLOW_POST", "1.5"))
    body_delay = float(os.environ.get("THIDUA_E2E_SLOW_BODY", "0.8"))

    def slow(self, environ, start_response):
        if environ["REQUEST_METHOD"] == "POST":
            time.sleep(post_delay)
        html = []

        def start(status, headers, exc_info=None):
            html.append(
                status.startswith("200")
                and any(
                    k.lower() == "content-type" and v.startswith("text/html") for k, v in headers
                )
            )
            return start_response(status, headers, exc_info)

        response = answer(self, environ, start)
        if not html or not html[0]:
            return response
        body = b"".join(response)
        if hasattr(response, "close"):
            response.close()

        def halves():
            yield body[: len(body) // 2]
            time.sleep(body_delay)
            yield body[len(body) // 2 :]

        return halves()

    WSGIHandler.__call__ = slow
