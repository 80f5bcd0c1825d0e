"""``field__any_of`` / ``among``: the same rows as ``__in``, with the ids in one parameter."""

from __future__ import annotations

import pytest
from django.db import connection

from thidua.core.lookups import Ids, among
from thidua.org.models import Person, Unit


@pytest.mark.django_db
def test_any_of_finds_what_in_finds():
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True)[:40])
    wanted = people[::3] + [10**9]  # an id that matches nothing
    expected = set(Person.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    assert expected and len(expected) == len(people[::3])
    assert set(Person.objects.filter(among("pk", Ids(wanted))).values_list("pk", flat=True)) == (
        expected
    )
    # Through a foreign key, and a column reached through a join.
    units = {u for u in Person.objects.filter(pk__in=wanted).values_list("unit_id", flat=True)}
    assert (
        set(Person.objects.filter(among("unit_id", Ids(units))).values_list("unit_id", flat=True))
        == units
    )
    assert Unit.objects.filter(among("people__pk", Ids(wanted))).exists()


@pytest.mark.django_db
def test_ids_are_one_parameter_and_none_match_nothing():
    wanted = list(Person.objects.values_list("pk", flat=True)[:30])
    _sql, params = Person.objects.filter(among("pk", Ids(wanted))).query.sql_with_params()
    assert len(params) == (1 if connection.vendor in ("postgresql", "sqlite") else len(wanted))
    assert not Person.objects.filter(among("pk", Ids([]))).exists()
    # Anything but Ids goes through __in (subqueries stay subqueries).
    subquery = Person.objects.filter(pk__in=wanted).values("pk")
    assert Person.objects.filter(among("pk", subquery)).count() == len(wanted)
