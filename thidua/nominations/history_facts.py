"""What the history says of many subjects at once, read in a fixed number of queries: the
evaluation of candidates and the review of who is missed both read it this way. Read with a
plain cursor (``core.lookups``): compiling these queries cost more than running them."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import connection

from thidua.core.lookups import ids_condition, rows_among
from thidua.eligibility import engine
from thidua.records.models import AnnualRating, Initiative, ReviewCase

from .models import CandidateAttestation


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


def read_open_cases(person_ids, unit_ids, today) -> dict[tuple[str, int], list[ReviewCase]]:
    """The review cases open on ``today`` of the subjects given (as for ``read_ratings``), by
    ("p", person id) or ("u", unit id), the latest opened first. One query."""
    conditions, params = [], []
    for column, ids in (("person_id", person_ids), ("unit_id", unit_ids)):
        if ids is not None:
            condition, more = ids_condition(column, ids, connection.vendor)
            conditions.append(condition)
            params += more
    found: dict[tuple[str, int], list[ReviewCase]] = defaultdict(list)
    if not conditions:
        return found
    columns = ("id", "person_id", "unit_id", "kind", "opened_on", "closed_on", "note")
    sql = (
        f"SELECT {', '.join(columns)} FROM {ReviewCase._meta.db_table} "  # noqa: S608
        f"WHERE ({' OR '.join(conditions)}) AND opened_on <= %s "
        "AND (closed_on IS NULL OR closed_on >= %s) ORDER BY opened_on DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, today, today])
        for row in cursor.fetchall():
            case = ReviewCase(**dict(zip(columns, row, strict=True)))
            found[("p", case.person_id) if case.person_id else ("u", case.unit_id)].append(case)
    return found


def read_attestations(candidate_ids) -> dict[int, dict[str, engine.Attestation]]:
    """{candidate id: {criterion id: Attestation}} of the candidates given (``Ids`` or a
    one-column queryset of their ids), with the name of who confirmed. One query."""
    user = get_user_model()._meta.db_table
    condition, params = ids_condition("a.candidate_id", candidate_ids, connection.vendor)
    sql = (
        "SELECT a.candidate_id, a.criterion_id, a.confirmed, a.note, "  # noqa: S608
        f"u.first_name, u.last_name, u.username FROM {CandidateAttestation._meta.db_table} a "
        f"LEFT JOIN {user} u ON u.id = a.by_id WHERE {condition}"
    )
    found: dict[int, dict[str, engine.Attestation]] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for candidate_id, criterion_id, confirmed, note, first, last, username in cursor:
            # What User.get_full_name() or the username says; nobody for a deleted account.
            by = (f"{first} {last}".strip() or username) if username is not None else ""
            found[candidate_id][str(criterion_id)] = engine.Attestation(confirmed, note, by)
    return found
