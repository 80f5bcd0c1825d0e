"""Generated passwords, their cheap hash, the demo's printed accounts and the API's schema."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, identify_hasher
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.test import Client, override_settings

from thidua.org import passwords

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_generated_passwords_pass_the_password_rules(user):
    tavan = user("tavan")
    for _ in range(50):
        raw = passwords.generate_password()
        assert len(raw) == 12
        validate_password(raw, tavan)  # raises if a rule refuses it


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
def test_a_temporary_hash_is_cheap_and_is_rehashed_at_full_cost_when_used(user):
    encoded = passwords.temporary_hash("Tam-thoi-123")
    algorithm, iterations, *_ = encoded.split("$")
    assert (algorithm, int(iterations)) == ("pbkdf2_sha256", 20_000)
    assert check_password("Tam-thoi-123", encoded)
    tavan = user("tavan")
    tavan.password = encoded
    tavan.save()
    assert Client().login(username="tavan", password="Tam-thoi-123")
    tavan.refresh_from_db()
    assert int(tavan.password.split("$")[1]) == identify_hasher(tavan.password).iterations


def test_a_password_change_ends_the_other_sessions(user):
    tavan = user("tavan")
    tavan.set_password("Ruong-bac-thang-26")
    tavan.save()
    here, elsewhere = Client(), Client()
    for client in (here, elsewhere):
        assert client.login(username="tavan", password="Ruong-bac-thang-26")
    here.post(
        "/tai-khoan/doi-mat-khau/",
        {
            "old_password": "Ruong-bac-thang-26",
            "new_password1": "Hoa-dao-Ta-Van-1",
            "new_password2": "Hoa-dao-Ta-Van-1",
        },
    )
    assert here.get("/don-vi/").status_code == 200
    assert elsewhere.get("/don-vi/").status_code == 302


def test_the_demo_prints_the_commune_administrator():
    out = io.StringIO()
    call_command("seed_demo", "--stage=dossiers", stdout=out)
    line = next(x for x in out.getvalue().splitlines() if x.startswith("quantri.tavan "))
    assert line.split() == ["quantri.tavan", "Quản", "trị", "hệ", "thống", "Xã", "Tả", "Van"]


def test_the_create_page_offers_only_units_in_scope(client_as):
    page = client_as("quantri.tavan").get("/quan-tri/tai-khoan/them/").content.decode()
    assert "Xã Tả Van</option>" in page and "Thôn Lao Chải</option>" in page
    assert "Phường Sa Pa</option>" not in page and "Thị xã Sa Pa</option>" not in page
    assert "Cấp mật khẩu tạm" in page


def test_the_api_schema_documents_the_account_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/accounts",
        "/api/v1/accounts/import",
        "/api/v1/accounts/{account_id}",
        "/api/v1/accounts/{account_id}/roles",
        "/api/v1/accounts/{account_id}/roles/{role_id}/end",
    ):
        assert path in paths, path
