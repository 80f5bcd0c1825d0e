"""A campaign's criteria sets, each with its subject category and its criteria, in one query.

The evaluation needs them on every dossier page: two ORM queries (the sets, then their
criteria) cost more to compile than to run (bench/portal.py). Here one LEFT JOIN, read with a
plain cursor, gives the same model instances (``core.lookups.instance_reader``: the ORM's
converters applied, JSON fields decoded)."""

from __future__ import annotations

from django.db import connection

from thidua.campaigns.models import AwardForm, Campaign, CriteriaSet, Criterion, SubjectCategory
from thidua.core.lookups import instance_reader

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
    read_set, read_category, read_criterion = (
        instance_reader(model, group) for model, group in zip(MODELS, fields, strict=True)
    )
    sizes = [len(group) for group in fields]
    pk = [group.index(model._meta.pk) for model, group in zip(MODELS, fields, strict=True)]
    for row in rows:
        values = iter(row)
        set_row, category_row, criterion_row = (
            [next(values) for _ in range(size)] for size in sizes
        )
        set_id = set_row[pk[0]]
        if set_id not in found:
            criteria_set = read_set(set_row)
            criteria_set.subject_category = read_category(category_row)
            found[set_id] = (criteria_set, [])
        if criterion_row[pk[2]] is not None:  # a set without criteria has one row of NULLs
            found[set_id][1].append(read_criterion(criterion_row))
    return list(found.values())
