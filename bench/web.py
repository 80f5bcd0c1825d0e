"""Pages measured as a user gets them: the test client against the full middleware stack,
p50 over interleaved requests, each page beside the trivial page of the same client (the
floor: the login form, which a signed-in user also loads with the session, the user and the
user's roles), and the number of queries of each page."""

from __future__ import annotations

import statistics
import time


def signed_in(user):
    """A client signed in as ``user`` whose session has passed two-factor authentication (as
    a user's does after the code page), so the measured pages are not redirected."""
    from django.test import Client

    from thidua.org import twofactor

    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    session = client.session
    session[twofactor.SESSION_VERIFIED] = True
    session.save()
    return client


def officer(root):
    """The emulation officer of the data's root unit (sees every unit of the bench)."""
    from django.contrib.auth import get_user_model

    from thidua.org.models import Role, RoleAssignment

    user, _ = get_user_model().objects.get_or_create(username="bench.noivu")
    RoleAssignment.objects.get_or_create(user=user, role=Role.CHUYEN_VIEN_TDKT, unit=root)
    return user


def p50_pages(pages: dict, requests: int) -> tuple[dict[str, float], dict[str, int]]:
    """``pages``: name -> (client, url). Medians in seconds and queries per page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(requests):
        for name, (client, url) in pages.items():
            start = time.perf_counter()
            response = client.get(url)
            times[name].append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
    queries = {}
    for name, (client, url) in pages.items():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[name] = len(captured)
    return {name: statistics.median(t) for name, t in times.items()}, queries


def measure(label: str, name: str, floor: str, p50: dict, queries: dict, target=3.0) -> dict:
    return {
        "name": f"{label}, {queries[name]} truy vấn",
        "rate": 1 / p50[name],
        "unit": "trang/s",
        "seconds": p50[name],
        "floor": p50[floor],
        "target": target,
    }


def analyzed() -> None:
    """PostgreSQL: the bulk-created bench rows vacuumed and their statistics taken, as
    autovacuum gives a live database (without statistics the planner takes every table for
    empty; without the vacuum every read checks each row's visibility, an index-only read
    fetches every row from the table, and updated units are read twice)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
