"""Staff services: add, edit, move (history follows the person), end, merge duplicates."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from thidua.core.models import AuditEntry
from thidua.org import people_services
from thidua.org.models import Employment, Person
from thidua.records.models import AnnualRating, Initiative

pytestmark = pytest.mark.django_db
DATA = {
    "full_name": "  Giàng   Thị Mỷ ",
    "gender": "nu",
    "date_of_birth": date(1990, 5, 1),
    "ethnicity": "08",
    "position": "Công chức",
    "category": "cong_chuc",
    "is_leader": False,
}


def test_add_writes_the_clean_name_its_search_key_an_open_employment_and_an_audit(personas):
    officer = personas.users["town_officer"]
    person = people_services.add_person(actor=officer, unit=personas.units["department"], data=DATA)
    assert person.full_name == "Giàng Thị Mỷ"
    assert person.search_name == "giang thi my"
    assert list(person.employments.values_list("unit_id", "valid_to")) == [
        (personas.units["department"].pk, None)
    ]
    assert AuditEntry.objects.filter(action="org.person.added", object_id=str(person.pk)).exists()


def test_add_refused_outside_scope_without_the_right_and_in_a_closed_unit(personas):
    with pytest.raises(Http404):
        people_services.add_person(
            actor=personas.users["new_ward_officer"], unit=personas.units["department"], data=DATA
        )
    with pytest.raises(PermissionDenied):
        people_services.add_person(
            actor=personas.users["ward_officer"], unit=personas.units["ward"], data=DATA
        )
    with pytest.raises(people_services.PeopleError, match="không còn hoạt động"):
        people_services.add_person(
            actor=personas.users["town_officer"], unit=personas.units["ward"], data=DATA
        )


def test_edit_keeps_search_name_up_to_date(personas):
    van = personas.people["ward_person"]
    people_services.edit_person(
        actor=personas.users["town_officer"], person=van, data={"full_name": "Đặng Thị Vân Anh"}
    )
    van.refresh_from_db()
    assert van.search_name == "dang thi van anh"
    audit = AuditEntry.objects.get(action="org.person.edited", object_id=str(van.pk))
    assert audit.message == "họ và tên"


def test_a_moved_person_keeps_their_history_and_employment_rows(personas):
    van = personas.people["ward_person"]
    AnnualRating.objects.create(person=van, year=2024, level="xuat_sac")
    Initiative.objects.create(
        person=van,
        title="Số hóa hồ sơ",
        recognized_on=date(2024, 5, 1),
        authority_level="co_so",
        recognized_by="UBND phường",
    )
    Employment.objects.filter(person=van).update(valid_from=date(2015, 1, 1))
    people_services.move_person(
        actor=personas.users["town_officer"],
        person=van,
        unit=personas.units["department"],
        on=date(2025, 3, 1),
    )
    van.refresh_from_db()
    assert van.unit == personas.units["department"]
    assert list(
        van.employments.order_by("valid_from").values_list("unit_id", "valid_from", "valid_to")
    ) == [
        (personas.units["ward"].pk, date(2015, 1, 1), date(2025, 2, 28)),
        (personas.units["department"].pk, date(2025, 3, 1), None),
    ]
    assert van.annualrating_set.get().level == "xuat_sac"
    assert van.initiatives.count() == 1
    with pytest.raises(people_services.PeopleError, match="đang công tác tại"):
        people_services.move_person(
            actor=personas.users["town_officer"],
            person=van,
            unit=personas.units["department"],
            on=date(2025, 4, 1),
        )


def test_move_needs_the_right_over_both_units(personas):
    with pytest.raises(Http404):  # the new ward is outside the town officer's subtree
        people_services.move_person(
            actor=personas.users["town_officer"],
            person=personas.people["ward_person"],
            unit=personas.units["new_ward"],
            on=date(2025, 7, 1),
        )


def test_end_employment_closes_the_open_row(personas):
    phao = personas.people["commune_person"]
    people_services.end_employment(
        actor=personas.users["town_officer"], person=phao, on=date(2025, 6, 30)
    )
    phao.refresh_from_db()
    assert phao.left_on == date(2025, 6, 30)
    assert list(phao.employments.values_list("valid_to", flat=True)) == [date(2025, 6, 30)]
    with pytest.raises(people_services.PeopleError, match="đã thôi công tác"):
        people_services.end_employment(
            actor=personas.users["town_officer"], person=phao, on=date(2025, 7, 1)
        )


def _twin(person: Person, **extra) -> Person:
    return Person.objects.create(
        full_name=person.full_name.upper(),
        gender=person.gender,
        unit=person.unit,
        date_of_birth=person.date_of_birth,
        category=person.category,
        **extra,
    )


def test_duplicates_are_found_and_merging_moves_every_history_row(personas):
    van = personas.people["ward_person"]
    twin = _twin(van)
    AnnualRating.objects.create(person=twin, year=2023, level="tot")
    AnnualRating.objects.create(person=van, year=2024, level="xuat_sac")
    Initiative.objects.create(
        person=twin,
        title="Sáng kiến",
        recognized_on=date(2024, 5, 1),
        authority_level="co_so",
        recognized_by="UBND phường",
    )
    Employment.objects.create(
        person=twin,
        unit=personas.units["hamlet"],
        valid_from=date(2010, 1, 1),
        valid_to=date(2014, 12, 31),
    )
    officer = personas.users["town_officer"]
    groups = people_services.find_duplicates(officer)
    assert [[p.pk for p in g.people] for g in groups] == [[van.pk, twin.pk]]
    assert people_services.find_duplicates(personas.users["new_ward_officer"]) == []
    people_services.merge_people(actor=officer, kept=van, other=twin)
    assert not Person.objects.filter(pk=twin.pk).exists()
    assert sorted(van.annualrating_set.values_list("year", flat=True)) == [2023, 2024]
    assert van.initiatives.count() == 1
    assert sorted(van.employments.values_list("unit_id", "valid_to")) == sorted(
        [(personas.units["ward"].pk, None), (personas.units["hamlet"].pk, date(2014, 12, 31))]
    )
    audit = AuditEntry.objects.get(action="org.person.merged", object_id=str(van.pk))
    assert audit.data["merged"] == twin.pk
    assert audit.data["moved"]["records.annualrating"] == 1


def test_merging_refuses_different_people_and_conflicting_rows(personas):
    officer = personas.users["town_officer"]
    van, phao = personas.people["ward_person"], personas.people["commune_person"]
    with pytest.raises(people_services.PeopleError, match="cùng họ tên"):
        people_services.merge_people(actor=officer, kept=van, other=phao)
    twin = _twin(van)
    AnnualRating.objects.create(person=twin, year=2024, level="tot")
    AnnualRating.objects.create(person=van, year=2024, level="xuat_sac")
    with pytest.raises(people_services.PeopleError, match="Không gộp được"):
        people_services.merge_people(actor=officer, kept=van, other=twin)
    assert Person.objects.filter(pk=twin.pk).exists()
    with pytest.raises(PermissionDenied):
        people_services.merge_people(actor=personas.users["ward_officer"], kept=van, other=twin)
