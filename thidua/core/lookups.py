"""``field__any_of=ids``: a few hundred ids in one query parameter.

Django's ``__in`` with a list prepares and binds every id (≈ 0.75 ms for 300 ids, more than
running the query), and with a subquery PostgreSQL misjudges how many rows it yields and scans
the whole table (a dossier's 300 people among a province's 30,000). Written once as one text
parameter, an array on PostgreSQL (``= ANY(%s)``) or a JSON list on SQLite (``json_each``), the
ids cost one bind and the database probes the column's index for each (bench/portal.py, the
dossier page).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup, Q, QuerySet


@ForeignObject.register_lookup  # foreign keys read only their own class's lookups
@Field.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> Ids:
        return self.rhs if isinstance(self.rhs, Ids) else Ids(self.rhs)

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = self.rhs
        if not ids.ids:
            raise EmptyResultSet
        # The ids written as one text parameter: psycopg would check each of a list's items.
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", (*params, f"{{{ids.text}}}")
        if connection.vendor == "sqlite":
            sql = f"{lhs} IN (SELECT value FROM json_each(%s))"  # noqa: S608 - lhs is a column
            return sql, (*params, f"[{ids.text}]")
        return f"{lhs} IN ({', '.join(['%s'] * len(ids.ids))})", (*params, *ids.ids)


class Ids:
    """Ids in hand, to be matched with ``any_of`` rather than ``__in`` (see ``among``). Not a
    sequence on purpose: Django walks a list or tuple given to a lookup id by id."""

    __slots__ = ("ids", "text")

    def __init__(self, ids: Iterable[int]) -> None:
        self.ids = sorted({int(pk) for pk in ids})
        self.text = ",".join(map(str, self.ids))  # written once, used by every query


def among(column: str, ids: Ids | QuerySet | Iterable[int]) -> Q:
    """Rows whose ``column`` is one of ``ids``: ``Ids`` through one parameter, anything else
    (a one-column subquery, a list) through ``__in``."""
    if isinstance(ids, Ids):
        return Q(**{f"{column}__any_of": ids})
    return Q(**{f"{column}__in": ids})
