"""A campaign's criteria sets, each with its subject category and its criteria, in one query.

The evaluation needs them on every dossier page: two ORM queries (the sets, then their
criteria) cost more to compile than to run (bench/portal.py). Here one LEFT JOIN, read with a
plain cursor, gives the same model instances (``Model.from_db``, JSON fields decoded as the
ORM decodes them)."""

from __future__ import annotations

from django.db import connection
from django.db.models import Model

from thidua.campaigns.models import AwardForm, Campaign, CriteriaSet, Criterion, SubjectCategory

MODELS = (CriteriaSet, SubjectCategory, Criterion)


def criteria_sets(campaign: Campaign) -> list[tuple[CriteriaSet, list[Criterion]]]:
    """Every criteria set of the campaign's award forms, by subject category order then id
    (``subject_category`` already loaded), with its criteria in their order (order, id)."""
    q = connection.ops.quote_name
    fields = [list(model._meta.concrete_fields) for model in MODELS]
    columns = ", ".join(
        f"{alias}.{q(f.column)}" for alias, group in zip("sgc", fields, strict=True) for f in group
    )
    sql = (
        f"SELECT {columns} FROM {q(CriteriaSet._meta.db_table)} s "  # noqa: S608 - names only
        f"JOIN {q(SubjectCategory._meta.db_table)} g ON g.id = s.subject_category_id "
        f"LEFT JOIN {q(Criterion._meta.db_table)} c ON c.criteria_set_id = s.id "
        f"WHERE s.award_form_id IN (SELECT id FROM {q(AwardForm._meta.db_table)} "
        "WHERE campaign_id = %s) "
        f"ORDER BY g.{q('order')}, s.id, c.{q('order')}, c.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [campaign.pk])
        rows = cursor.fetchall()
    found: dict[int, tuple[CriteriaSet, list[Criterion]]] = {}
    sizes = [len(group) for group in fields]
    pk = [group.index(model._meta.pk) for model, group in zip(MODELS, fields, strict=True)]
    for row in rows:
        values = iter(row)
        set_row, category_row, criterion_row = (
            [next(values) for _ in range(size)] for size in sizes
        )
        set_id = set_row[pk[0]]
        if set_id not in found:
            criteria_set = _instance(CriteriaSet, fields[0], set_row)
            criteria_set.subject_category = _instance(SubjectCategory, fields[1], category_row)
            found[set_id] = (criteria_set, [])
        if criterion_row[pk[2]] is not None:  # a set without criteria has one row of NULLs
            found[set_id][1].append(_instance(Criterion, fields[2], criterion_row))
    return list(found.values())


def _instance(model: type[Model], fields, values: list) -> Model:
    """The instance the ORM would build from these column values (its converters applied:
    JSON decoded; SQLite's driver already turned dates into dates)."""
    for i, field in enumerate(fields):
        if values[i] is not None and hasattr(field, "from_db_value"):
            values[i] = field.from_db_value(values[i], None, connection)
    return model.from_db(connection.alias, [f.attname for f in fields], values)
