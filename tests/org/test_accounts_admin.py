"""The administrator's account pages: scope (a commune's administrator sees and changes only
the commune's accounts), grants that nobody may make, deactivation, temporary passwords."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from thidua.core.models import AuditEntry
from thidua.demo.seed_accounts import DEMO_PASSWORD
from thidua.org.models import AccountProfile, Role, RoleAssignment, Unit

pytestmark = pytest.mark.django_db

User = get_user_model()
BASE = "/quan-tri/tai-khoan/"


def unit(name: str) -> Unit:
    return Unit.objects.get(name=name)


def login(username: str, password: str) -> Client:
    client = Client()
    response = client.post("/dang-nhap/", {"username": username, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def test_a_commune_administrator_lists_only_the_communes_accounts(client_as):
    page = client_as("quantri.tavan").get(BASE).content.decode()
    assert ">tavan</a>" in page and ">quantri.tavan</a>" in page
    for other in ("phuongsapa", "noivu", "quantri", "chutich"):
        assert f">{other}</a>" not in page, other
    province = client_as("quantri").get(BASE).content.decode()
    for username in ("tavan", "phuongsapa", "noivu", "quantri.tavan", "chutich"):
        assert f">{username}</a>" in province, username
    # The province administrator's own account holds a role above the commune: never listed
    # for the commune, and the filter by another commune's unit is a 404.
    other = unit("Phường Sa Pa")
    assert client_as("quantri.tavan").get(f"{BASE}?don_vi={other.pk}").status_code == 404


def test_another_communes_account_does_not_exist_for_a_commune_administrator(client_as, user):
    client = client_as("quantri.tavan")
    ward_officer = user("phuongsapa")
    assignment = ward_officer.role_assignments.get()
    for url in (f"{BASE}{ward_officer.pk}/", f"{BASE}{ward_officer.pk}/sua/"):
        assert client.get(url).status_code == 404, url
    for url, data in [
        (f"{BASE}{ward_officer.pk}/sua/", {"full_name": "X", "email": ""}),
        (f"{BASE}{ward_officer.pk}/khoa/", {}),
        (f"{BASE}{ward_officer.pk}/dat-lai-mat-khau/", {}),
        (f"{BASE}{ward_officer.pk}/gui-thu-mat-khau/", {}),
        (f"{BASE}{ward_officer.pk}/vai-tro/", {"role": "can_bo_don_vi", "unit": 1}),
        (f"{BASE}{ward_officer.pk}/vai-tro/{assignment.pk}/ket-thuc/", {}),
        (f"{BASE}{user('quantri').pk}/khoa/", {}),
    ]:
        assert client.post(url, data).status_code == 404, url
    ward_officer.refresh_from_db()
    assert ward_officer.is_active and ward_officer.first_name == "Đỗ Thị Hồng Nhung"
    assert ward_officer.role_assignments.get().valid_to is None


def test_who_is_not_an_administrator_gets_403(client_as, user):
    client = client_as("noivu")
    tavan = user("tavan")
    assert client.get(BASE).status_code == 403
    assert client.get(f"{BASE}{tavan.pk}/").status_code == 403
    assert client.post(f"{BASE}{tavan.pk}/khoa/").status_code == 403
    assert client.get(f"{BASE}them/").status_code == 403
    assert client.get(f"{BASE}nhap/").status_code == 403


def test_nobody_grants_outside_their_subtree_or_to_themselves(client_as, user):
    client = client_as("quantri.tavan")
    tavan, me = user("tavan"), user("quantri.tavan")
    town = unit("Thị xã Sa Pa")
    hamlet = unit("Thôn Lao Chải")
    # Above the commune (the town): the unit does not exist for them.
    response = client.post(
        f"{BASE}{tavan.pk}/vai-tro/", {"role": Role.CHUYEN_VIEN_TDKT, "unit": town.pk}
    )
    assert response.status_code == 404
    # To themselves, even inside their commune.
    response = client.post(f"{BASE}{me.pk}/vai-tro/", {"role": Role.QUAN_TRI, "unit": hamlet.pk})
    assert response.status_code == 403
    province = client_as("quantri")
    response = province.post(
        f"{BASE}{user('quantri').pk}/vai-tro/",
        {"role": Role.CHU_TICH, "unit": town.pk},
    )
    assert response.status_code == 403
    assert not RoleAssignment.objects.filter(
        user__in=[tavan, me, user("quantri")], unit__in=[town, hamlet]
    ).exists()


def test_a_role_granted_in_the_commune_with_dates_shows_on_both_account_pages(client_as, user):
    client = client_as("quantri.tavan")
    tavan = user("tavan")
    hamlet = unit("Thôn Lao Chải")
    response = client.post(
        f"{BASE}{tavan.pk}/vai-tro/",
        {
            "role": Role.THU_TRUONG,
            "unit": hamlet.pk,
            "valid_from": "01/01/2026",
            "valid_to": "31/12/2030",
        },
    )
    assert response.status_code == 302
    granted = RoleAssignment.objects.get(user=tavan, unit=hamlet)
    assert (granted.role, granted.valid_from, granted.valid_to, granted.granted_by) == (
        Role.THU_TRUONG,
        date(2026, 1, 1),
        date(2030, 12, 31),
        user("quantri.tavan"),
    )
    detail = client.get(f"{BASE}{tavan.pk}/").content.decode()
    assert "Thủ trưởng đơn vị</strong> – Thôn Lao Chải" in detail
    assert "01/01/2026" in detail and "31/12/2030" in detail
    own = client_as("tavan").get("/tai-khoan/").content.decode()
    assert "Thủ trưởng đơn vị</strong> – Thôn Lao Chải và các đơn vị trực thuộc" in own
    assert "(từ 01/01/2026 đến 31/12/2030)" in own
    entry = AuditEntry.objects.filter(action="org.account.role_granted").latest("id")
    assert entry.actor == user("quantri.tavan") and entry.object_id == str(tavan.pk)
    # The same open grant twice is a form error.
    again = client.post(f"{BASE}{tavan.pk}/vai-tro/", {"role": Role.THU_TRUONG, "unit": hamlet.pk})
    assert again.status_code == 302  # valid_to set above: a new open one is another grant
    third = client.post(f"{BASE}{tavan.pk}/vai-tro/", {"role": Role.THU_TRUONG, "unit": hamlet.pk})
    assert third.status_code == 400
    assert "Tài khoản đã giữ vai trò này ở đơn vị này (chưa kết thúc)." in third.content.decode()
    bad = client.post(
        f"{BASE}{tavan.pk}/vai-tro/",
        {
            "role": Role.CAN_BO_DON_VI,
            "unit": hamlet.pk,
            "valid_from": "02/01/2026",
            "valid_to": "01/01/2026",
        },
    )
    assert bad.status_code == 400
    assert "Ngày kết thúc phải từ ngày bắt đầu trở đi." in bad.content.decode()


def test_ending_a_role_takes_its_power_today(client_as, user):
    tavan = user("tavan")
    assignment = tavan.role_assignments.get()
    assert client_as("tavan").get("/don-vi/").status_code == 200
    response = client_as("quantri.tavan").post(
        f"{BASE}{tavan.pk}/vai-tro/{assignment.pk}/ket-thuc/", {"valid_to": ""}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.valid_to == timezone.localdate() - timedelta(days=1)
    assert client_as("tavan").get("/don-vi/").status_code == 403
    page = client_as("quantri.tavan").get(f"{BASE}{tavan.pk}/").content.decode()
    assert "Đã kết thúc" in page and "Không giữ vai trò nào." in page
    own = client_as("tavan").get("/tai-khoan/").content.decode()
    assert "Chưa được giao vai trò." in own
    yesterday = assignment.valid_to.strftime("%d/%m/%Y")
    assert f'Cán bộ đơn vị – Xã Tả Van <span class="muted small">(từ … đến {yesterday})' in own
    # The account is still the commune's (its ended role lies there).
    assert ">tavan</a>" in client_as("quantri.tavan").get(BASE).content.decode()


def test_create_an_account_shows_a_temporary_password_once_and_forces_a_change(client_as, user):
    client = client_as("quantri.tavan")
    commune = unit("Xã Tả Van")
    response = client.post(
        f"{BASE}them/",
        {
            "username": "vhxh.tavan",
            "full_name": "Giàng Thị Mỷ",
            "email": "my@tavan.example",
            "unit": commune.pk,
            "role": Role.CHUYEN_VIEN_TDKT,
            "delivery": "mat_khau_tam",
        },
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    raw = response.context["password"]
    assert (
        len(raw) == 12
        and f'<code id="temporary-password">{raw}</code>' in response.content.decode()
    )
    account = User.objects.get(username="vhxh.tavan")
    profile = account.account_profile
    assert (profile.unit, profile.must_change_password, profile.created_by) == (
        commune,
        True,
        user("quantri.tavan"),
    )
    assert raw not in client.get(f"{BASE}{account.pk}/").content.decode()  # shown once

    newcomer = login("vhxh.tavan", raw)
    for url in ("/", "/don-vi/", "/tai-khoan/", "/quan-tri/"):
        response = newcomer.get(url)
        assert (response.status_code, response["Location"]) == (302, "/tai-khoan/doi-mat-khau/")
    page = newcomer.get("/tai-khoan/doi-mat-khau/").content.decode()
    assert "Tài khoản của bạn đang dùng mật khẩu tạm" in page
    assert "<li>Mật khẩu cần có ít nhất 10 ký tự.</li>" in page
    assert "<li>Mật khẩu của bạn không được hoàn toàn bằng số.</li>" in page
    weak = newcomer.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": raw, "new_password1": "123", "new_password2": "123"},
    )
    text = weak.content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in text
    assert "Mật khẩu này hoàn toàn là số." in text
    assert newcomer.get("/").status_code == 302
    done = newcomer.post(
        "/tai-khoan/doi-mat-khau/",
        {
            "old_password": raw,
            "new_password1": "Ruong-bac-thang-26",
            "new_password2": "Ruong-bac-thang-26",
        },
    )
    assert (done.status_code, done["Location"]) == (302, "/tai-khoan/")
    assert newcomer.get("/").status_code == 200
    assert newcomer.get("/don-vi/").status_code == 200  # the role works
    profile.refresh_from_db()
    assert not profile.must_change_password and profile.password_changed_at is not None
    assert Client().login(username="vhxh.tavan", password="Ruong-bac-thang-26")
    assert AuditEntry.objects.filter(
        action="org.account.password_changed", object_id=str(account.pk)
    ).exists()


def test_a_username_taken_or_a_unit_outside_scope_is_refused_on_create(client_as):
    client = client_as("quantri.tavan")
    data = {"full_name": "A", "role": Role.CAN_BO_DON_VI, "delivery": "mat_khau_tam"}
    taken = client.post(f"{BASE}them/", {**data, "username": "TAVAN", "unit": unit("Xã Tả Van").pk})
    assert taken.status_code == 200 and "Tên đăng nhập “TAVAN” đã có." in taken.content.decode()
    outside = client.post(
        f"{BASE}them/", {**data, "username": "x1", "unit": unit("Phường Sa Pa").pk}
    )
    assert outside.status_code == 404
    no_mail = client.post(
        f"{BASE}them/",
        {**data, "username": "x2", "unit": unit("Xã Tả Van").pk, "delivery": "thu_dien_tu"},
    )
    assert "Cần địa chỉ email để gửi thư đặt mật khẩu." in no_mail.content.decode()
    assert not User.objects.filter(username__in=["x1", "x2"]).exists()


def test_demo_accounts_sign_in_without_a_forced_change():
    client = login("tavan", DEMO_PASSWORD)
    assert client.get("/").status_code == 200
    assert client.get("/tai-khoan/").status_code == 200


def test_a_deactivated_account_cannot_sign_in_nor_keep_its_session_nor_use_its_token(
    client_as, user, api_as
):
    tavan = user("tavan")
    session = login("tavan", DEMO_PASSWORD)
    api = api_as("tavan")
    assert api.get("/api/v1/units").status_code == 200
    admin = client_as("quantri.tavan")
    assert admin.post(f"{BASE}{tavan.pk}/khoa/").status_code == 302
    tavan.refresh_from_db()
    assert not tavan.is_active
    assert session.get("/don-vi/")["Location"].startswith("/dang-nhap/")
    refused = Client().post("/dang-nhap/", {"username": "tavan", "password": DEMO_PASSWORD})
    assert refused.status_code == 200
    assert "Vui lòng điền vào" in refused.content.decode()  # Django's own message, translated
    assert api.get("/api/v1/units").status_code == 401
    page = admin.get(f"{BASE}{tavan.pk}/").content.decode()
    assert "Tài khoản đã khóa: không giữ vai trò nào." in page
    listing = admin.get(f"{BASE}?trang_thai=khoa").content.decode()
    assert ">tavan</a>" in listing and ">quantri.tavan</a>" not in listing
    # Nobody locks themselves out.
    me = user("quantri.tavan")
    assert admin.post(f"{BASE}{me.pk}/khoa/").status_code == 403
    assert admin.post(f"{BASE}{tavan.pk}/mo-khoa/").status_code == 302
    assert login("tavan", DEMO_PASSWORD).get("/don-vi/").status_code == 200
    assert api.get("/api/v1/units").status_code == 200
    actions = list(
        AuditEntry.objects.filter(object_id=str(tavan.pk), action__startswith="org.account.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["org.account.deactivated", "org.account.reactivated"]


def test_a_reset_password_ends_the_old_one_and_forces_a_change(client_as, user):
    tavan = user("tavan")
    old_session = login("tavan", DEMO_PASSWORD)
    response = client_as("quantri.tavan").post(f"{BASE}{tavan.pk}/dat-lai-mat-khau/")
    raw = response.context["password"]
    assert old_session.get("/don-vi/").status_code == 302  # the session ended
    assert not Client().login(username="tavan", password=DEMO_PASSWORD)
    fresh = login("tavan", raw)
    assert fresh.get("/don-vi/")["Location"] == "/tai-khoan/doi-mat-khau/"
    assert AccountProfile.objects.get(user=tavan).must_change_password


def test_the_account_list_does_not_grow_queries_with_rows(client_as, django_assert_max_num_queries):
    client = client_as("quantri")
    commune = unit("Xã Tả Van")
    for i in range(30):
        account = User.objects.create_user(f"them{i}", password=None)
        RoleAssignment.objects.create(user=account, role=Role.CAN_BO_DON_VI, unit=commune)
    with django_assert_max_num_queries(9):  # 8 for the page, 1 for the unread notifications
        response = client.get(f"{BASE}?vai_tro=can_bo_don_vi")
    assert response.status_code == 200
    assert response.content.decode().count("Cán bộ đơn vị – Xã Tả Van") >= 31
