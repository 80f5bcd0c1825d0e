"""``field__any_of=ids``: a few hundred ids in one query parameter.

Django's ``__in`` with a list prepares and binds every id (≈ 0.75 ms for 300 ids, more than
running the query), and with a subquery PostgreSQL misjudges how many rows it yields and scans
the whole table (a dossier's 300 people among a province's 30,000). Passed as one array
(PostgreSQL: ``= ANY(%s)``) or one JSON list (SQLite: ``json_each``), the ids cost one bind and
the database probes the column's index for each (bench/portal.py, the dossier page).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup, Q, QuerySet


@ForeignObject.register_lookup  # foreign keys read only their own class's lookups
@Field.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> list[int]:
        return self.rhs.ids if isinstance(self.rhs, Ids) else sorted({int(pk) for pk in self.rhs})

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = self.rhs
        if not ids:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", (*params, ids)
        if connection.vendor == "sqlite":
            sql = f"{lhs} IN (SELECT value FROM json_each(%s))"  # noqa: S608 - lhs is a column
            return sql, (*params, json.dumps(ids))
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", (*params, *ids)


class Ids:
    """Ids in hand, to be matched with ``any_of`` rather than ``__in`` (see ``among``). Not a
    sequence on purpose: Django walks a list or tuple given to a lookup id by id."""

    __slots__ = ("ids",)

    def __init__(self, ids: Iterable[int]) -> None:
        self.ids = sorted(ids)

    def __len__(self) -> int:
        return len(self.ids)


def among(column: str, ids: Ids | QuerySet | Iterable[int]) -> Q:
    """Rows whose ``column`` is one of ``ids``: ``Ids`` through one parameter, anything else
    (a one-column subquery, a list) through ``__in``."""
    if isinstance(ids, Ids):
        return Q(**{f"{column}__any_of": ids})
    return Q(**{f"{column}__in": ids})
