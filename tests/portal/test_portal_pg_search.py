"""PostgreSQL's name search on the portal (portal/pg_search.py): the pairs of words of
decisions 0017 only narrow the rows read, the words' test decides, so both ways of reading
give the rows, order and count of the plain words' test."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.portal import pg_search

from .test_portal import _recipients
from .test_portal_paging import _expected, _found, many_awarded  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("words", "pairs"),
    [
        (["tran", "thi"], ["tran>thi"]),
        (["nguyen", "van", "hai"], ["nguyen>van", "nguyen>hai"]),
        (["tran", "thi", "trang"], ["thi>tran", "thi>trang"]),  # tran and trang: one word?
        (["van", "va"], []),
        (["van", "van"], []),
        (["thi"], []),
        (["hoa", "2", "2"], ["hoa>2"]),
    ],
)
def test_the_pairs_are_those_of_two_different_words(words, pairs):
    assert pg_search.pairs(words) == pairs


def test_a_pair_is_common_from_its_share_and_the_names(monkeypatch):
    listed = (["tran>thi", "tran>thinh", "tran>van"], [0.02, 0.01, 0.5])
    monkeypatch.setattr(pg_search, "_pair_statistics", lambda: (*listed, 1_000_000.0))
    assert pg_search.common(["tran>thi"], 501)  # 3 % of a million: the table is faster
    assert not pg_search.common(["tran>thin"], 501)  # 1 %
    assert not pg_search.common(["tran>thi", "hoa>mai"], 501)  # the rarest pair decides
    monkeypatch.setattr(pg_search, "_pair_statistics", lambda: (*listed, 100_000.0))
    assert not pg_search.common(["tran>thi"], 501)


ODD_NAMES = [
    "Trần-Thị Hoa",  # a hyphen: one word for LIKE '% thi%'
    "Thị  Trần Văn",
    "Trang Thịnh",
    "Trần Trần",
    "Thi.Trần Tài",
    "Trần Thị Trang",
    "Hoa 2 Trần",
]


@pytest.mark.parametrize(
    "q",
    ["tran thi", "thi tran", "tr th", "tran thi trang", "tran tran", "hoa 2", "tran tai", "a b"],
)
def test_both_readings_give_the_words_tests_rows(many_awarded, monkeypatch, q):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the pairs' index of decisions 0017")
    first, newer = many_awarded
    for name in ODD_NAMES:
        _recipients(first, 2, name)
        _recipients(newer, 1, name)
    expected = _expected(q)
    for common in (False, True):
        monkeypatch.setattr(pg_search, "common", lambda prefixes, wanted, c=common: c)
        with CaptureQueriesContext(connection) as captured:
            assert _found(q) == expected
        read_pairs = "thidua_prefix_pairs" in captured.captured_queries[0]["sql"]
        assert read_pairs == (not common and bool(pg_search.pairs(q.split())))


def test_the_pairs_index_holds_every_first_words_prefix():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: decisions 0017")
    with connection.cursor() as cursor:
        cursor.execute("SELECT thidua_prefix_pairs('tran  thi tran')::text")
        assert cursor.fetchone()[0] == (
            "'t>thi' 't>tran' 'th>tran' 'thi>tran' 'tr>thi' 'tra>thi' 'tran>thi'"
        )
