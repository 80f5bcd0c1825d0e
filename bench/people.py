"""People search at scale: the staff page (/can-bo/?q=…) and the API (/api/v1/people?q=…) of
an officer over the whole data, p50 beside the signed-in trivial page served to the same
client in the same run (target ≤ 3×). The index: FTS5 on SQLite, trigrams on PostgreSQL
(org migration 0006_g_people_search)."""

from __future__ import annotations

import statistics
import time


def bench_people(root, requests: int) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from thidua.org.models import ApiToken, Person, Role, RoleAssignment

    officer, _ = get_user_model().objects.get_or_create(username="bench.noivu")
    RoleAssignment.objects.get_or_create(user=officer, role=Role.CHUYEN_VIEN_TDKT, unit=root)
    staff = Client(HTTP_HOST="localhost")
    staff.force_login(officer)
    _token, raw = ApiToken.issue(officer, "bench")
    api = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {raw}")
    pages = {
        "floor_staff": (staff, "/dang-nhap/"),
        "page": (staff, "/can-bo/?q=nguyen+van+hai"),
        "api": (api, "/api/v1/people?q=nguyen+van+hai&limit=50"),
        "picker": (staff, "/can-bo/chon/?q=nguyen+van+hai"),
    }
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
    p50 = {name: statistics.median(t) for name, t in times.items()}
    people = Person.objects.count()

    def measure(label, name):
        return {"name": f"{label}, {queries[name]} truy vấn", "rate": 1 / p50[name],
                "unit": "trang/s", "seconds": p50[name], "floor": p50["floor_staff"],
                "target": 3.0}  # fmt: skip

    return [
        measure(f"Tìm cán bộ (trang, {people:,} người)", "page"),
        measure("Tìm cán bộ (API)", "api"),
        measure("Chọn cán bộ (HTMX)", "picker"),
    ]
