"""The only code that changes the staff (people) of a unit: add, edit, move between units, end
employment, merge duplicates. Each action checks permission (MANAGE_PEOPLE over the person's
unit, and over the new unit for a move) and state, writes inside one transaction and records
an audit entry. ``search_name`` (lower case, no diacritics) is written with every name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from thidua.core import audit
from thidua.core.errors import ServiceError
from thidua.core.text import ascii_key, clean_text, text_key

from . import access
from .access import Actor, Perm
from .models import Employment, Person, Unit

# The fields a person's form (page or API) may set; the unit changes only by ``move_person``.
EDITABLE = (
    "full_name",
    "gender",
    "date_of_birth",
    "ethnicity",
    "position",
    "category",
    "is_leader",
)


FIELD_LABELS = {f.name: f.verbose_name for f in Person._meta.concrete_fields}


class PeopleError(ServiceError):
    """A change of the staff refused for a reason the user must read (Vietnamese)."""


def _require(actor: Actor, unit: Unit, perm: str = Perm.MANAGE_PEOPLE) -> None:
    access.require(actor, unit, perm)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    values = {k: data[k] for k in EDITABLE if k in data}
    if "full_name" in values:
        values["full_name"] = clean_text(values["full_name"])
        if not values["full_name"]:
            raise PeopleError("Thiếu họ và tên.")
    if "position" in values:
        values["position"] = clean_text(values["position"])
    return values


@transaction.atomic
def add_person(*, actor: Actor, unit: Unit, data: dict[str, Any]) -> Person:
    """A new member of ``unit``'s staff, with the open employment row of that unit."""
    _require(actor, unit)
    if not unit.is_valid_on(timezone.localdate()):
        raise PeopleError(f"Đơn vị “{unit}” không còn hoạt động: không thể thêm cán bộ.")
    person = Person(unit=unit, **_clean(data))
    person.save()  # writes search_name and the open Employment row
    audit.record(actor=actor, action="org.person.added", obj=person, message=f"{person} – {unit}")
    return person


@transaction.atomic
def edit_person(*, actor: Actor, person: Person, data: dict[str, Any]) -> Person:
    _require(actor, person.unit)
    values = _clean(data)
    changed = {k: v for k, v in values.items() if getattr(person, k) != v}
    for key, value in changed.items():
        setattr(person, key, value)
    if changed:
        person.save()
        audit.record(
            actor=actor,
            action="org.person.edited",
            obj=person,
            message=", ".join(str(FIELD_LABELS[k]) for k in changed),
            data={k: str(v) for k, v in changed.items()},
        )
    return person


def _open_employment(person: Person) -> Employment:
    row = (
        Employment.objects.select_for_update().filter(person=person, valid_to__isnull=True).first()
    )
    if row is None:  # a person written before employment rows existed
        row = Employment.objects.create(person=person, unit_id=person.unit_id)
    return row


@transaction.atomic
def move_person(*, actor: Actor, person: Person, unit: Unit, on: date) -> Person:
    """``person`` works in ``unit`` from ``on``: the open employment row ends the day before,
    a new one opens. Ratings, initiatives, awards stay with the person (they point to them)."""
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    _require(actor, person.unit)
    _require(actor, unit)
    if person.left_on:
        raise PeopleError(f"{person} đã thôi công tác từ {person.left_on:%d/%m/%Y}.")
    if unit.pk == person.unit_id:
        raise PeopleError(f"{person} đang công tác tại {unit}.")
    if not unit.is_valid_on(on):
        raise PeopleError(f"Đơn vị “{unit}” không hoạt động vào ngày {on:%d/%m/%Y}.")
    current = _open_employment(person)
    last_day = on - timedelta(days=1)
    if current.valid_from and current.valid_from > last_day:
        raise PeopleError(
            f"Ngày chuyển phải sau ngày bắt đầu công tác ở đơn vị hiện tại "
            f"({current.valid_from:%d/%m/%Y})."
        )
    old_unit = person.unit
    current.valid_to = last_day
    current.save(update_fields=["valid_to"])
    Employment.objects.create(person=person, unit=unit, valid_from=on)
    person.unit = unit
    person.save(update_fields=["unit", "search_name"])
    audit.record(
        actor=actor,
        action="org.person.moved",
        obj=person,
        message=f"{old_unit} → {unit} từ {on:%d/%m/%Y}",
        data={"from": old_unit.pk, "to": unit.pk, "on": on.isoformat()},
    )
    return person


@transaction.atomic
def end_employment(*, actor: Actor, person: Person, on: date) -> Person:
    """The person left the staff on ``on`` (retired, moved out of the system)."""
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    _require(actor, person.unit)
    if person.left_on:
        raise PeopleError(f"{person} đã thôi công tác từ {person.left_on:%d/%m/%Y}.")
    current = _open_employment(person)
    if current.valid_from and current.valid_from > on:
        raise PeopleError(
            f"Ngày thôi công tác phải từ ngày bắt đầu công tác ({current.valid_from:%d/%m/%Y})."
        )
    current.valid_to = on
    current.save(update_fields=["valid_to"])
    person.left_on = on
    person.save(update_fields=["left_on", "search_name"])
    audit.record(
        actor=actor,
        action="org.person.ended",
        obj=person,
        message=f"Thôi công tác từ {on:%d/%m/%Y}",
    )
    return person


