"""Each role sees its own subtree of units and people, nothing outside it."""

import pytest

from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db


def unit(name):
    return Unit.objects.get(name=name)


def person(name):
    return Person.objects.get(
        full_name=name, unit__name__in=["Phường Sa Pa", "Xã Tả Van", "Thôn Lao Chải"]
    )


def test_noivu_sees_the_whole_town_tree_but_not_the_new_ward(client_as):
    page = client_as("noivu").get("/don-vi/").content.decode()
    for name in [
        "Thị xã Sa Pa",
        "Phường Sa Pả",
        "Phường Ô Quý Hồ",
        "Xã Trung Chải",
        "Phòng Nội vụ",
        "Thôn Lao Chải",
    ]:
        assert name in page
    assert "Phường Sa Pa (từ 01/07/2025)" not in page
    assert "Tỉnh Lào Cai" not in page


def test_the_town_has_its_sixteen_wards_and_communes():
    town = unit("Thị xã Sa Pa")
    assert town.children.filter(kind="ubnd_xa").count() == 16


def test_ward_officer_sees_only_its_ward(client_as):
    client = client_as("phuongsapa")
    page = client.get("/don-vi/").content.decode()
    assert "Phường Sa Pa" in page and "Tổ dân phố số 1" in page
    assert "Xã Tả Van" not in page
    assert client.get(f"/don-vi/{unit('Xã Tả Van').pk}/").status_code == 404
    assert client.get(f"/don-vi/{unit('Thị xã Sa Pa').pk}/").status_code == 404


def test_ward_officer_reads_own_people_and_not_other_units(client_as):
    client = client_as("phuongsapa")
    listing = client.get("/don-vi/ca-nhan/").content.decode()
    assert "Nguyễn Thị Thu Hương" in listing
    assert "Lý Thị Mẩy" not in listing
    assert client.get(f"/lich-su/ca-nhan/{person('Nguyễn Thị Thu Hương').pk}/").status_code == 200
    assert client.get(f"/lich-su/ca-nhan/{person('Lý Thị Mẩy').pk}/").status_code == 404
    assert client.get(f"/don-vi/ca-nhan/?don_vi={unit('Xã Tả Van').pk}").status_code == 404


def test_department_officer_sees_only_its_department(client_as):
    client = client_as("phonggd")
    page = client.get("/don-vi/").content.decode()
    assert "Phòng Giáo dục và Đào tạo" in page
    assert "Phòng Nội vụ" not in page and "Phường Sa Pa" not in page
    assert client.get(f"/lich-su/ca-nhan/{person('Nguyễn Thị Thu Hương').pk}/").status_code == 404


def test_council_member_sees_units_but_no_personal_data(client_as):
    client = client_as("hoidong1")
    assert client.get("/don-vi/").status_code == 200
    assert client.get("/don-vi/ca-nhan/").status_code == 403
    # Inside the member's subtree, but the role does not grant personal data: 403, not 404.
    assert client.get(f"/lich-su/ca-nhan/{person('Nguyễn Thị Thu Hương').pk}/").status_code == 403
    unit_page = client.get(f"/don-vi/{unit('Phường Sa Pa').pk}/").content.decode()
    assert "Nguyễn Thị Thu Hương" not in unit_page


def test_media_centre_has_no_personal_data(client_as):
    assert client_as("truyenthong").get("/don-vi/ca-nhan/").status_code == 403


def test_administrator_sees_both_structures(client_as):
    page = client_as("quantri").get("/don-vi/").content.decode()
    assert "Thị xã Sa Pa" in page and "Phường Sa Pa (từ 01/07/2025)" in page


def test_new_ward_officer_sees_only_the_two_tier_ward(client_as):
    client = client_as("vhxh.sapa")
    page = client.get("/don-vi/").content.decode()
    assert "Phường Sa Pa (từ 01/07/2025)" in page and "Tổ dân phố Cầu Mây" in page
    assert "Thị xã Sa Pa" not in page
    assert client.get(f"/don-vi/{unit('Phường Sa Pa').pk}/").status_code == 404


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
