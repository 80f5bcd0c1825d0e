"""``field__any_of=ids``: a few hundred ids in one query parameter.

Django's ``__in`` with a list prepares and binds every id (≈ 0.75 ms for 300 ids, more than
running the query), and with a subquery PostgreSQL misjudges how many rows it yields and scans
the whole table (a dossier's 300 people among a province's 30,000). Written once as one text
parameter, an array on PostgreSQL (``= ANY(%s)``) or a JSON list on SQLite (``json_each``), the
ids cost one bind and the database probes the column's index for each (bench/portal.py, the
dossier page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Field, ForeignObject, Lookup, Model, Q, QuerySet

M = TypeVar("M", bound=Model)


@ForeignObject.register_lookup  # foreign keys read only their own class's lookups
@Field.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> Ids:
        return self.rhs if isinstance(self.rhs, Ids) else Ids(self.rhs)

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if not self.rhs.ids:
            raise EmptyResultSet
        sql, more = ids_condition(lhs, self.rhs, connection.vendor)
        return sql, (*params, *more)


class Ids:
    """Ids in hand, to be matched with ``any_of`` rather than ``__in`` (see ``among``). Not a
    sequence on purpose: Django walks a list or tuple given to a lookup id by id."""

    __slots__ = ("ids", "text")

    def __init__(self, ids: Iterable[int]) -> None:
        self.ids = sorted({int(pk) for pk in ids})
        self.text = ",".join(map(str, self.ids))  # written once, used by every query


def ids_condition(column: str, ids: Ids | QuerySet, vendor: str) -> tuple[str, list]:
    """SQL and parameters for ``column`` among ``ids``: ``Ids`` as one text parameter (an array
    on PostgreSQL, a JSON list on SQLite), a one-column queryset as its subquery."""
    if isinstance(ids, QuerySet):
        inner, params = ids.order_by().query.sql_with_params()
        return f"{column} IN ({inner})", list(params)
    if vendor == "postgresql":
        return f"{column} = ANY(%s::bigint[])", [f"{{{ids.text}}}"]
    if vendor == "sqlite":
        sql = f"{column} IN (SELECT value FROM json_each(%s))"  # noqa: S608 - a column name
        return sql, [f"[{ids.text}]"]
    return f"{column} IN ({', '.join(['%s'] * len(ids.ids))})", list(ids.ids)


def rows_among(
    model: type[Model],
    columns: Sequence[str],
    column: str,
    ids: Ids | QuerySet | Iterable[int],
    order: str = "",
) -> list[tuple]:
    """The ``columns`` of ``model``'s rows whose ``column`` is among ``ids``, read with a plain
    cursor: the ORM compiling such a query cost a dossier's page ≈ 0.3 ms, more than running it
    (bench/portal.py). Plain columns only (SQLite's driver turns ``date`` columns into dates);
    ``order``: an ORDER BY clause."""
    if not isinstance(ids, (Ids, QuerySet)):
        ids = Ids(ids)
    if isinstance(ids, Ids) and not ids.ids:
        return []
    where, params = ids_condition(column, ids, connection.vendor)
    # Names from the caller's code and a compiled queryset: every value is a parameter.
    sql = f"SELECT {', '.join(columns)} FROM {model._meta.db_table} WHERE {where}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} ORDER BY {order}" if order else sql, params)
        return cursor.fetchall()


def among(column: str, ids: Ids | QuerySet | Iterable[int]) -> Q:
    """Rows whose ``column`` is one of ``ids``: ``Ids`` through one parameter, anything else
    (a one-column subquery, a list) through ``__in``."""
    if isinstance(ids, Ids):
        return Q(**{f"{column}__any_of": ids})
    return Q(**{f"{column}__in": ids})


def instance_reader(model: type[M], fields: Sequence[Field]) -> Callable[[Sequence], M]:
    """Builds from a row of ``fields``' columns, read with a plain cursor, the instance the
    ORM would build: each value through the converters the ORM's compiler applies (the
    backend's, then the field's, e.g. JSON decoded). The converters are looked up once."""
    table = model._meta.db_table
    converted = []  # (position, column, its converters), for the fields that have some
    for i, field in enumerate(fields):
        column = field.get_col(table)
        converters = [
            *connection.ops.get_db_converters(column),
            *column.get_db_converters(connection),
        ]
        if converters:
            converted.append((i, column, converters))
    names = [f.attname for f in fields]
    alias = connection.alias

    def read(row: Sequence) -> M:
        values = list(row)
        for i, column, converters in converted:
            for convert in converters:
                values[i] = convert(values[i], column, connection)
        return model.from_db(alias, names, values)

    return read
