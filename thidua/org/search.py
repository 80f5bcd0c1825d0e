"""Searching people and units without diacritics: "giang thi my" finds Giàng Thị Mỷ.

A query is cut into words (lower case, no accents, letters and digits); a name matches when
it has each word of the query, the last one possibly unfinished ("nguyen van h" finds Nguyễn
Văn Hải). A prefix on every word cost four times more at national scale: the index merges the
whole list of every word starting so, where a whole word is read with skips (bench/people.py).
People are many (a million at national scale): SQLite answers from an FTS5 index of
``org_person.search_name`` (with its words' first letters, org 0010), PostgreSQL from a GIN
full-text index of ``to_tsvector('simple', search_name)`` (migration org 0006: trigrams were
slower than a scan on the common Vietnamese names), joined for two words or more by a GIN index
of pairs of words (org 0009: the lists of "nguyen" and "van" are long, that of "nguyen>van"
short), and for a very common single word by reading the table until enough names are found
(``common_word``). Units are few (thousands): a plain ``LIKE`` on their ``search_name`` is
enough.
"""

from __future__ import annotations

import re

from django.db import connection, transaction
from django.db.models import Q, QuerySet

from thidua.core.text import ascii_key

from .models import Person, Unit

MAX_WORDS = 6


def words(q: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", ascii_key(q))[:MAX_WORDS]


def name_condition(qs: QuerySet[Person], q: str) -> QuerySet[Person]:
    found = words(q)
    if not found:
        return qs
    if connection.vendor == "sqlite":
        return qs.extra(  # noqa: S610 - fixed SQL; the value is a parameter
            where=[
                "org_person.id IN (SELECT rowid FROM org_person_fts WHERE org_person_fts MATCH %s)"
            ],
            params=[fts_match(found)],
        )
    # Letters and digits only: no tsquery operator can come from the user's text.
    if pairs := word_pairs(found):
        # The same answer as the words' test (the pairs are made of the same lexemes), read
        # from short lists. Alone in the query, so the planner estimates it from its own index.
        return qs.extra(  # noqa: S610 - fixed SQL; the value is a parameter
            where=["thidua_word_pairs(org_person.search_name) @@ %s::tsquery"], params=[pairs]
        )
    return qs.extra(  # noqa: S610 - fixed SQL; the value is a parameter
        where=["to_tsvector('simple', org_person.search_name) @@ to_tsquery('simple', %s)"],
        params=[" & ".join([*found[:-1], f"{found[-1]}:*"])],
    )


def word_pairs(found: list[str]) -> str:
    """The pairs' query (PostgreSQL, org migration 0009) equivalent to the words' test of
    ``found``: each whole word paired with a first one, which is also paired with the
    unfinished last word unless that may be the same word ("nguyen van hai" -> 'nguyen>hai':* &
    'nguyen>van'). Empty when the query has a single word or its words may all be one word of
    the name ("van va": "van" alone has both)."""
    *whole, last = found
    whole = list(dict.fromkeys(whole))
    partners = [w for w in whole if not w.startswith(last)]
    if not partners and len(whole) < 2:
        return ""
    anchor = partners[0] if partners else whole[0]
    terms = [f"'{anchor}>{last}':*"] if partners else []
    terms += [f"'{anchor}>{w}'" for w in whole if w != anchor]
    # Equivalent: the anchor does not start with the last word, so "a word starting with it"
    # is a word other than the anchor; when every whole word starts with it, the anchor is one.
    return " & ".join(terms)


def unit_condition(qs: QuerySet[Unit], q: str) -> QuerySet[Unit]:
    condition = Q()
    for word in words(q):
        condition &= Q(search_name__startswith=word) | Q(search_name__contains=f" {word}")
    return qs.filter(condition)


def fts_match(found: list[str]) -> str:
    """SQLite's FTS5 query: every whole word, the last one possibly unfinished."""
    *whole, last = found
    return " AND ".join([*(f'"{w}"' for w in whole), f'"{last}"*'])


def first_matches(qs: QuerySet[Person], limit: int, q: str) -> list[int]:
    """The ids of up to ``limit + 1`` matches of ``q`` in ``qs`` (not yet filtered by it), in
    name order. The index answers the first matches without sorting them all (a common word
    matches a quarter of the country); they are sorted here. Past ``limit`` the page asks for
    more of the name, so which matches come first then matters less than answering at once."""
    if connection.vendor == "sqlite":
        # The index drives, in its rowid order, and stops at ``limit + 1``: the same first
        # matches as ``name_condition``'s list, which SQLite builds whole before reading a row
        # (for "thi", a quarter of a million ids: 36 ms of the national page, now 5).
        first = qs.order_by().extra(  # noqa: S610 - fixed SQL; the value is a parameter
            tables=["org_person_fts"],
            where=["org_person_fts.rowid = org_person.id", "org_person_fts MATCH %s"],
            params=[fts_match(words(q))],
            order_by=["org_person_fts.rowid"],
        )
        rows = list(first.values_list("search_name", "id")[: limit + 1])
    else:
        first = name_condition(qs, q).order_by().values_list("search_name", "id")[: limit + 1]
        rows = _read_in_table_order(first) if common_word(q, limit) else list(first)
    return [pk for _name, pk in sorted(rows)]


# Reading the table costs about ten times more a name than the index an entry (its words are
# parsed again), so it pays when share² × names ≥ TABLE_COST × rows wanted: at a million names
# from a share of about 7 %, among 30,000 only past a third.
TABLE_COST = 9


def common_word(q: str, limit: int) -> bool:
    """PostgreSQL: is ``q`` a single word so common that reading the table in its order finds
    ``limit + 1`` matches sooner than the word index lists them all? The index answers only
    with the whole list of its matches (for "thi", a quarter of a million names nationally,
    190 ms), where reading the table stops at the first ``limit + 1``. The share is from the
    statistics of the word index (its commonest words, about a thousand)."""
    found = words(q)
    if len(found) != 1:
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(m.f), 0), (SELECT reltuples FROM pg_class WHERE oid ="
            " 'org_person'::regclass) FROM pg_stats s, unnest(s.most_common_elems::text::text[],"
            " s.most_common_elem_freqs) AS m(e, f) WHERE s.tablename = 'org_person_search_tsv'"
            " AND starts_with(m.e, %s)",
            [found[0]],
        )
        share, names = cursor.fetchone()
    return share * share * max(names, 0) >= TABLE_COST * (limit + 1)


# Read in the table's own order from its start, on one process: a parallel scan's two
# workers cost more to start (≈ 5 ms nationally) than reading 501 matches (1.5 ms), and
# interleave their rows, and a scan joining one already running starts mid-table; either
# would make which first matches a page lists change from one request to the next.
TABLE_ORDER = {
    "enable_bitmapscan": "off",
    "max_parallel_workers_per_gather": "0",
    "synchronize_seqscans": "off",
}


def _read_in_table_order(rows: QuerySet[Person, tuple[str, int]]) -> list[tuple[str, int]]:
    names = list(TABLE_ORDER)
    with transaction.atomic(), connection.cursor() as cursor:
        setting = ", ".join(["set_config(%s, %s, true)"] * len(names))
        # One statement: the settings as they were (read first, left to right), then changed.
        cursor.execute(
            f"SELECT {', '.join(['current_setting(%s)'] * len(names))}, {setting}",
            [*names, *(v for n in names for v in (n, TABLE_ORDER[n]))],
        )
        before = cursor.fetchone()[: len(names)]
        setting = f"SELECT {setting}"
        try:
            return list(rows)
        finally:
            cursor.execute(setting, [v for n, b in zip(names, before, strict=True) for v in (n, b)])
