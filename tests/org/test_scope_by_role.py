"""Each role sees its own subtree of units and people, nothing outside it. The rules are checked
on the tiny persona tree (tests/personas.py); the demo's own tree, and pages over many rows, on
the demo data."""

import pytest

from thidua.org.models import Unit

pytestmark = pytest.mark.django_db


def test_noivu_sees_the_whole_town_tree_but_not_the_new_ward(personas):
    units = personas.units
    page = personas.client("town_officer").get("/don-vi/").content.decode()
    for key in ["town", "department", "media", "ward", "hamlet", "commune"]:
        assert units[key].name in page, key
    assert units["new_ward"].name not in page
    assert units["province"].name not in page


def test_the_town_has_its_sixteen_wards_and_communes():
    town = Unit.objects.get(name="Thị xã Sa Pa")
    assert town.children.filter(kind="ubnd_xa").count() == 16


def test_ward_officer_sees_only_its_ward(personas):
    units = personas.units
    client = personas.client("ward_officer")
    page = client.get("/don-vi/").content.decode()
    assert units["ward"].name in page and units["hamlet"].name in page
    assert units["commune"].name not in page
    assert client.get(f"/don-vi/{units['commune'].pk}/").status_code == 404
    assert client.get(f"/don-vi/{units['town'].pk}/").status_code == 404


def test_ward_officer_reads_own_people_and_not_other_units(personas):
    own, other = personas.people["ward_person"], personas.people["commune_person"]
    client = personas.client("ward_officer")
    listing = client.get("/don-vi/ca-nhan/").content.decode()
    assert own.full_name in listing
    assert other.full_name not in listing
    assert client.get(f"/lich-su/ca-nhan/{own.pk}/").status_code == 200
    assert client.get(f"/lich-su/ca-nhan/{other.pk}/").status_code == 404
    commune = personas.units["commune"]
    assert client.get(f"/don-vi/ca-nhan/?don_vi={commune.pk}").status_code == 404


def test_department_officer_sees_only_its_department(personas):
    units = personas.units
    client = personas.client("department_officer")
    page = client.get("/don-vi/").content.decode()
    assert units["department"].name in page
    assert units["media"].name not in page and units["ward"].name not in page
    ward_person = personas.people["ward_person"]
    assert client.get(f"/lich-su/ca-nhan/{ward_person.pk}/").status_code == 404


def test_council_member_sees_units_but_no_personal_data(personas):
    client = personas.client("member")
    ward_person = personas.people["ward_person"]
    assert client.get("/don-vi/").status_code == 200
    assert client.get("/don-vi/ca-nhan/").status_code == 403
    # Inside the member's subtree, but the role does not grant personal data: 403, not 404.
    assert client.get(f"/lich-su/ca-nhan/{ward_person.pk}/").status_code == 403
    unit_page = client.get(f"/don-vi/{personas.units['ward'].pk}/").content.decode()
    assert ward_person.full_name not in unit_page


def test_media_centre_has_no_personal_data(personas):
    assert personas.client("media").get("/don-vi/ca-nhan/").status_code == 403


def test_administrator_sees_both_structures(personas):
    units = personas.units
    page = personas.client("admin").get("/don-vi/").content.decode()
    assert units["town"].name in page and units["new_ward"].name in page


def test_new_ward_officer_sees_only_the_two_tier_ward(personas):
    units = personas.units
    client = personas.client("new_ward_officer")
    page = client.get("/don-vi/").content.decode()
    assert units["new_ward"].name in page and units["new_hamlet"].name in page
    assert units["town"].name not in page
    assert client.get(f"/don-vi/{units['ward'].pk}/").status_code == 404


def test_anonymous_is_sent_to_login():
    from django.test import Client

    response = Client().get("/don-vi/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert Client().get("/don-vi/ca-nhan/").status_code == 302


def test_people_list_query_count_does_not_grow_with_rows(client_as, django_assert_max_num_queries):
    client = client_as("noivu")
    with django_assert_max_num_queries(12):
        response = client.get("/don-vi/ca-nhan/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count > 100


def test_unit_tree_runs_a_bounded_number_of_queries(client_as, django_assert_max_num_queries):
    client = client_as("quantri")
    with django_assert_max_num_queries(8):
        assert client.get("/don-vi/").status_code == 200


def test_the_tree_nests_a_child_that_sorts_before_its_parent():
    from types import SimpleNamespace

    from thidua.org.views import build_tree

    def unit(pk, name, parent_id=None):
        return SimpleNamespace(
            pk=pk, name=name, parent_id=parent_id, sort_order=0, valid_from=None, valid_to=None
        )

    town, ward = unit(1, "Thị xã Sa Pa"), unit(2, "Phường Cầu Mây", parent_id=1)
    roots = build_tree([town, ward])  # "Phường…" sorts before "Thị xã…"
    assert roots == [town] and town.visible_children == [ward]
