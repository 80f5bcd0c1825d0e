"""Accounts and roles through /api/v1/: the same scope and refusals as the pages."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from thidua.org.models import Role, RoleAssignment, Unit

pytestmark = pytest.mark.django_db

User = get_user_model()
API = "/api/v1/accounts"


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def test_a_commune_administrator_sees_and_changes_only_the_commune(api_as, user):
    api = api_as("quantri.tavan")
    listed = api.get(API).json()
    assert sorted(a["username"] for a in listed) == ["quantri.tavan", "tavan"]
    tavan = next(a for a in listed if a["username"] == "tavan")
    assert tavan["roles"] == [
        {
            "id": user("tavan").role_assignments.get().pk,
            "role": "can_bo_don_vi",
            "role_label": "Cán bộ đơn vị",
            "unit_id": Unit.objects.get(name="Xã Tả Van").pk,
            "unit_name": "Xã Tả Van",
            "valid_from": None,
            "valid_to": None,
            "in_force": True,
        }
    ]
    other = user("phuongsapa")
    assignment = other.role_assignments.get()
    assert api.get(f"{API}/{other.pk}").status_code == 404
    assert (
        api.patch(f"{API}/{other.pk}", json.dumps({"full_name": "X"}), "application/json")
    ).status_code == 404
    for url in (
        f"{API}/{other.pk}/deactivate",
        f"{API}/{other.pk}/reset-password",
        f"{API}/{other.pk}/roles/{assignment.pk}/end",
    ):
        assert post(api, url).status_code == 404, url
    response = post(api, f"{API}/{other.pk}/roles", {"role": "can_bo_don_vi", "unit_id": 1})
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy tài khoản."}
    other.refresh_from_db()
    assert other.is_active
    assert api.get(f"{API}?unit_id={Unit.objects.get(name='Phường Sa Pa').pk}").status_code == 404


def test_grants_above_scope_or_to_oneself_are_refused(api_as, user):
    api = api_as("quantri.tavan")
    tavan, me = user("tavan"), user("quantri.tavan")
    town = Unit.objects.get(name="Thị xã Sa Pa")
    commune = Unit.objects.get(name="Xã Tả Van")
    above = post(api, f"{API}/{tavan.pk}/roles", {"role": "quan_tri", "unit_id": town.pk})
    assert (above.status_code, above.json()["detail"]) == (404, "Không tìm thấy.")
    own = post(api, f"{API}/{me.pk}/roles", {"role": "chu_tich", "unit_id": commune.pk})
    assert own.status_code == 403
    assert own.json() == {"detail": "Không ai được tự giao vai trò cho chính mình."}
    created = post(
        api,
        API,
        {"username": "x.town", "full_name": "X", "unit_id": town.pk, "role": "can_bo_don_vi"},
    )
    assert created.status_code == 404
    assert not User.objects.filter(username="x.town").exists()
    assert api_as("noivu").get(API).status_code == 403
    assert post(api_as("noivu"), f"{API}/{tavan.pk}/deactivate").status_code == 403


def test_create_update_roles_and_end_through_the_api(api_as, user):
    api = api_as("quantri.tavan")
    commune = Unit.objects.get(name="Xã Tả Van")
    hamlet = Unit.objects.get(name="Thôn Tả Van Giáy")
    month_ago = (timezone.localdate() - timedelta(days=30)).isoformat()
    bad = post(api, API, {"username": "a b", "full_name": "", "unit_id": commune.pk, "role": "x"})
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"username", "full_name", "role"}
    response = post(
        api,
        API,
        {
            "username": "vhxh.tavan",
            "full_name": "Giàng Thị Mỷ",
            "email": "my@example.vn",
            "unit_id": commune.pk,
            "role": "chuyen_vien_tdkt",
            "valid_from": "2026-01-01",
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert len(body["temporary_password"]) == 12 and body["must_change_password"] is True
    account_id = body["id"]
    assert [(r["role"], r["valid_from"]) for r in body["roles"]] == [
        ("chuyen_vien_tdkt", "2026-01-01")
    ]
    patched = api.patch(
        f"{API}/{account_id}",
        json.dumps({"full_name": "Giàng Thị Mỷ", "email": "my2@example.vn"}),
        "application/json",
    )
    assert patched.json()["email"] == "my2@example.vn"
    role = post(
        api,
        f"{API}/{account_id}/roles",
        {
            "role": "thu_truong",
            "unit_id": hamlet.pk,
            "valid_from": month_ago,
            "valid_to": "2099-12-31",
        },
    )
    assert role.status_code == 201 and role.json()["in_force"] is True
    ended = post(api, f"{API}/{account_id}/roles/{role.json()['id']}/end", {})
    assert ended.status_code == 200 and ended.json()["in_force"] is False
    again = post(api, f"{API}/{account_id}/roles/{role.json()['id']}/end", {})
    assert again.status_code == 422
    assert again.json()["errors"] == {"__all__": ["Vai trò đã kết thúc."]}
    # A role granted from today and ended at once never held a day: the grant is withdrawn.
    today = post(api, f"{API}/{account_id}/roles", {"role": "can_bo_don_vi", "unit_id": hamlet.pk})
    assert today.status_code == 201
    assert post(api, f"{API}/{account_id}/roles/{today.json()['id']}/end", {}).status_code == 200
    assert not RoleAssignment.objects.filter(pk=today.json()["id"]).exists()
    reset = post(api, f"{API}/{account_id}/reset-password")
    assert len(reset.json()["temporary_password"]) == 12
    filtered = api.get(f"{API}?role=chuyen_vien_tdkt").json()
    assert [a["username"] for a in filtered] == ["vhxh.tavan"]


def test_a_deactivated_account_cannot_use_its_api_token(api_as, user):
    tavan_api = api_as("tavan")
    assert tavan_api.get("/api/v1/units").status_code == 200
    admin = api_as("quantri.tavan")
    response = post(admin, f"{API}/{user('tavan').pk}/deactivate")
    assert response.status_code == 200 and response.json()["is_active"] is False
    assert response.json()["roles"][0]["in_force"] is False
    assert tavan_api.get("/api/v1/units").status_code == 401
    assert post(admin, f"{API}/{user('tavan').pk}/deactivate").status_code == 422
    assert post(admin, f"{API}/{user('tavan').pk}/reactivate").status_code == 200
    assert tavan_api.get("/api/v1/units").status_code == 200
    me = user("quantri.tavan").pk
    assert post(admin, f"{API}/{me}/deactivate").status_code == 403


def test_bulk_import_stores_nothing_with_errors_unless_only_clean(api_as):
    api = api_as("quantri.tavan")
    rows = [
        {"username": "ct.one", "full_name": "Một", "unit": "Xã Tả Van", "role": "Cán bộ đơn vị"},
        {"username": "ct.two", "full_name": "Hai", "unit": "Phường Sa Pa", "role": "Cán bộ đơn vị"},
    ]
    refused = post(api, f"{API}/import", {"rows": rows})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {
            "row": 2,
            "column": "Đơn vị",
            "message": "Không tìm thấy đơn vị “Phường Sa Pa” trong phạm vi quản trị của bạn.",
        }
    ]
    assert not User.objects.filter(username__startswith="ct.").exists()
    rows[0]["valid_from"] = "2026-01-31"
    rows.append(
        {
            "username": "ct.three",
            "full_name": "Ba",
            "unit": "Xã Tả Van",
            "role": "thu_truong",
            "valid_from": "2026-02-30",
        }
    )
    done = post(api, f"{API}/import", {"rows": rows, "only_clean": True})
    assert done.status_code == 200
    assert [(c["row"], c["username"]) for c in done.json()["created"]] == [(1, "ct.one")]
    assert [(e["row"], e["column"]) for e in done.json()["errors"]] == [
        (2, "Đơn vị"),
        (3, "Từ ngày"),
    ]
    one = RoleAssignment.objects.get(user__username="ct.one")
    assert (one.role, one.valid_from) == (Role.CAN_BO_DON_VI, date(2026, 1, 31))
