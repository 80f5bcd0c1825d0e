"""``field__any_of`` / ``among``: the same rows as ``__in``, with the ids in one parameter."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from thidua.core.lookups import Ids, among, rows_among
from thidua.org.models import Person, Unit
from thidua.records.models import MaternityLeave


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


@pytest.mark.django_db
def test_rows_among_reads_what_the_orm_reads():
    """Plain cursor rows: the same values and types as ``values_list`` (dates as dates on
    SQLite too), for ``Ids``, a list and a one-column subquery."""
    person = Person.objects.order_by("pk").first()
    other = Person.objects.order_by("pk").last()
    MaternityLeave.objects.create(
        person=person, starts_on=date(2024, 11, 1), ends_on=date(2025, 4, 30)
    )
    MaternityLeave.objects.create(
        person=other, starts_on=date(2023, 1, 2), ends_on=date(2023, 6, 30)
    )
    columns = ("person_id", "starts_on", "ends_on")
    expected = list(
        MaternityLeave.objects.filter(person__in=[person, other])
        .order_by("-starts_on")
        .values_list(*columns)
    )
    assert isinstance(expected[0][1], date)
    for ids in (
        Ids([person.pk, other.pk, 10**9]),
        [person.pk, other.pk],
        Person.objects.filter(pk__in=[person.pk, other.pk]).values("pk"),
    ):
        rows = rows_among(MaternityLeave, columns, "person_id", ids, order="starts_on DESC")
        assert [tuple(r) for r in rows] == expected
    assert rows_among(MaternityLeave, columns, "person_id", Ids([person.pk])) == [
        (person.pk, date(2024, 11, 1), date(2025, 4, 30))
    ]
    assert rows_among(MaternityLeave, columns, "person_id", Ids([])) == []