@transaction.atomic
def add_people(
    *, actor: Actor, unit: Unit, people: list[dict[str, Any]], perm: str, source: str
) -> list[Person]:
    """Several new members of ``unit``'s staff at once (two bulk inserts), as another list
    names them: a dossier's candidate list adds the people its unit's staff lacks, under the
    dossier editor's right over that unit (``perm``)."""
    from .people_import import StaffRow, insert_people

    _require(actor, unit, perm)
    rows = [
        StaffRow(
            0,
            {
                **p,
                "full_name": clean_text(p["full_name"]),
                "search_name": ascii_key(p["full_name"]),
                "unit_id": unit.pk,
            },
        )
        for p in people
    ]
    created = insert_people(rows)
    audit.record(
        actor=actor,
        action="org.person.imported",
        obj=unit,
        message=f"Thêm {len(created)} cán bộ từ {source}",
        data={"rows": len(created), "people": [p.pk for p in created][:1000]},
    )
    return created


# Duplicates ------------------------------------------------------------------------------


def duplicate_key(person: Person) -> tuple[str, date | None, int]:
    return (text_key(person.full_name), person.date_of_birth, person.unit_id)


@dataclass
class DuplicateGroup:
    people: list[Person]

    @property
    def kept(self) -> Person:
        return self.people[0]


def find_duplicates(actor: Actor, limit: int = 200) -> list[DuplicateGroup]:
    """People of the actor's subtrees with the same name (case, Unicode form ignored), birth
    date and unit: the oldest row is offered as the one to keep."""
    scope = access.people_with(actor, Perm.MANAGE_PEOPLE)
    keys = (
        scope.values("search_name", "date_of_birth", "unit_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("search_name")[:limit]
    )
    condition = Q(pk__in=[])
    for key in keys:
        condition |= Q(
            search_name=key["search_name"], date_of_birth=key["date_of_birth"], unit=key["unit_id"]
        )
    groups: dict[tuple, list[Person]] = {}
    for person in scope.filter(condition).select_related("unit").order_by("pk"):
        groups.setdefault(duplicate_key(person), []).append(person)
    return [DuplicateGroup(people) for people in groups.values() if len(people) > 1]


def _person_references() -> Iterable[tuple[Any, str]]:
    """(model, field name) of every foreign key to Person, in every app (read from the model
    registry, so org knows no app above it)."""
    for relation in Person._meta.related_objects:
        if relation.many_to_many:
            continue
        yield relation.related_model, relation.field.name


@transaction.atomic
def merge_people(*, actor: Actor, kept: Person, other: Person) -> Person:
    """``other`` is the same person as ``kept`` (entered twice): every row pointing to
    ``other`` (employment history, ratings, initiatives, candidates, awards…) moves to
    ``kept``, then ``other`` is deleted."""
    locked = Person.objects.select_for_update().select_related("unit")
    kept, other = locked.get(pk=kept.pk), locked.get(pk=other.pk)
    _require(actor, kept.unit)
    _require(actor, other.unit)
    if kept.pk == other.pk:
        raise PeopleError("Chọn hai hồ sơ khác nhau để gộp.")
    if duplicate_key(kept) != duplicate_key(other):
        raise PeopleError(
            "Chỉ gộp hai hồ sơ cùng họ tên, ngày sinh và đơn vị; hồ sơ này khác hồ sơ kia."
        )
    # The other's open employment duplicates the kept one's: only its closed rows are history.
    Employment.objects.filter(person=other, valid_to__isnull=True).delete()
    moved: dict[str, int] = {}
    try:
        with transaction.atomic():
            for model, field in _person_references():
                count = model._default_manager.filter(**{field: other}).update(**{field: kept})
                if count:
                    moved[model._meta.label_lower] = count
    except IntegrityError as error:
        raise PeopleError(
            "Không gộp được: hai hồ sơ cùng có một mục không được trùng (ví dụ cùng một xếp "
            "loại của một năm, hoặc cùng có trong một hồ sơ đề nghị). Hãy xóa mục trùng trước."
        ) from error
    name, other_pk = str(other), other.pk
    other.delete()
    audit.record(
        actor=actor,
        action="org.person.merged",
        obj=kept,
        message=f"Gộp hồ sơ trùng #{other_pk} ({name}) vào #{kept.pk}",
        data={"merged": other_pk, "moved": moved},
    )
    return kept


# Search --------------------------------------------------------------------------------


def search_people(qs: QuerySet[Person], q: str) -> QuerySet[Person]:
    """Keep the people whose name has every word of ``q`` at the start of one of its words,
    diacritics and case ignored ("giang thi my" finds Giàng Thị Mỷ). SQLite answers from its
    FTS5 index, PostgreSQL from a full-text (GIN) index of search_name (org 0006)."""
    from .search import name_condition

    return name_condition(qs, q)
