"""API tokens carry a name, an expiry (past it: 401) and their last use (written at most once a
minute); their owner lists and revokes them on /tai-khoan/, an administrator of the owner's
units on /quan-tri/khoa-api/; issuing and revoking are audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from thidua.core.models import AuditEntry
from thidua.org.models import ApiToken, Role, RoleAssignment

pytestmark = pytest.mark.django_db

PAGE = "/quan-tri/khoa-api/"


def bearer(raw: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_the_owner_issues_a_named_token_with_its_expiry(client_as, user):
    client = client_as("noivu")
    before = timezone.now()
    response = client.post("/tai-khoan/", {"name": "Phần mềm một cửa", "days": "30"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=user("noivu"), name="Phần mềm một cửa")
    assert before + timedelta(days=30) <= token.expires_at <= timezone.now() + timedelta(days=30)
    page = client.get("/tai-khoan/").content.decode()
    assert (
        "Phần mềm một cửa" in page
        and token.expires_at.astimezone(timezone.get_current_timezone()).strftime("%d/%m/%Y")
        in page
    )
    entry = AuditEntry.objects.get(action="org.api_token.issued", object_id=str(token.pk))
    assert entry.actor == user("noivu") and entry.data["owner"] == user("noivu").pk


def test_the_default_expiry_is_ninety_days(client_as, user):
    client_as("noivu").post("/tai-khoan/", {"name": "Mặc định"})
    token = ApiToken.objects.get(name="Mặc định")
    assert round((token.expires_at - token.created_at).total_seconds() / 86400) == 90


def test_an_unknown_expiry_is_refused_with_a_message(client_as):
    response = client_as("noivu").post("/tai-khoan/", {"name": "Lạ", "days": "7"})
    assert response.status_code == 200
    assert (
        "Hãy chọn một lựa chọn hợp lệ. 7 không phải là một trong các lựa chọn khả thi."
        in response.content.decode()
    )
    assert not ApiToken.objects.filter(name="Lạ").exists()


def test_an_expired_token_gets_401(user):
    _token, raw = ApiToken.issue(user("noivu"), "Hết hạn", days=30)
    assert bearer(raw).get("/api/v1/units").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=30, seconds=1)):
        assert bearer(raw).get("/api/v1/units").status_code == 401
    assert bearer("tdkt_khong-co-khoa-nay").get("/api/v1/units").status_code == 401


def test_the_last_use_is_written_at_most_once_a_minute(user):
    token, raw = ApiToken.issue(user("noivu"), "Đồng bộ")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert bearer(raw).get("/api/v1/units").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at == start
    with time_machine.travel(start + timedelta(seconds=59), tick=False):
        bearer(raw).get("/api/v1/units")
    token.refresh_from_db()
    assert token.last_used_at == start  # not written again within the minute
    later = start + timedelta(seconds=60)
    with time_machine.travel(later, tick=False):
        bearer(raw).get("/api/v1/units")
    token.refresh_from_db()
    assert token.last_used_at == later


def test_a_revoked_token_gets_401_and_the_revocation_is_audited(client_as, user):
    token, raw = ApiToken.issue(user("noivu"), "Thu hồi")
    client_as("noivu").post("/tai-khoan/", {"revoke": token.pk})
    assert bearer(raw).get("/api/v1/units").status_code == 401
    entry = AuditEntry.objects.get(action="org.api_token.revoked", object_id=str(token.pk))
    assert entry.actor == user("noivu") and entry.message == "Thu hồi"


def test_the_administrator_lists_and_revokes_the_tokens_of_their_units(client_as, user):
    token, raw = ApiToken.issue(user("noivu"), "Kết nối một cửa")
    client = client_as("quantri")
    page = client.get(PAGE)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kết nối một cửa" in text and token.prefix in text and token.digest not in text
    response = client.post(f"{PAGE}{token.pk}/thu-hoi/")
    assert response.status_code == 302 and response["Location"] == PAGE
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert bearer(raw).get("/api/v1/units").status_code == 401
    entry = AuditEntry.objects.get(action="org.api_token.revoked", object_id=str(token.pk))
    assert entry.actor == user("quantri") and entry.data == {"owner": user("noivu").pk}


@pytest.mark.parametrize("username", ["noivu", "chutich", "thuky", "phuongsapa"])
def test_the_page_and_its_buttons_refuse_other_roles(client_as, user, username):
    token, _raw = ApiToken.issue(user("tavan"), "Của xã")
    client = client_as(username)
    assert client.get(PAGE).status_code == 403
    assert client.post(f"{PAGE}{token.pk}/thu-hoi/").status_code == 403
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_anonymous_is_sent_to_the_login(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_an_administrator_sees_only_the_accounts_of_their_units(personas):
    town_admin = personas.users["town_officer"].__class__.objects.create_user("persona.townadmin")
    RoleAssignment.objects.create(user=town_admin, role=Role.QUAN_TRI, unit=personas.units["town"])
    inside, _ = ApiToken.issue(personas.users["ward_officer"], "Trong thị xã")
    outside, _ = ApiToken.issue(personas.users["new_ward_officer"], "Phường mới")
    client = Client()
    client.force_login(town_admin)
    text = client.get(PAGE).content.decode()
    assert "Trong thị xã" in text and "Phường mới" not in text
    assert client.post(f"{PAGE}{outside.pk}/thu-hoi/").status_code == 404
    assert client.post(f"{PAGE}{9_999_999}/thu-hoi/").status_code == 404
    assert ApiToken.objects.filter(pk=outside.pk).exists()
    assert client.post(f"{PAGE}{inside.pk}/thu-hoi/").status_code == 302
    # The province's administrator covers both.
    province = personas.client("admin").get(PAGE).content.decode()
    assert "Phường mới" in province


def test_the_list_does_not_grow_queries_with_tokens(client_as, user):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client_as("quantri").get(PAGE).status_code == 200
        return len(queries)

    ApiToken.issue(user("noivu"), "Một")
    few = count()
    for n in range(20):
        ApiToken.issue(user(["noivu", "tavan", "phuongsapa", "thuky"][n % 4]), f"Khóa {n}")
    assert count() == few
