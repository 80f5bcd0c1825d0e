"""The portal (anonymous visitors) and a dossier page (its unit's officer), each beside the
trivial page of the same client in the same run (target ≤ 3×).

    portal   the award search with a query that finds people, a common word (reference), the
             list of signed decisions and a decision's list of recipients (page 2 and a deep
             page), for an anonymous visitor beside the anonymous trivial page; and the searches
             and the list again for a signed-in officer beside the signed-in trivial page (the
             floor the issue's figures were measured against: it also loads the session, the
             user and the roles, which the signed-in portal page loads too).
    dossier  the page of a dossier with about 300 candidates, evaluated with their reasons; for
             reference, the same page with its evaluation computed beforehand (what the rest of
             the page costs).
"""

from __future__ import annotations

from contextlib import contextmanager

from django.test import Client

from bench.web import analyzed, measure, officer, p50_pages, signed_in


def bench_portal(root, campaign, requests: int, ensure_awards) -> list[dict]:
    from thidua.decisions.models import Decision

    awarded = ensure_awards(root, campaign)
    analyzed()
    public = Client(HTTP_HOST="localhost")
    staff = signed_in(officer(root))
    decision = Decision.objects.get(campaign=campaign, subject="Bench awards").pk
    deep = max(1, awarded // 50 - 1)
    pages = {
        "floor": (public, "/dang-nhap/"),
        "search": (public, "/cong-khai/khen-thuong/?q=nguyen+van+hai"),
        "search2": (public, "/cong-khai/khen-thuong/?q=tran+thi"),
        "common": (public, "/cong-khai/khen-thuong/?q=thi"),
        "decisions": (public, "/cong-khai/khen-thuong/"),
        "decision": (public, f"/cong-khai/quyet-dinh/{decision}/?trang=2"),
        "deep": (public, f"/cong-khai/quyet-dinh/{decision}/?trang={deep}"),
        "floor_staff": (staff, "/dang-nhap/"),
        "search_staff": (staff, "/cong-khai/khen-thuong/?q=nguyen+van+hai"),
        "search2_staff": (staff, "/cong-khai/khen-thuong/?q=tran+thi"),
        "decisions_staff": (staff, "/cong-khai/khen-thuong/"),
    }
    p50, queries = p50_pages(pages, requests)
    return [
        measure(
            f"Tra cứu “nguyen van hai” ({awarded:,} được khen)", "search", "floor", p50, queries
        ),
        measure("Tra cứu “tran thi”", "search2", "floor", p50, queries),
        measure("Tra cứu “thi” (tham khảo)", "common", "floor", p50, queries, target=None),
        measure("Danh sách quyết định đã ký", "decisions", "floor", p50, queries),
        measure(f"Quyết định {awarded:,} người, trang 2", "decision", "floor", p50, queries),
        measure(f"Quyết định, trang {deep}", "deep", "floor", p50, queries),
        measure(
            "Đã đăng nhập: tra cứu “nguyen van hai”", "search_staff", "floor_staff", p50, queries
        ),
        measure("Đã đăng nhập: tra cứu “tran thi”", "search2_staff", "floor_staff", p50, queries),
        measure(
            "Đã đăng nhập: danh sách quyết định", "decisions_staff", "floor_staff", p50, queries
        ),
    ]


def bench_dossier(root, campaign, requests: int) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from thidua.nominations.models import Dossier
    from thidua.org.models import Role, RoleAssignment

    dossier = (
        Dossier.objects.filter(campaign=campaign)
        .annotate(n=Count("candidates"))
        .filter(n__gte=250)
        .order_by("n", "pk")
        .first()
    )
    if dossier is None:  # national data spreads its candidates ten to a dossier
        print("Không có hồ sơ từ 250 đề nghị ở quy mô này: bỏ qua phép đo trang hồ sơ.")
        return []
    analyzed()
    staff = signed_in(officer(root))
    # The unit's own officer, who edits the dossier: the page adds the upload form, whose
    # list offers every candidate.
    editor, _ = get_user_model().objects.get_or_create(username="bench.donvi")
    RoleAssignment.objects.get_or_create(user=editor, role=Role.CAN_BO_DON_VI, unit=dossier.unit)
    own = signed_in(editor)
    pages = {
        "floor_staff": (staff, "/dang-nhap/"),
        "dossier": (staff, f"/ho-so/{dossier.pk}/"),
        "floor_own": (own, "/dang-nhap/"),
        "own": (own, f"/ho-so/{dossier.pk}/"),
    }
    p50, queries = p50_pages(pages, requests)
    # Reference: the same page with its evaluation computed beforehand, i.e. what the page
    # costs apart from evaluating its candidates (no cache of the kind exists in the product).
    with evaluation_computed_beforehand():
        ready_p50, ready_queries = p50_pages(
            {"floor_staff": pages["floor_staff"], "ready": pages["dossier"]}, requests
        )
    return [
        measure(f"Hồ sơ {dossier.n} đề nghị (cấp trên)", "dossier", "floor_staff", p50, queries),
        measure(f"Hồ sơ {dossier.n} đề nghị (đơn vị lập)", "own", "floor_own", p50, queries),
        measure(
            "Cùng hồ sơ, không tự kiểm tra (tham khảo)",
            "ready",
            "floor_staff",
            ready_p50,
            ready_queries,
            target=None,
        ),
    ]


@contextmanager
def evaluation_computed_beforehand():
    """The dossier page's ``evaluate_candidates`` answering with the result of its first call."""
    from thidua.nominations.views import dossiers

    evaluate = dossiers.evaluate_candidates
    kept: dict = {}

    def ready(*args, **kwargs):
        if "checks" not in kept:
            kept["checks"] = evaluate(*args, **kwargs)
        return kept["checks"]

    dossiers.evaluate_candidates = ready
    try:
        yield
    finally:
        dossiers.evaluate_candidates = evaluate
