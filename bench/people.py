"""People search at scale: the staff page (/can-bo/?q=…), the older list (/don-vi/ca-nhan/?q=…),
the API (/api/v1/people?q=…) and the picker of an officer over the whole data, p50 beside the
signed-in trivial page served to the same client in the same run (target ≤ 3×). The index:
FTS5 on SQLite, full text on PostgreSQL (org migration 0006_g_people_search)."""

from __future__ import annotations

from django.test import Client

from bench.web import analyzed, measure, officer, p50_pages, signed_in


def bench_people(root, requests: int) -> list[dict]:
    from thidua.org.models import ApiToken, Person

    analyzed()  # as autovacuum leaves a live database (the generated rows are bulk-written)
    user = officer(root)
    staff = signed_in(user)
    _token, raw = ApiToken.issue(user, "bench")
    api = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {raw}")
    pages = {
        "floor_staff": (staff, "/dang-nhap/"),
        "page": (staff, "/can-bo/?q=nguyen+van+hai"),
        "unit_people": (staff, "/don-vi/ca-nhan/?q=nguyen+van+hai"),
        "common": (staff, "/can-bo/?q=thi"),  # 50 rows of a quarter of all names
        "api": (api, "/api/v1/people?q=nguyen+van+hai&limit=50"),
        "picker": (staff, "/can-bo/chon/?q=nguyen+van+hai"),
    }
    p50, queries = p50_pages(pages, requests)
    people = Person.objects.count()
    return [
        measure(f"Tìm cán bộ /can-bo/ ({people:,} người)", "page", "floor_staff", p50, queries),
        measure("Tìm cá nhân /don-vi/ca-nhan/", "unit_people", "floor_staff", p50, queries),
        measure("Tìm cán bộ “thi” (50 dòng)", "common", "floor_staff", p50, queries),
        measure("Tìm cán bộ (API)", "api", "floor_staff", p50, queries),
        measure("Chọn cán bộ (HTMX)", "picker", "floor_staff", p50, queries),
    ]
