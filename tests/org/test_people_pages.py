"""The /can-bo/ pages and the people API: search without diacritics, pickers, scope."""

from __future__ import annotations

import json
from datetime import date

import pytest

from thidua.org.models import ApiToken, Person

pytestmark = pytest.mark.django_db


def api(personas, key: str):
    from django.test import Client

    _t, raw = ApiToken.issue(personas.users[key], "test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def my(personas):
    return Person.objects.create(
        full_name="Giàng Thị Mỷ",
        gender="nu",
        unit=personas.units["commune"],
        category="cong_chuc",
        date_of_birth=date(1991, 2, 3),
    )


def test_search_without_diacritics_finds_people_within_scope_only(personas, my):
    page = personas.client("town_officer").get("/can-bo/?q=giang+thi+my").content.decode()
    assert "Giàng Thị Mỷ" in page and "1 người." in page
    page = personas.client("town_officer").get("/can-bo/?q=THI+my").content.decode()
    assert "Giàng Thị Mỷ" in page
    page = personas.client("town_officer").get("/can-bo/?q=giang+thi+mai").content.decode()
    assert "Giàng Thị Mỷ" not in page
    page = personas.client("new_ward_officer").get("/can-bo/?q=giang+thi+my").content.decode()
    assert "Giàng Thị Mỷ" not in page and "0 người." in page


def test_the_list_pages_filters_and_its_queries_do_not_grow_with_rows(
    personas, my, django_assert_max_num_queries
):
    client = personas.client("town_officer")
    for i in range(60):
        Person.objects.create(
            full_name=f"Người Thứ {i:02d}",
            gender="nam",
            unit=personas.units["department"],
            category="vien_chuc",
        )
    with django_assert_max_num_queries(8):
        response = client.get("/can-bo/")
    assert response.context["page"].paginator.count == 63
    assert len(response.context["page"].object_list) == 50
    commune = personas.units["commune"].pk
    page = client.get(f"/can-bo/?don_vi={commune}").content.decode()
    assert "Giàng Thị Mỷ" in page and "Người Thứ" not in page
    page = client.get("/can-bo/?doi_tuong=vien_chuc&trang=2").content.decode()
    assert "10 người." not in page and "Trang 2/2" in page
    # A unit of another subtree in the filter: 404, not an empty list.
    other = personas.units["new_ward"].pk
    assert client.get(f"/can-bo/?don_vi={other}").status_code == 404


def test_pickers_return_options_of_the_scope(personas, my):
    client = personas.client("town_officer")
    options = client.get("/can-bo/chon/?q=giang+thi").content.decode()
    assert f'<option value="{my.pk}">Giàng Thị Mỷ – Xã Suối Mây</option>' in options
    dept = personas.units["department"].pk
    assert "Giàng" not in client.get(f"/can-bo/chon/?q=giang&don_vi={dept}").content.decode()
    units = client.get("/can-bo/chon-don-vi/?unit__tim=suoi+may").content.decode()
    assert f'<option value="{personas.units["commune"].pk}">Xã Suối Mây</option>' in units
    assert "Hồ Sen" not in client.get("/can-bo/chon-don-vi/?q=ho+sen").content.decode()
    outsider = personas.client("new_ward_officer")
    assert "Giàng" not in outsider.get("/can-bo/chon/?q=giang").content.decode()


def test_add_edit_move_end_pages(personas):
    client = personas.client("town_officer")
    page = client.get("/can-bo/them/").content.decode()
    assert 'hx-get="/can-bo/chon-don-vi/"' in page and "<script" not in page.split("</head>")[1]
    dept = personas.units["department"]
    response = client.post(
        "/can-bo/them/",
        {
            "full_name": "Lò Văn Páo",
            "gender": "nam",
            "ethnicity": "03",
            "unit": dept.pk,
            "category": "vien_chuc",
            "date_of_birth": "1985-01-02",
        },
    )
    assert response.status_code == 302
    pao = Person.objects.get(full_name="Lò Văn Páo")
    assert pao.unit == dept and pao.search_name == "lo van pao"
    response = client.post(
        f"/can-bo/{pao.pk}/sua/",
        {
            "full_name": "Lò Văn Pao",
            "gender": "nam",
            "ethnicity": "03",
            "category": "vien_chuc",
            "position": "Chuyên viên",
        },
    )
    assert response.status_code == 302
    pao.refresh_from_db()
    assert (pao.full_name, pao.position) == ("Lò Văn Pao", "Chuyên viên")
    media = personas.units["media"]
    response = client.post(
        f"/can-bo/{pao.pk}/chuyen-don-vi/", {"unit": media.pk, "on": "2026-01-01"}
    )
    assert response.status_code == 302
    pao.refresh_from_db()
    assert pao.unit == media
    response = client.post(f"/can-bo/{pao.pk}/thoi-cong-tac/", {"on": "2025-12-01"})
    assert (
        "Ngày thôi công tác phải từ ngày bắt đầu công tác (01/01/2026)."
        in response.content.decode()
    )
    response = client.post(f"/can-bo/{pao.pk}/thoi-cong-tac/", {"on": "2026-02-01"})
    assert response.status_code == 302
    # A unit outside the scope in the form is a form error, not a move.
    response = client.post(
        f"/can-bo/{pao.pk}/chuyen-don-vi/",
        {"unit": personas.units["new_ward"].pk, "on": "2026-03-01"},
    )
    assert "Đơn vị không có trong phạm vi bạn quản lý." in response.content.decode()


def test_other_communes_people_are_404_and_a_unit_account_gets_403(personas):
    phao = personas.people["commune_person"]
    outsider, unit_account = personas.client("new_ward_officer"), personas.client("ward_officer")
    for url in ("sua", "chuyen-don-vi", "thoi-cong-tac"):
        assert outsider.get(f"/can-bo/{phao.pk}/{url}/").status_code == 404
        assert outsider.post(f"/can-bo/{phao.pk}/{url}/", {"on": "2026-01-01"}).status_code == 404
    van = personas.people["ward_person"]
    assert unit_account.get("/can-bo/").status_code == 200  # may see its staff
    assert unit_account.get(f"/can-bo/{van.pk}/sua/").status_code == 403
    assert (
        unit_account.post(f"/can-bo/{van.pk}/thoi-cong-tac/", {"on": "2026-01-01"}).status_code
        == 403
    )
    assert unit_account.get("/can-bo/them/").status_code == 403
    assert unit_account.get("/can-bo/nhap-excel/").status_code == 403
    assert (
        unit_account.post("/can-bo/trung/gop/", {"kept": van.pk, "other": phao.pk}).status_code
        == 403
    )
    van.refresh_from_db()
    assert van.left_on is None


def test_duplicates_page_and_merge(personas):
    van = personas.people["ward_person"]
    twin = Person.objects.create(
        full_name=van.full_name,
        gender="nu",
        unit=van.unit,
        date_of_birth=van.date_of_birth,
        category="cong_chuc",
    )
    client = personas.client("town_officer")
    page = client.get("/can-bo/trung/").content.decode()
    assert f"Gộp vào #{van.pk}" in page
    response = client.post("/can-bo/trung/gop/", {"kept": van.pk, "other": twin.pk})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=twin.pk).exists()
    assert "Không có hồ sơ trùng." in client.get("/can-bo/trung/").content.decode()


