"""The portal's lists at national scale (bench/portal.py): a decision's page found by its
recipients' numbers, and a name search that counts and sorts only the keys of its newest
matches. The rows must stay those that plain slicing gives, in the same order."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.models import F

from thidua.core.text import ascii_key
from thidua.decisions import services
from thidua.decisions.models import Decision, DecisionKind, DecisionStatus, Recipient
from thidua.portal import public

from .test_portal import _recipients

pytestmark = pytest.mark.django_db


def _orders(decision, offset: int, limit: int) -> list[int]:
    _decision, rows = public.decision_page(decision.pk, offset, limit)
    return [a.order for a in rows]


def _sliced(decision, offset: int, limit: int) -> list[int]:
    orders = decision.recipients.order_by("order").values_list("order", flat=True)
    return list(orders[offset : offset + limit])


def test_a_decisions_pages_follow_its_numbers_and_any_other_numbering(draft_decision, user):
    services.approve(actor=user("chutich"), decision=draft_decision)
    _recipients(draft_decision, 120, "Kiểm Thử Hoa")
    total = draft_decision.recipients.count()
    # Numbered 1…n, as signing leaves an annex: page k starts at number 50·(k − 1) + 1.
    for offset in (0, 50, 100, total - 1, total):
        assert _orders(draft_decision, offset, 50) == _sliced(draft_decision, offset, 50)
    assert _orders(draft_decision, 50, 50) == list(range(51, 101))

    # Numbers that do not start at 1 (the highest still the count) or with a gap (the highest
    # not the count): the page skips that many rows of the index instead, and still shows the
    # rows that slicing gives.
    Recipient.objects.filter(decision=draft_decision, order=1).update(order=0)
    assert _orders(draft_decision, 0, 3) == [0, 2, 3]
    assert _orders(draft_decision, 50, 50) == _sliced(draft_decision, 50, 50)
    Recipient.objects.filter(decision=draft_decision, order=0).update(order=1)
    Recipient.objects.filter(decision=draft_decision, order__gt=60).update(order=F("order") + 1000)
    for offset in (0, 50, 100, total - 1):
        assert _orders(draft_decision, offset, 50) == _sliced(draft_decision, offset, 50)
    assert _orders(draft_decision, 50, 50)[10] == 1061


def _found(q: str, campaign_id=None, per_page: int = 5) -> tuple[int, list]:
    """Every page of a search, read as the portal pages through it (its pages end at the
    limit)."""
    total, rows = public.search_awards(q, campaign_id, 0, per_page)
    offset = per_page
    while offset < min(total, public.SEARCH_LIMIT):
        again, page = public.search_awards(q, campaign_id, offset, per_page)
        assert again == total
        rows += page
        offset += per_page
    return total, _rows_of(rows)


def _rows_of(awards) -> list[tuple]:
    return [(a.name, a.order, a.decision) for a in awards]


def _expected(q: str, campaign_id=None) -> tuple[int, list]:
    """The newest SEARCH_LIMIT + 1 signed awards in force whose name has every word of ``q``
    at the start of one of its words; newest decision first, then the decision's order."""
    words = ascii_key(q).split()
    awards = Recipient.objects.filter(
        decision__status=DecisionStatus.APPROVED, revoked_on__isnull=True
    ).select_related("decision")
    if campaign_id:
        awards = awards.filter(decision__campaign_id=campaign_id)
    newest = [
        r
        for r in awards.order_by("-pk")
        if all(any(n.startswith(w) for n in r.search_name.split()) for w in words)
    ][: public.SEARCH_LIMIT + 1]
    newest.sort(key=lambda r: (-r.decision.signed_on.toordinal(), r.decision_id, r.order))
    shown = newest[: public.SEARCH_LIMIT]
    return len(newest), [(r.name, r.order, _number(r.decision)) for r in shown]


def _number(d) -> str:
    return public._number(d.kind, d.number, d.symbol, d.external_number)


