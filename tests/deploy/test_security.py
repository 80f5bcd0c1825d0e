"""Security headers, no inline script in any template, sessions that end, settings that refuse
an unsafe production start."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.envurl import parse_email_url

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "thidua").glob("**/templates/**/*.html"))
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script> block"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an inline event handler (on…=)"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
    (re.compile(r"\sstyle\s*=", re.I), "an inline style attribute"),
    (re.compile(r"<style", re.I), "an inline <style> block"),
]


def test_no_template_carries_inline_script_handlers_or_styles():
    assert len(TEMPLATES) > 50
    found = []
    for path in TEMPLATES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, what in INLINE:
                if pattern.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {what}")
    # Use data-confirm="…" / data-width="…" (static/js/app.js) and classes of app.css instead.
    assert found == []


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/dang-nhap/")
    assert response.status_code == 200
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    page = response.content.decode()
    assert '<script src="/static/js/app.js" defer></script>' in page
    assert '"includeIndicatorStyles": false' in page  # htmx must not inject a <style>


def test_only_the_api_docs_page_allows_inline_styles(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "style-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]
    assert "script-src 'self';" in response["Content-Security-Policy"]


def test_the_script_that_replaces_inline_handlers_is_served(client):
    response = client.get("/static/js/app.js")
    assert response.status_code == 200
    script = b"".join(response.streaming_content).decode()
    assert "data-confirm" in script and "data-width" in script


def test_confirmations_are_data_attributes(client, django_user_model):
    pages = [p.read_text(encoding="utf-8") for p in TEMPLATES]
    assert sum(page.count("data-confirm=") for page in pages) >= 10
    assert not any("confirm(" in page for page in pages)


# Sessions -------------------------------------------------------------------------------------


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_session_ends_after_eight_idle_hours_and_activity_extends_it(django_user_model):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600 and settings.SESSION_ENGINE == "thidua.sessions"
    user = django_user_model.objects.create_user("nhanrien", password="mat-khau-dai-123")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client = signed_in(user)
        assert client.get("/tai-khoan/").status_code == 200
        clock.move_to(start + timedelta(hours=7, minutes=50))
        assert client.get("/tai-khoan/").status_code == 200  # used: eight more hours
        clock.move_to(start + timedelta(hours=15, minutes=40))
        assert client.get("/tai-khoan/").status_code == 200
        clock.move_to(start + timedelta(hours=23, minutes=41))
        response = client.get("/tai-khoan/")
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
def test_the_expiry_is_written_at_most_once_a_minute(django_user_model):
    user = django_user_model.objects.create_user("moiphut", password="mat-khau-dai-123")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client = signed_in(user)

        def writes() -> int:
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/tai-khoan/").status_code == 200
            return sum('UPDATE "django_session"' in q["sql"] for q in queries.captured_queries)

        assert writes() == 0  # just signed in
        clock.move_to(start + timedelta(seconds=50))
        assert writes() == 0
        clock.move_to(start + timedelta(seconds=70))
        assert writes() == 1
        assert writes() == 0
    expiry = Session.objects.get(session_key=client.session.session_key).expire_date
    assert expiry == start + timedelta(seconds=70) + timedelta(hours=8)


@pytest.mark.django_db
@pytest.mark.urls("tests.deploy.password_urls")
def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(django_user_model):
    user = django_user_model.objects.create_user("doimatkhau", password="mat-khau-cu-123")
    here, elsewhere = signed_in(user), signed_in(user)
    assert elsewhere.get("/tai-khoan/").status_code == 200
    response = here.post(
        "/doi-mat-khau/",
        {
            "old_password": "mat-khau-cu-123",
            "new_password1": "Mat-khau-moi-2026!",
            "new_password2": "Mat-khau-moi-2026!",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    assert here.get("/tai-khoan/").status_code == 200
    response = elsewhere.get("/tai-khoan/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
def test_a_password_set_by_someone_else_ends_every_session(django_user_model):
    user = django_user_model.objects.create_user("datlai", password="mat-khau-cu-123")
    client = signed_in(user)
    user.set_password("Mat-khau-moi-2026!")
    user.save()
    assert client.get("/tai-khoan/").status_code == 302


# Settings from the environment -----------------------------------------------------------------

PRODUCTION = {
    "THIDUA_DEBUG": "false",
    "THIDUA_SECRET_KEY": "k" * 20 + "-production-like-key-with-enough-entropy-0123456789",
    "THIDUA_ALLOWED_HOSTS": "thidua.example.gov.vn",
    "DJANGO_SETTINGS_MODULE": "thidua.settings",
    "THIDUA_DATA_DIR": "/tmp/thidua-settings-test",
}


def run_settings(env: dict, code: str = "print('ok')") -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    base.pop("DATABASE_URL", None)
    script = f"import django; django.setup(); from django.conf import settings as s; {code}"
    return subprocess.run(
        [sys.executable, "-c", script],
        env={**base, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"THIDUA_SECRET_KEY": "change-me-to-a-long-random-string"}, "example placeholder"),
        ({"THIDUA_SECRET_KEY": ""}, "THIDUA_SECRET_KEY must be set"),
        ({"THIDUA_ALLOWED_HOSTS": ""}, "THIDUA_ALLOWED_HOSTS must name the host"),
    ],
)
def test_production_refuses_to_start_without_a_real_key_and_hosts(change, message):
    result = run_settings({**PRODUCTION, **change})
    assert result.returncode == 1
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_defaults_https_persistent_checked_connections_and_hashed_static():
    code = (
        "d = s.DATABASES['default']; print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.SESSION_COOKIE_SECURE, d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'],"
        " s.STORAGES['staticfiles']['BACKEND'], s.STORAGES['default']['BACKEND'])"
    )
    result = run_settings(PRODUCTION, code)
    assert result.stdout.split() == [
        "False",
        "True",
        "31536000",
        "True",
        "60",
        "True",
        "thidua.staticfiles.HashedStaticFilesStorage",
        "django.core.files.storage.FileSystemStorage",
    ], result.stderr


def test_media_on_s3_compatible_storage_and_email_from_the_environment():
    env = {
        **PRODUCTION,
        "THIDUA_S3_BUCKET": "ho-so",
        "THIDUA_S3_ENDPOINT_URL": "http://minio:9000",
        "EMAIL_URL": "smtp://thidua%40laocai.gov.vn:b%C3%AD-m%E1%BA%ADt@mail.laocai.gov.vn:587?tls=true",
    }
    code = (
        "o = s.STORAGES['default']; print(o['BACKEND'], o['OPTIONS']['bucket_name'],"
        " o['OPTIONS']['endpoint_url'], s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER,"
        " s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
    )
    result = run_settings(env, code)
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "ho-so",
        "http://minio:9000",
        "mail.laocai.gov.vn",
        "587",
        "thidua@laocai.gov.vn",
        "bí-mật",
        "True",
        "False",
    ], result.stderr


def test_email_url_forms():
    assert parse_email_url("smtps://mail.example.gov.vn")["port"] == 465
    assert parse_email_url("smtps://mail.example.gov.vn")["use_ssl"] is True
    assert parse_email_url("smtp://localhost")["port"] == 25
    with pytest.raises(Exception, match="smtp://"):
        parse_email_url("http://mail.example.gov.vn")