def test_api_list_create_update_move_end(personas, my):
    client = api(personas, "town_officer")
    found = client.get("/api/v1/people?q=giang+thi+my").json()
    assert [p["full_name"] for p in found] == ["Giàng Thị Mỷ"]
    dept = personas.units["department"]
    body = {"full_name": "Thào Mí Sử", "gender": "nam", "unit_id": dept.pk, "category": "cong_chuc"}
    response = client.post("/api/v1/people", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    body["position"] = "Phó phòng"
    response = client.post(
        f"/api/v1/people/{pk}/edit", json.dumps(body), content_type="application/json"
    )
    assert response.json()["position"] == "Phó phòng"
    move = {"unit_id": personas.units["media"].pk, "on": "2026-01-01"}
    response = client.post(
        f"/api/v1/people/{pk}/move", json.dumps(move), content_type="application/json"
    )
    assert response.json()["unit_name"] == "Trung tâm Truyền thông Đồi Chè"
    response = client.post(
        f"/api/v1/people/{pk}/end",
        json.dumps({"on": "2025-01-01"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "Ngày thôi công tác phải từ ngày bắt đầu" in response.json()["errors"]["__all__"][0]
    bad = {**body, "gender": "khác"}
    response = client.post("/api/v1/people", json.dumps(bad), content_type="application/json")
    assert response.status_code == 422 and "gender" in response.json()["errors"]


def test_api_scope_404_and_unit_account_403(personas):
    phao = personas.people["commune_person"]
    outsider = api(personas, "new_ward_officer")
    body = {"full_name": "X Y", "gender": "nam", "category": "cong_chuc"}
    assert (
        outsider.post(
            f"/api/v1/people/{phao.pk}/edit", json.dumps(body), content_type="application/json"
        ).status_code
        == 404
    )
    assert (
        outsider.post(
            f"/api/v1/people/{phao.pk}/end",
            json.dumps({"on": "2026-01-01"}),
            content_type="application/json",
        ).status_code
        == 404
    )
    move = {"unit_id": personas.units["new_ward"].pk, "on": "2026-01-01"}
    assert (
        outsider.post(
            f"/api/v1/people/{phao.pk}/move", json.dumps(move), content_type="application/json"
        ).status_code
        == 404
    )
    assert outsider.get("/api/v1/people?q=giang").json() == []
    unit_account = api(personas, "commune_officer")
    assert (
        unit_account.post(
            f"/api/v1/people/{phao.pk}/edit", json.dumps(body), content_type="application/json"
        ).status_code
        == 403
    )
    create = {**body, "unit_id": personas.units["commune"].pk}
    assert (
        unit_account.post(
            "/api/v1/people", json.dumps(create), content_type="application/json"
        ).status_code
        == 403
    )
    rows = {
        "rows": [{"name": "A B", "gender": "Nam", "unit": "Xã Suối Mây", "category": "Công chức"}]
    }
    assert (
        unit_account.post(
            "/api/v1/people/import", json.dumps(rows), content_type="application/json"
        ).status_code
        == 403
    )


def test_api_person_history_still_answers_beside_the_update_route(personas):
    van = personas.people["ward_person"]
    response = api(personas, "town_officer").get(f"/api/v1/people/{van.pk}")
    assert response.status_code == 200
    assert response.json()["full_name"] == "Đặng Thị Thanh Vân"


def test_the_last_word_may_be_unfinished_and_a_common_name_asks_for_more(personas, my):
    client = personas.client("town_officer")
    assert "Giàng Thị Mỷ" in client.get("/can-bo/?q=giang+thi+m").content.decode()
    dept = personas.units["department"]
    Person.objects.bulk_create(
        Person(
            full_name="Sùng Thị Dợ",
            search_name="sung thi do",
            gender="nu",
            unit=dept,
            category="cong_chuc",
        )
        for _ in range(501)
    )
    response = client.get("/can-bo/?q=sung+thi+do&trang=11")
    assert "Hơn 500 người khớp: hãy gõ thêm họ tên hoặc chọn đơn vị." in response.content.decode()
    assert response.context["page"].number == 10 and len(response.context["people"]) == 50


def test_an_unfiltered_list_counts_up_to_its_cap(personas, monkeypatch):
    from thidua.org import people_views

    monkeypatch.setattr(people_views, "COUNT_LIMIT", 1)
    page = personas.client("town_officer").get("/can-bo/").content.decode()
    assert "Hơn 1 người khớp: hãy gõ thêm họ tên hoặc chọn đơn vị." in page


def test_the_people_operations_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/people/import", "/api/v1/people/{person_id}/edit"} <= set(paths)
    assert set(paths["/api/v1/people"]) == {"get", "post"}