@pytest.fixture
def many_awarded(draft_decision, user, monkeypatch):
    """Two signed decisions (the older with the most recipients, and the newer's ids below
    theirs), a revoked award and an unsigned decision, all with names that match."""
    monkeypatch.setattr(public, "SEARCH_LIMIT", 20)
    services.approve(actor=user("chutich"), decision=draft_decision)
    newer = Decision.objects.get(pk=draft_decision.pk)
    newer.pk = None
    newer.kind, newer.external_number = DecisionKind.HIGHER, "7/QĐ-TTg"
    newer.number, newer.signed_on = None, date(2020, 12, 1)
    newer.save()
    draft = Decision.objects.get(pk=draft_decision.pk)
    draft.pk, draft.status, draft.number = None, DecisionStatus.DRAFT, None
    draft.save()
    _recipients(newer, 6, "Trần Thị Trang")
    _recipients(draft_decision, 25, "Trần Thị Hoa")
    _recipients(draft, 5, "Trần Thị Mai")
    _recipients(newer, 4, "Trần Văn Thịnh")
    revoked = draft_decision.recipients.get(name="Trần Thị Hoa 24")
    Recipient.objects.filter(pk=revoked.pk).update(revoked_on=date(2021, 1, 1))
    return draft_decision, newer


@pytest.mark.parametrize(
    "q", ["tran thi", "Trần Thị", "thi", "t", "tr th", "tran thi trang", "thinh", "hoa 2", "x"]
)
def test_a_search_lists_the_newest_matches_sorted_as_before(many_awarded, q):
    assert _found(q) == _expected(q)


def test_a_search_within_a_campaign_and_past_its_limit(many_awarded):
    first, _newer = many_awarded
    total, rows = _found("tran thi", first.campaign_id)
    assert (total, rows) == _expected("tran thi", first.campaign_id)
    assert total == public.SEARCH_LIMIT + 1 and len(rows) == public.SEARCH_LIMIT
    assert rows[0][2] == "7/QĐ-TTg"  # the newest decision first
    assert "Trần Thị Hoa 24" not in [name for name, _order, _decision in rows]
    assert "Trần Thị Mai 0" not in [name for name, _order, _decision in rows]
    assert public.search_awards("tran thi", first.campaign_id + 1000, 0, 7) == (0, [])


def test_sqlite_indexes_the_first_letters_of_words(many_awarded):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: the FTS5 index of decisions 0016")
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'decisions_recipient_fts'")
        assert "prefix='1 2 3 4 5 6'" in cursor.fetchone()[0]
    # Past six letters the index merges the words as before.
    _recipients(many_awarded[0], 1, "Nguyễn Nghiêng Khuyến")
    for q in ("nghieng", "nghien", "khuyen", "k"):
        assert _found(q) == _expected(q) and _found(q)[0] >= 1


def test_pages_of_any_size_end_at_the_limit(many_awarded, client):
    """Pages of 7 over a limit of 20: the last one holds the 15th to the 20th match, never
    the extra one read to tell that there are more; past it, nothing (page and API)."""
    first, _newer = many_awarded
    expected = _expected("tran thi")[1][: public.SEARCH_LIMIT]
    pages = [public.search_awards("tran thi", None, o, 7) for o in (0, 7, 14, 21)]
    assert [total for total, _rows in pages] == [public.SEARCH_LIMIT + 1] * 4
    assert [_rows_of(rows) for _total, rows in pages[:3]] == [
        expected[0:7],
        expected[7:14],
        expected[14:20],
    ]
    assert pages[3][1] == []
    answer = client.get("/api/v1/public/awards", {"q": "tran thi", "offset": 14, "limit": 7})
    assert answer.status_code == 200
    assert (answer.json()["count"], answer.json()["more"]) == (public.SEARCH_LIMIT, True)
    assert len(answer.json()["results"]) == 6
