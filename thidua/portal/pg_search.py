"""PostgreSQL: how the portal's name search finds the recipients whose name has every word of
the query at the start of one of its words (portal/public.py, SEARCH_SQL).

The words' test is ``(' ' || search_name) LIKE '% w%'`` per word, answered from the trigram
index (decisions 0006). At national scale its lists are long: "tran thi" read the table newest
first through 20,000 names for its 501 newest matches, "nguyen van hai" merged the lists of
" ng", "van", "hai"… for 14 names. With two words of which neither starts with the other, the
index of pairs of words (decisions 0017) lists only the names that have both: ``'tran>thi':*``.
The words' test is then written with ``strpos`` (the same test), which no index answers: with
LIKE the planner also read the trigram lists, and their inexact answer made it recompute every
listed row's pairs (65 ms for "tran thi"). The words' test still decides which names match.

A pair shared by a large part of the names (in real data "nguyen thi") is answered faster by
the table read newest first, which stops at the 501st match, than by the pair's whole list:
that choice is made from the statistics of the pairs' index (their commonest thousand)."""

from __future__ import annotations

import time
from bisect import bisect_left

from django.db import connection

# A name of a pair's list costs about four times a name read in the table's order (its page
# fetched for it alone, 0.8 against 0.2 µs at national scale): the list is read whole
# (share × names), the table until ``wanted`` matches (wanted / share), so the table is the
# faster when share² × names ≥ TABLE_COST × wanted ("tran thi", 2.2 % of 100,000: the list).
TABLE_COST = 0.25
STATISTICS_TTL = 300.0  # seconds a process keeps the pairs' statistics

Statistics = tuple[list[str], list[float], float]  # commonest pairs (sorted), shares, names
_statistics: dict[str, tuple[float, Statistics]] = {}  # per database, with the time read


def pairs(words: list[str]) -> list[str]:
    """The pairs that the words' test implies, each a prefix of the index's pairs: one word
    paired with every other that neither starts with it nor begins it (two such words are two
    words of the name). Empty when there is no such pair ("van va": one word may have both)."""
    unrelated = {
        a: list(dict.fromkeys(b for b in words if not (a.startswith(b) or b.startswith(a))))
        for a in words
    }
    anchor = max(words, key=lambda a: len(unrelated[a]))  # the first of the most paired
    return [f"{anchor}>{b}" for b in unrelated[anchor]]


def _pair_statistics() -> Statistics:
    """The statistics of the pairs' index (its thousand commonest pairs and their shares of
    the names) and the number of names, read once every STATISTICS_TTL seconds."""
    database = connection.settings_dict["NAME"]
    read_at, statistics = _statistics.get(database, (-STATISTICS_TTL, ([], [], 0.0)))
    if time.monotonic() - read_at < STATISTICS_TTL:
        return statistics
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs,"
            " (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'decisions_recipient'::regclass)"
            " FROM pg_stats s WHERE s.tablename = 'decisions_recipient_prefix_pairs'"
        )
        row = cursor.fetchone()
    # Not analysed yet (a new table): no statistics, every pair is taken for rare.
    found = sorted(zip(row[0], row[1], strict=False)) if row and row[0] else []
    names = max(row[2], 0.0) if found else 0.0
    statistics = ([p for p, _f in found], [f for _p, f in found], names)
    _statistics[database] = (time.monotonic(), statistics)
    return statistics


def common(prefixes: list[str], wanted: int) -> bool:
    """Would reading the table newest first find ``wanted`` matches sooner than the pairs'
    lists list them all? A prefix's share is the sum of the commonest pairs it begins (none
    listed: rare); the query's is that of its rarest prefix."""
    listed, shares, names = _pair_statistics()
    share = min(
        sum(shares[bisect_left(listed, prefix) : bisect_left(listed, prefix + "\uffff")])
        for prefix in prefixes
    )
    return share * share * names >= TABLE_COST * wanted


def condition(words: list[str], wanted: int) -> tuple[str, list]:
    """The words' test of SEARCH_SQL on the recipients ``r0`` and its parameters."""
    prefixes = pairs(words)
    if prefixes and not common(prefixes, wanted):
        tests = ["strpos(' ' || r0.search_name, %s) > 0"] * len(words)
        query = " & ".join(f"'{prefix}':*" for prefix in prefixes)  # letters, digits and >
        return " AND ".join(["thidua_prefix_pairs(r0.search_name) @@ %s::tsquery", *tests]), [
            query,
            *(f" {word}" for word in words),
        ]
    # Letters and digits only: nothing to escape in a LIKE pattern. The trigram index is on
    # " " || search_name (decisions migration 0006), so the first word needs no second test.
    likes = ["(' ' || r0.search_name) LIKE %s"] * len(words)
    return " AND ".join(likes), [f"% {word}%" for word in words]
