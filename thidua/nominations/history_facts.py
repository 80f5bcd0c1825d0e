"""What the history says of many subjects at once, read in a fixed number of queries: the
evaluation of candidates and the review of who is missed both read it this way."""

from __future__ import annotations

from collections import defaultdict

from thidua.core.lookups import rows_among
from thidua.eligibility import engine
from thidua.records.models import AnnualRating, Initiative


def read_ratings(person_ids, unit_ids) -> dict[str, dict]:
    """{"p": {person_id: {year: level}}, "u": {unit_id: {year: level}}}. One query per kind of
    subject (not one OR): each can use its index at national scale. The ids may be a list or a
    subquery; None for none of a kind (its query is not even built)."""
    ratings: dict[str, dict] = {"p": defaultdict(dict), "u": defaultdict(dict)}
    for prefix, column, ids in (("p", "person_id", person_ids), ("u", "unit_id", unit_ids)):
        if ids is None:
            continue
        for subject_id, year, level in rows_among(
            AnnualRating, (column, "year", "level"), column, ids
        ):
            ratings[prefix][subject_id][year] = level
    return ratings


def read_initiatives(person_ids) -> dict[int, list]:
    """{person_id: [InitiativeFact…]} in one query (none when ``person_ids`` is None)."""
    initiatives: dict[int, list] = defaultdict(list)
    if person_ids is None:
        return initiatives
    columns = ("id", "person_id", "title", "recognized_on", "authority_level", "used_for")
    for pk, person_id, title, recognized_on, level, used_for in rows_among(
        Initiative, columns, "person_id", person_ids, order="recognized_on DESC"
    ):
        initiatives[person_id].append(
            engine.InitiativeFact(str(pk), title, recognized_on, level, used_for or None)
        )
    return initiatives
