"""Login throttling (django-axes): five wrong passwords for an account, or from an address,
lock the login (the right password too) until the cool-off is over or an administrator
unlocks it; the page says so in Vietnamese; every attempt is audited."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from thidua.core.models import AuditEntry
from thidua.demo.seed_accounts import DEMO_PASSWORD
from thidua.org.models import Role, RoleAssignment

pytestmark = pytest.mark.django_db

LOGIN = "/dang-nhap/"
PAGE = "/quan-tri/khoa-api/"
LOCKED = "Đăng nhập bị tạm khóa trong 30 phút kể từ lần sai thứ 5"


@pytest.fixture(autouse=True)
def throttling_on(settings):
    """The suite runs without throttling (settings_test); these tests turn it on."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)


def attempt(username: str, password: str, ip: str = "10.1.1.1") -> int:
    return (
        Client(REMOTE_ADDR=ip).post(LOGIN, {"username": username, "password": password}).status_code
    )


def signs_in(username: str, ip: str = "10.1.1.1") -> bool:
    client = Client(REMOTE_ADDR=ip)
    response = client.post(LOGIN, {"username": username, "password": DEMO_PASSWORD})
    return response.status_code == 302 and "_auth_user_id" in client.session


def test_twenty_five_wrong_passwords_lock_the_account_and_the_right_one_is_refused():
    statuses = [attempt("noivu", f"sai-{n}") for n in range(25)]
    assert statuses == [200] * 4 + [429] * 21
    client = Client(REMOTE_ADDR="10.1.1.1")
    response = client.post(LOGIN, {"username": "noivu", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    text = response.content.decode()
    assert "Tạm khóa đăng nhập" in text and "đã nhập sai mật khẩu 5 lần" in text and LOCKED in text
    assert "_auth_user_id" not in client.session
    # From another address too: the account itself is locked.
    assert not signs_in("noivu", ip="10.9.9.9")


def test_the_attempts_are_audited():
    for n in range(5):
        attempt("noivu", f"sai-{n}")
    attempt("noivu", DEMO_PASSWORD)
    actions = Counter(
        AuditEntry.objects.filter(action__startswith="org.login.").values_list("action", flat=True)
    )
    assert actions == {"org.login.failed": 5, "org.login.locked": 1, "org.login.refused": 1}
    last = AuditEntry.objects.filter(action__startswith="org.login.").order_by("id").last()
    assert (last.action, last.data) == (
        "org.login.refused",
        {"username": "noivu", "ip": "10.1.1.1"},
    )
    locked = AuditEntry.objects.get(action="org.login.locked")
    assert locked.data == {"username": "noivu", "ip": "10.1.1.1"}
    assert locked.object_type == "auth.user" and locked.message == "noivu từ 10.1.1.1: sai 5 lần"
    assert signs_in("tavan", ip="10.2.2.2")
    assert AuditEntry.objects.filter(
        action="org.login.succeeded", message="tavan từ 10.2.2.2"
    ).exists()


def test_the_lock_ends_after_the_cool_off():
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        for n in range(5):
            attempt("noivu", f"sai-{n}")
        assert not signs_in("noivu")
    with time_machine.travel(now + timedelta(minutes=29), tick=False):
        assert not signs_in("noivu")  # a refused attempt does not restart the time
    with time_machine.travel(now + timedelta(minutes=30, seconds=1), tick=False):
        assert signs_in("noivu")


def test_a_right_password_before_the_limit_forgets_the_mistakes():
    for n in range(4):
        attempt("noivu", f"sai-{n}")
    assert signs_in("noivu")
    assert [attempt("noivu", f"lai-sai-{n}") for n in range(4)] == [200] * 4
    assert signs_in("noivu")


def test_an_address_trying_many_accounts_is_locked_other_addresses_are_not():
    assert [attempt(f"khong-co-{n}", "sai", ip="10.6.6.6") for n in range(5)] == [200] * 4 + [429]
    assert not signs_in("tavan", ip="10.6.6.6")
    assert signs_in("tavan", ip="10.7.7.7")


def test_the_administrator_sees_and_unlocks_an_account(client_as, user):
    for n in range(5):
        attempt("noivu", f"sai-{n}")
    admin = client_as("quantri")
    page = admin.get(PAGE).content.decode()
    assert "<code>noivu</code>" in page and 'name="username" value="noivu"' in page
    response = admin.post(f"{PAGE}mo-khoa/", {"username": "noivu"})
    assert response.status_code == 302 and response["Location"] == PAGE
    assert "<code>noivu</code>" not in admin.get(PAGE).content.decode()
    assert signs_in("noivu")
    entry = AuditEntry.objects.get(action="org.login.unlocked")
    assert (entry.actor, entry.message, entry.object_id) == (
        user("quantri"),
        "noivu",
        str(user("noivu").pk),
    )


def test_the_top_administrator_unlocks_an_address(client_as):
    for n in range(5):
        attempt(f"khong-co-{n}", "sai", ip="10.6.6.6")
    admin = client_as("quantri")
    assert 'name="ip_address" value="10.6.6.6"' in admin.get(PAGE).content.decode()
    assert admin.post(f"{PAGE}mo-khoa/", {"ip_address": "10.6.6.6"}).status_code == 302
    assert signs_in("tavan", ip="10.6.6.6")


@pytest.mark.parametrize("username", ["noivu", "chutich", "phuongsapa"])
def test_only_an_administrator_unlocks(client_as, username):
    for n in range(5):
        attempt("tavan", f"sai-{n}")
    response = client_as(username).post(f"{PAGE}mo-khoa/", {"username": "tavan"})
    assert response.status_code == 403
    assert not signs_in("tavan")


def test_an_administrator_unlocks_only_the_accounts_of_their_units(personas):
    town_admin = personas.users["admin"].__class__.objects.create_user("persona.townadmin")
    RoleAssignment.objects.create(user=town_admin, role=Role.QUAN_TRI, unit=personas.units["town"])
    client = Client()
    client.force_login(town_admin)
    for n in range(5):
        attempt("persona.new_ward_officer", f"sai-{n}")
        attempt("persona.ward_officer", f"sai-{n}", ip="10.3.3.3")
    page = client.get(PAGE).content.decode()
    assert "persona.ward_officer" in page and "persona.new_ward_officer" not in page
    assert "10.3.3.3" not in page  # addresses: the top unit's administrator only
    assert (
        client.post(f"{PAGE}mo-khoa/", {"username": "persona.new_ward_officer"}).status_code == 404
    )
    assert client.post(f"{PAGE}mo-khoa/", {"ip_address": "10.3.3.3"}).status_code == 403
    assert client.post(f"{PAGE}mo-khoa/", {"username": "persona.ward_officer"}).status_code == 302


def test_choosing_nothing_to_unlock_says_so(client_as):
    response = client_as("quantri").post(f"{PAGE}mo-khoa/", {}, follow=True)
    assert response.status_code == 200
    assert "Chọn một tài khoản hoặc một địa chỉ để mở khóa." in response.content.decode()


def test_the_lock_list_does_not_grow_queries_with_locks(client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client_as("quantri").get(PAGE).status_code == 200
        return len(queries)

    for n in range(5):
        attempt("noivu", f"sai-{n}", ip="10.4.4.1")
    few = count()
    for username in ("tavan", "phuongsapa", "thuky"):
        for n in range(5):
            attempt(username, f"sai-{n}", ip=f"10.4.4.{len(username)}")
    assert count() == few
