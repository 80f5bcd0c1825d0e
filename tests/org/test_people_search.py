"""org.search.name_condition: every whole word of the query is a word of the name, the last one
may be unfinished; accents and case ignored. On PostgreSQL the words' test is joined by a test
on pairs of words (org migration 0009), which must change no answer: repeated words, a last
word that is the start of another, a single word."""

from __future__ import annotations

import pytest

from thidua.org import search
from thidua.org.models import Person

pytestmark = pytest.mark.django_db

NAMES = [
    "Nguyễn Văn Hải",
    "Hải Nguyễn Văn",
    "Nguyễn Thị Hải Yến",
    "Nguyễn Văn Hạnh",
    "Văn Thị Vân",
    "Trần Văn",
    "Nguyễn Nguyễn Hà",
    "Lò Thị Thu Hà",
    "Vàng A Páo",
]


def add_people(unit, names) -> None:
    Person.objects.bulk_create(
        Person(
            full_name=n,
            search_name=search.ascii_key(n),
            gender="nu",
            unit=unit,
            category="cong_chuc",
        )
        for n in names
    )


CASES = {
    "nguyen van hai": {"Nguyễn Văn Hải", "Hải Nguyễn Văn"},
    "nguyen van ha": {"Nguyễn Văn Hải", "Hải Nguyễn Văn", "Nguyễn Văn Hạnh"},
    "van va": {
        "Nguyễn Văn Hải",
        "Hải Nguyễn Văn",
        "Nguyễn Văn Hạnh",
        "Văn Thị Vân",
        "Trần Văn",
    },
    "van van": {"Nguyễn Văn Hải", "Hải Nguyễn Văn", "Nguyễn Văn Hạnh", "Văn Thị Vân", "Trần Văn"},
    "nguyen nguyen": {
        "Nguyễn Văn Hải",
        "Hải Nguyễn Văn",
        "Nguyễn Thị Hải Yến",
        "Nguyễn Văn Hạnh",
        "Nguyễn Nguyễn Hà",
    },
    "nguyen ha": {
        "Nguyễn Nguyễn Hà",
        "Nguyễn Văn Hải",
        "Hải Nguyễn Văn",
        "Nguyễn Thị Hải Yến",
        "Nguyễn Văn Hạnh",
    },
    "thi thu h": {"Lò Thị Thu Hà"},
    "THỊ hải y": {"Nguyễn Thị Hải Yến"},
    "hai nguyen": {"Hải Nguyễn Văn", "Nguyễn Văn Hải", "Nguyễn Thị Hải Yến"},
    "vang a pao": {"Vàng A Páo"},
    "a pa": {"Vàng A Páo"},
    "van thi": {"Văn Thị Vân"},
    "tran van hai": set(),
    "thi": {"Nguyễn Thị Hải Yến", "Văn Thị Vân", "Lò Thị Thu Hà"},
}


@pytest.mark.parametrize("q", CASES)
def test_a_name_matches_each_word_the_last_one_unfinished(personas, q):
    unit = personas.units["department"]
    add_people(unit, NAMES)
    people = Person.objects.filter(full_name__in=NAMES)
    found = search.name_condition(people, q)
    assert set(found.values_list("full_name", flat=True)) == CASES[q]
    # The pages' path (first_matches filters by itself): the same people, in name order.
    ids = search.first_matches(people, 20, q) if search.words(q) else []
    expected = found.order_by("search_name", "id").values_list("pk", flat=True)
    assert ids == list(expected)


def test_the_first_matches_are_the_lowest_ids_sorted_by_name(personas):
    """Past the limit, the first matches are those the text index lists first (its rowid
    order on SQLite, as the page found them when the index's whole list was read); the
    page shows them sorted by name."""
    from django.db import connection

    unit = personas.units["department"]
    add_people(unit, NAMES * 3)
    people = Person.objects.filter(full_name__in=NAMES)
    ids = search.first_matches(people, 4, "thi")
    matches = search.name_condition(people, "thi")
    assert len(ids) == 5 and set(ids) <= set(matches.values_list("pk", flat=True))
    assert ids == list(
        Person.objects.filter(pk__in=ids).order_by("search_name", "id").values_list("pk", flat=True)
    )
    if connection.vendor == "sqlite":
        assert set(ids) == set(matches.order_by("id").values_list("pk", flat=True)[:5])


def test_the_pairs_query_is_implied_by_the_words():
    assert search.word_pairs(["nguyen", "van", "hai"]) == "'nguyen>hai':* & 'nguyen>van'"
    assert search.word_pairs(["van", "va"]) == ""  # "van" alone has both
    assert search.word_pairs(["nguyen", "nguyen"]) == ""
    assert search.word_pairs(["thi", "thu", "th"]) == "'thi>thu'"
    assert search.word_pairs(["thi"]) == ""


def test_a_common_word_read_in_table_order_finds_the_same_people(personas, monkeypatch):
    """PostgreSQL reads the table instead of the word index for a word common enough (at a
    million names, "thi"); forced here, the first matches are the same and the planner's
    setting is given back."""
    from django.db import connection

    unit = personas.units["department"]
    add_people(unit, NAMES * 3)
    qs = Person.objects.filter(full_name__in=NAMES)
    by_index = search.first_matches(qs, 4, "thi")
    monkeypatch.setattr(search, "TABLE_COST", 0)
    if connection.vendor == "postgresql":
        assert search.common_word("thi", 4) and not search.common_word("nguyen van", 4)
    by_table = search.first_matches(qs, 4, "thi")
    assert len(by_index) == len(by_table) == 5
    names = dict(Person.objects.values_list("pk", "full_name"))
    assert {names[pk] for pk in by_table} <= CASES["thi"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_bitmapscan")
            assert cursor.fetchone() == ("on",)


def test_the_table_is_read_from_its_start_on_one_process_and_the_settings_come_back(personas):
    """A parallel scan or one joining a scan already running would change which first matches
    a page lists from one request to the next (and starting its workers cost more than the
    read): the read runs without them, and the session's settings are given back."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite reads its text index in rowid order")
    settings = list(search.TABLE_ORDER)

    def current() -> dict[str, str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(['current_setting(%s)'] * len(settings))}", settings)
            return dict(zip(settings, cursor.fetchone(), strict=True))

    class Rows:  # what the read sees, in place of the query's rows
        def __iter__(self):
            seen.update(current())
            return iter([("giang thi my", 1)])

    seen: dict[str, str] = {}
    before = current()
    assert search._read_in_table_order(Rows()) == [("giang thi my", 1)]
    assert seen == search.TABLE_ORDER
    assert current() == before
