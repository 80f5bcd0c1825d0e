"""The members of collectives with their annual ratings, for the criteria that count them.

A collective's members are the people employed (``org.Employment``) in the unit or any unit
under it; each member carries the dates of that employment, so a criterion picks the members
of a given day. Two queries whatever the number of collectives: the subtree is a join on the
materialised path, never one query per unit.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from thidua.org.models import Employment, Unit

from .models import AnnualRating

# (collective id, person id, employed from, employed to)
MemberRow = tuple[int, int, date | None, date | None]


def _members_sql(unit_ids: QuerySet[Any] | list[int]) -> tuple[str, list[Any]]:
    params: list[Any]
    if isinstance(unit_ids, QuerySet):
        inner, compiled = unit_ids.query.sql_with_params()
        params = list(compiled)
    else:
        params = list(unit_ids) or [0]
        inner = ", ".join(["%s"] * len(params))
    employment, unit = Employment._meta.db_table, Unit._meta.db_table
    sql = (
        # Table names and a compiled queryset: every value is a parameter.
        f"SELECT c.id, e.person_id, e.valid_from, e.valid_to FROM {employment} e "  # noqa: S608
        f"JOIN {unit} u ON u.id = e.unit_id "
        f"JOIN {unit} c ON u.path LIKE (c.path || '%%') "
        f"WHERE c.id IN ({inner})"
    )
    return sql, params


def members_with_ratings(
    unit_ids: QuerySet[Any] | list[int],
) -> dict[int, list[tuple[int, date | None, date | None, dict[int, str]]]]:
    """For each collective of ``unit_ids`` (ids or a one-column queryset of ids): its members
    as (person id, employed from, employed to, {year: rating})."""
    sql, params = _members_sql(unit_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[MemberRow] = cursor.fetchall()
    if not rows:
        return {}
    ratings: dict[int, dict[int, str]] = defaultdict(dict)
    rating_table = AnnualRating._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT r.person_id, r.year, r.level FROM {rating_table} r "  # noqa: S608
            f"WHERE r.person_id IN (SELECT m.person_id FROM ({sql}) m)",
            params,
        )
        for person_id, year, level in cursor.fetchall():
            ratings[person_id][year] = level
    members: dict[int, list[tuple[int, date | None, date | None, dict[int, str]]]] = defaultdict(
        list
    )
    empty: dict[int, str] = {}
    for unit_id, person_id, valid_from, valid_to in rows:
        members[unit_id].append(
            (person_id, _as_date(valid_from), _as_date(valid_to), ratings.get(person_id, empty))
        )
    return members


def _as_date(value: Any) -> date | None:
    # SQLite's raw cursor returns dates as text.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
