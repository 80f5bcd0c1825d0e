"""The administrator maintains the unit tree, unit types and offices (/quan-tri/don-vi/ and
/api/v1/admin/…) within their subtree only; every change is audited; a merge keeps the merged
units' history readable under the successor."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from thidua.core.models import AuditEntry
from thidua.org.models import ApiToken, Office, RoleAssignment, Unit, UnitType
from thidua.org.office_services import document_offices

pytestmark = pytest.mark.django_db


@pytest.fixture
def admins(personas):
    """Administrators of two communes of the same town, beside the province's."""
    for key, unit_key in (("ward_admin", "ward"), ("commune_admin", "commune")):
        user = type(personas.users["admin"]).objects.create_user(f"persona.{key}")
        RoleAssignment.objects.create(user=user, role="quan_tri", unit=personas.units[unit_key])
        personas.users[key] = user
    return personas


def api(user) -> Client:
    _token, raw = ApiToken.issue(user, "test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def audited(action: str, unit: Unit) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            action=action, object_type="org.unit", object_id=str(unit.pk)
        ).values_list("message", flat=True)
    )


def test_a_commune_admin_cannot_see_or_change_another_communes_units_by_page(admins):
    ward, commune = admins.units["ward"], admins.units["commune"]
    hamlet = admins.units["hamlet"]  # under the ward
    client = admins.client("commune_admin")
    for url in (
        f"/quan-tri/don-vi/{ward.pk}/sua/",
        f"/quan-tri/don-vi/{ward.pk}/chuyen/",
        f"/quan-tri/don-vi/{ward.pk}/thoi-hoat-dong/",
        f"/quan-tri/don-vi/{ward.pk}/co-quan/",
        f"/quan-tri/don-vi/{hamlet.pk}/sua/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "X"}).status_code == 404, url
    # Creating under, or moving into, the other commune: the posted id is a 404 too.
    new = {"name": "Thôn Mới", "kind": "thon", "parent": ward.pk}
    assert client.post("/quan-tri/don-vi/them/", new).status_code == 404
    own = Unit.objects.create(name="Thôn Suối Mây 1", kind="thon", parent=commune)
    assert (
        client.post(f"/quan-tri/don-vi/{own.pk}/chuyen/", {"new_parent": ward.pk}).status_code
        == 404
    )
    merge = {"units": [ward.pk], "closed_on": "2025-06-30", "successor": commune.pk}
    assert client.post("/quan-tri/don-vi/sap-nhap/", merge).status_code == 404
    # The tree shows the own commune only.
    page = client.get("/quan-tri/don-vi/").content.decode()
    assert "Xã Suối Mây" in page and "Phường Đồi Chè" not in page and "Thôn Suối Mây 1" in page
    assert Unit.objects.get(pk=own.pk).parent_id == commune.pk
    assert not Unit.objects.filter(name="Thôn Mới").exists()


def test_a_commune_admin_cannot_see_or_change_another_communes_units_by_api(admins):
    ward, commune = admins.units["ward"], admins.units["commune"]
    client = api(admins.users["commune_admin"])
    body = {"name": "Đổi tên", "kind": "ubnd_xa"}
    calls = [
        ("get", f"/api/v1/admin/units/{ward.pk}", None),
        ("put", f"/api/v1/admin/units/{ward.pk}", body),
        ("post", "/api/v1/admin/units", {**body, "parent_id": ward.pk}),
        ("post", f"/api/v1/admin/units/{ward.pk}/move", {"new_parent_id": commune.pk}),
        ("post", f"/api/v1/admin/units/{commune.pk}/move", {"new_parent_id": ward.pk}),
        ("post", f"/api/v1/admin/units/{ward.pk}/close", {"closed_on": "2025-06-30"}),
        (
            "post",
            "/api/v1/admin/unit-merges",
            {"unit_ids": [ward.pk], "closed_on": "2025-06-30", "successor_id": commune.pk},
        ),
        ("get", f"/api/v1/admin/units/{ward.pk}/offices", None),
        ("post", f"/api/v1/admin/units/{ward.pk}/offices", {"name": "Phòng X"}),
    ]
    for method, url, payload in calls:
        response = getattr(client, method)(url, payload, content_type="application/json")
        assert response.status_code == 404, (method, url, response.content)
    listed = client.get("/api/v1/admin/units").json()
    assert [u["name"] for u in listed] == ["Xã Suối Mây"]
    assert Unit.objects.get(pk=ward.pk).name == "Phường Đồi Chè"
    assert Unit.objects.get(pk=ward.pk).valid_to == date(2025, 6, 30)  # unchanged (seeded)


def test_a_unit_officer_gets_403_inside_their_unit_and_404_outside(admins):
    ward, commune = admins.units["ward"], admins.units["commune"]
    officer = admins.client("ward_officer")
    assert officer.get("/quan-tri/don-vi/").status_code == 403
    assert officer.get(f"/quan-tri/don-vi/{ward.pk}/sua/").status_code == 403
    assert officer.get(f"/quan-tri/don-vi/{commune.pk}/sua/").status_code == 404
    assert officer.get("/quan-tri/don-vi/sap-nhap/").status_code == 403
    client = api(admins.users["ward_officer"])
    assert client.get("/api/v1/admin/units").status_code == 403
    assert client.get(f"/api/v1/admin/units/{ward.pk}").status_code == 403
    assert client.get(f"/api/v1/admin/units/{commune.pk}").status_code == 404
    response = client.put(
        f"/api/v1/admin/units/{ward.pk}",
        {"name": "Khác", "kind": "ubnd_xa"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_admin_creates_renames_moves_and_closes_a_unit_each_audited(admins):
    ward, commune = admins.units["ward"], admins.units["commune"]
    client = admins.client("admin")
    response = client.post(
        "/quan-tri/don-vi/them/",
        {"parent": ward.pk, "name": "Tổ dân phố số 9", "kind": "thon", "valid_from": "2024-01-01"},
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="Tổ dân phố số 9")
    assert (unit.parent_id, unit.kind, unit.valid_from) == (ward.pk, "thon", date(2024, 1, 1))
    assert unit.path == f"{ward.path}{unit.pk}/"

    response = client.post(
        f"/quan-tri/don-vi/{unit.pk}/sua/",
        {"name": "Tổ dân phố Đồi Mận", "kind": "thon", "valid_from": "2024-01-01"},
    )
    assert response.status_code == 302
    assert Unit.objects.get(pk=unit.pk).search_name == "to dan pho doi man"

    assert (
        client.post(f"/quan-tri/don-vi/{unit.pk}/chuyen/", {"new_parent": commune.pk}).status_code
        == 302
    )
    unit.refresh_from_db()
    assert unit.path == f"{commune.path}{unit.pk}/"

    # Moving a unit under itself is refused with the service's message.
    response = client.post(f"/quan-tri/don-vi/{commune.pk}/chuyen/", {"new_parent": unit.pk})
    assert response.status_code == 200

    response = client.post(
        f"/quan-tri/don-vi/{unit.pk}/thoi-hoat-dong/", {"closed_on": "2023-12-31"}
    )
    assert "trước ngày đơn vị bắt đầu hiệu lực (01/01/2024)" in response.content.decode()
    assert (
        client.post(
            f"/quan-tri/don-vi/{unit.pk}/thoi-hoat-dong/", {"closed_on": "2025-06-30"}
        ).status_code
        == 302
    )
    assert Unit.objects.get(pk=unit.pk).valid_to == date(2025, 6, 30)

    assert audited("org.unit.created", unit) == ["Tổ dân phố số 9 (thuộc Phường Đồi Chè)"]
    assert audited("org.unit.renamed", unit) == ["Tổ dân phố số 9 → Tổ dân phố Đồi Mận"]
    assert audited("org.unit.moved", unit) == ["Phường Đồi Chè → Xã Suối Mây"]
    assert audited("org.unit.closed", unit) == ["Hiệu lực đến 30/06/2025"]


def test_a_merge_keeps_the_history_readable_under_the_successor(admins, client):
    ward, commune, province = (admins.units[k] for k in ("ward", "commune", "province"))
    response = api(admins.users["admin"]).post(
        "/api/v1/admin/unit-merges",
        {
            "unit_ids": [ward.pk, commune.pk],
            "closed_on": "2025-06-30",
            "new_name": "Phường Đồi Chè Mới",
            "new_kind": "ubnd_xa",
            "new_parent_id": province.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    successor = Unit.objects.get(pk=response.json()["id"])
    assert (successor.parent_id, successor.valid_from) == (province.pk, date(2025, 7, 1))
    assert set(Unit.objects.filter(successor=successor).values_list("name", flat=True)) == {
        "Phường Đồi Chè",
        "Xã Suối Mây",
    }
    assert audited("org.unit.merged", successor) == ["Tiếp nhận: Phường Đồi Chè, Xã Suối Mây"]
    assert audited("org.unit.closed", ward) == [
        "Sáp nhập vào Phường Đồi Chè Mới, hiệu lực đến 30/06/2025"
    ]

    # An officer of the new ward reads the old units, their people and their history.
    officer = type(admins.users["admin"]).objects.create_user("persona.successor_officer")
    RoleAssignment.objects.create(user=officer, role="chuyen_vien_tdkt", unit=successor)
    client.force_login(officer)
    page = client.get(f"/don-vi/{successor.pk}/").content.decode()
    assert "Đơn vị trước sáp nhập (2)" in page
    assert f'href="/lich-su/tap-the/{ward.pk}/"' in page
    assert f'href="/don-vi/{commune.pk}/"' in page
    old_page = client.get(f"/don-vi/{ward.pk}/").content.decode()
    assert "Đặng Thị Thanh Vân" in old_page and "Phường Đồi Chè Mới" in old_page
    assert client.get(f"/lich-su/tap-the/{ward.pk}/").status_code == 200
    assert client.get(f"/lich-su/ca-nhan/{admins.people['ward_person'].pk}/").status_code == 200
    assert client.get(f"/don-vi/{admins.units['hamlet'].pk}/").status_code == 200
    # Reading only: the old ward cannot be changed from the successor, nor seen by others.
    assert client.get(f"/quan-tri/don-vi/{ward.pk}/sua/").status_code == 404
    assert admins.client("new_ward_officer").get(f"/don-vi/{ward.pk}/").status_code == 404


def test_a_merge_refuses_a_successor_inside_a_merged_unit(admins):
    ward, hamlet = admins.units["ward"], admins.units["hamlet"]
    response = admins.client("admin").post(
        "/quan-tri/don-vi/sap-nhap/",
        {"units": [ward.pk], "closed_on": "2025-06-30", "successor": hamlet.pk},
    )
    assert "Đơn vị kế thừa không thể là Phường Đồi Chè" in response.content.decode()
    assert Unit.objects.get(pk=ward.pk).successor_id is None


def test_unit_types_are_kept_by_the_province_admin_only(admins):
    admin = api(admins.users["admin"])
    response = admin.post(
        "/api/v1/admin/unit-types",
        {"code": "to_chuc_xa_hoi", "name": "Tổ chức xã hội", "order": 20},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert UnitType.objects.get(code="to_chuc_xa_hoi").name == "Tổ chức xã hội"
    commune_admin = api(admins.users["commune_admin"])
    assert commune_admin.get("/api/v1/admin/unit-types").status_code == 200
    refused = commune_admin.post(
        "/api/v1/admin/unit-types",
        {"code": "khac", "name": "Khác"},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert admins.client("commune_admin").get("/quan-tri/don-vi/loai/them/").status_code == 403
    used = UnitType.objects.get(code="thon")
    response = admin.delete(f"/api/v1/admin/unit-types/{used.pk}")
    assert response.status_code == 422
    assert "đang được dùng" in response.json()["errors"]["__all__"][0]
    new = UnitType.objects.get(code="to_chuc_xa_hoi")
    assert admin.delete(f"/api/v1/admin/unit-types/{new.pk}").status_code == 204
    assert AuditEntry.objects.filter(action="org.unit_type.deleted").count() == 1
    page = admins.client("admin").get("/quan-tri/don-vi/loai/").content.decode()
    assert "Thôn, bản, tổ dân phố" in page


def test_offices_are_dated_and_read_by_the_date_of_the_document(admins):
    ward = admins.units["new_ward"]
    client = admins.client("admin")
    response = client.post(
        f"/quan-tri/don-vi/{ward.pk}/co-quan/",
        {
            "name": "Phòng Văn hóa – Xã hội",
            "abbreviation": "VHXH",
            "duties": ["proposes", "executes"],
            "valid_from": "2025-07-01",
        },
    )
    assert response.status_code == 302
    office = Office.objects.get(unit=ward)
    assert office.duties == ["proposes", "executes"]
    page = client.get(f"/quan-tri/don-vi/{ward.pk}/co-quan/").content.decode()
    assert "Phòng Văn hóa – Xã hội" in page and "Tham mưu, đề nghị" in page
    assert document_offices(ward, date(2026, 1, 5)).proposer_titles == [
        "Trưởng phòng Văn hóa – Xã hội"
    ]
    assert document_offices(ward, date(2025, 6, 30)).proposers == []
    response = client.post(
        f"/quan-tri/don-vi/co-quan/{office.pk}/ket-thuc/", {"valid_to": "2026-03-31"}
    )
    assert response.status_code == 302
    assert document_offices(ward, date(2026, 4, 1)).proposers == []
    actions = AuditEntry.objects.filter(object_type="org.office").order_by("id")
    assert list(actions.values_list("action", flat=True)) == [
        "org.office.created",
        "org.office.ended",
    ]
    # By API, and another unit's office is a 404 for a commune's admin.
    response = api(admins.users["commune_admin"]).put(
        f"/api/v1/admin/offices/{office.pk}",
        {"name": "Khác", "duties": ["receives"]},
        content_type="application/json",
    )
    assert response.status_code == 404
    response = api(admins.users["admin"]).post(
        f"/api/v1/admin/units/{ward.pk}/offices",
        {"name": "Thường trực HĐND phường", "duties": ["receives", "nonsense"]},
        content_type="application/json",
    )
    assert response.status_code == 422 and "duties" in response.json()["errors"]


def test_the_tree_reads_a_fixed_number_of_queries(admins, django_assert_max_num_queries):
    client = admins.client("admin")
    client.get("/quan-tri/don-vi/")
    for n in range(30):
        Unit.objects.create(name=f"Thôn {n}", kind="thon", parent=admins.units["commune"])
    with django_assert_max_num_queries(8):
        page = client.get("/quan-tri/don-vi/")
    assert page.status_code == 200 and "Thôn 29" in page.content.decode()


def test_the_forms_offer_only_the_admins_units(admins):
    client = admins.client("commune_admin")
    for url, label in (
        ("/quan-tri/don-vi/them/", "Đơn vị cấp trên"),
        ("/quan-tri/don-vi/sap-nhap/", "Các đơn vị được sáp nhập"),
        (f"/quan-tri/don-vi/{admins.units['commune'].pk}/thoi-hoat-dong/", "Đơn vị kế thừa"),
    ):
        page = client.get(url).content.decode()
        assert label in page and "Phường Đồi Chè" not in page, url
    page = admins.client("admin").get("/quan-tri/").content.decode()
    assert 'href="/quan-tri/don-vi/sap-nhap/"' in page and 'href="/quan-tri/don-vi/loai/"' in page


def test_two_units_in_force_under_one_parent_cannot_share_a_name(admins):
    """Imports find a unit by its name: a second "Tổ dân phố Đồi Thông" under the same ward
    would make every row naming it ambiguous."""
    ward, hamlet = admins.units["ward"], admins.units["hamlet"]
    client = admins.client("admin")
    response = client.post(
        "/quan-tri/don-vi/them/",
        {"parent": ward.pk, "name": "tổ dân phố  đồi thông", "kind": "thon"},
    )
    assert response.status_code == 200
    assert (
        f"{ward.name} đã có đơn vị trực thuộc tên “tổ dân phố  đồi thông”. Đặt tên khác để phân "
        "biệt (tên đơn vị được dùng khi nhập danh sách từ Excel)."
    ) in response.content.decode()
    assert Unit.objects.filter(parent=ward, name__iexact="tổ dân phố  đồi thông").count() == 0
    other = client.post(
        "/quan-tri/don-vi/them/", {"parent": ward.pk, "name": "Tổ dân phố Đồi Mận", "kind": "thon"}
    )
    assert other.status_code == 302
    created = Unit.objects.get(parent=ward, name="Tổ dân phố Đồi Mận")
    rename = client.post(
        f"/quan-tri/don-vi/{created.pk}/sua/", {"name": hamlet.name, "kind": "thon"}
    )
    assert rename.status_code == 200
    assert Unit.objects.get(pk=created.pk).name == "Tổ dân phố Đồi Mận"
    refused = api(admins.users["admin"]).post(
        "/api/v1/admin/units",
        {"parent_id": ward.pk, "name": hamlet.name.upper(), "kind": "thon"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["errors"]["__all__"] == [
        f"{ward.name} đã có đơn vị trực thuộc tên “TỔ DÂN PHỐ ĐỒI THÔNG”. Đặt tên khác để phân "
        "biệt (tên đơn vị được dùng khi nhập danh sách từ Excel)."
    ]
    # A merge may give the new unit the name of a unit it closes.
    merged = api(admins.users["admin"]).post(
        "/api/v1/admin/unit-merges",
        {
            "unit_ids": [hamlet.pk, created.pk],
            "closed_on": "2026-06-30",
            "new_name": hamlet.name,
            "new_kind": "thon",
            "new_parent_id": ward.pk,
        },
        content_type="application/json",
    )
    assert merged.status_code == 201, merged.content
    assert Unit.objects.filter(parent=ward, name=hamlet.name).count() == 2
    # The same name under another parent is fine.
    commune = admins.units["commune"]
    elsewhere = client.post(
        "/quan-tri/don-vi/them/", {"parent": commune.pk, "name": hamlet.name, "kind": "thon"}
    )
    assert elsewhere.status_code == 302
