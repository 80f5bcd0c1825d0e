"""The portal's lists written without per-row template work (bench/portal.py): the same rows,
escaped, in the decision's order on every page, in a number of queries that does not grow."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from thidua.decisions import services
from thidua.decisions.models import Recipient

from .test_portal import _recipients

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_decision_pages_list_recipients_in_order_escaped_with_fixed_queries(draft_decision, user):
    services.approve(actor=user("chutich"), decision=draft_decision)
    first = draft_decision.recipients.count()
    _recipients(draft_decision, 3, "Kiểm <b>Thử</b>")
    public = Client()
    url = f"/cong-khai/quyet-dinh/{draft_decision.pk}/"
    small = _queries(public, url)
    _recipients(draft_decision, 150 - first - 3, "Kiểm Thử Hoa")
    assert _queries(public, f"{url}?trang=3") == small <= 3

    page = public.get(url).content.decode()
    assert "Kiểm &lt;b&gt;Thử&lt;/b&gt; 0" in page and "<b>Thử</b>" not in page
    assert f'<tr><td class="num">{first + 1}</td><td><strong>Kiểm &lt;b&gt;Thử' in page
    last = public.get(url, {"trang": 3})
    orders = [a.order for a in last.context["rows"]]
    assert orders == list(range(101, 151))
    expected = list(
        Recipient.objects.filter(decision=draft_decision, order__gt=100)
        .order_by("order")
        .values_list("name", flat=True)
    )
    assert [a.name for a in last.context["rows"]] == expected
    assert f'<tr><td class="num">150</td><td><strong>{expected[-1]}</strong>' in (
        last.content.decode()
    )
    beyond = public.get(url, {"trang": 9})
    assert beyond.context["page"].number == 3 and beyond.context["rows"][0].order == 101


def test_search_results_are_escaped_and_the_decision_list_is_counted_in_its_query(
    draft_decision, user
):
    services.approve(actor=user("chutich"), decision=draft_decision)
    _recipients(draft_decision, 2, "Kiểm Thử <b>Lan</b>")
    public = Client()
    found = public.get("/cong-khai/khen-thuong/", {"q": "kiem thu"}).content.decode()
    assert '<li class="card"><strong>Kiểm Thử &lt;b&gt;Lan&lt;/b&gt; 1</strong>' in found
    assert f"Quyết định số {draft_decision.number_symbol} ngày 30/10/2020" in found
    none = public.get("/cong-khai/khen-thuong/", {"q": "khong ai co ten nay"}).content.decode()
    assert '<ul class="award-list"><li class="empty">Không tìm thấy.</li></ul>' in none

    listing = public.get("/cong-khai/khen-thuong/")
    assert listing.context["page"].paginator.count == 1
    assert [d.id for d in listing.context["decisions"]] == [draft_decision.pk]
    # The count comes with the page: the list, the portal's identity and the campaigns.
    assert _queries(public, "/cong-khai/khen-thuong/") <= 3
    past = public.get("/cong-khai/khen-thuong/", {"trang": 7})
    assert past.context["page"].number == 1 and len(past.context["decisions"]) == 1
