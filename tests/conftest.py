"""Shared fixtures. The demo data (the Sa Pa 2020 campaign and its people) is loaded once per
test database; each test then runs inside a transaction that is rolled back.

Personas are the demo accounts, named by what they are:
  noivu             Phòng Nội vụ officer over thị xã Sa Pa (manages campaigns)
  phuongsapa        officer of UBND phường Sa Pa; phuongsapa.truong is its head
  tavan             officer of UBND xã Tả Van (another unit, same level)
  phonggd           officer of Phòng Giáo dục và Đào tạo (a department)
  thuky, hoidong1   council secretary and member;  chutich  the town chairman
  truyenthong       media centre;  quantri  administrator over the province
  quantri.tavan     administrator of xã Tả Van only (the narrower scope of account pages)
  vhxh.sapa         emulation officer of the new phường Sa Pa (two-tier, from 01/07/2025)

Tests of rules that need no campaign use the ``personas`` fixture instead: a tiny tree of units
with one user per role (tests/personas.py), built in the test's own transaction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

# Fixtures on the demo data shared by several folders (nominations, participation, statistics;
# council, decisions, portal). Their modules also hold the steps tests import explicitly.
from .demo_council import (  # noqa: F401
    appraised,
    closed_meeting,
    draft_decision,
    meeting,
    signed_decision,
)
from .demo_dossiers import before_deadline, campaign, commune_dossier, ward_dossier  # noqa: F401
from .personas import Personas, build_personas
from .system_tools import missing_tools, require_tools


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--stage=dossiers", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def pytest_report_header(config):
    missing = missing_tools()
    if not missing:
        return "system tools: chromium, soffice, pdftotext, softhsm2 found"
    return tools_missing_line(missing)


def pytest_terminal_summary(terminalreporter):
    # The header is hidden under -q (our default): say it again at the end.
    if missing := missing_tools():
        terminalreporter.write_line(tools_missing_line(missing), yellow=True, bold=True)


def tools_missing_line(missing: list[str]) -> str:
    return (
        f"system tools MISSING: {', '.join(missing)}: the tests needing them are SKIPPED"
        " (they fail under CI=true); make system-deps installs them"
    )


DEPLOY = Path(__file__).resolve().parent / "deploy"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    # The deployment tests that use the deployed site (gunicorn, worker, backups) share it:
    # under pytest-xdist (`make test` runs `-n 2 --dist loadgroup`) they all go to one process.
    # The folder runs first, so that its waits on subprocesses overlap with the rest of the
    # suite; its tests without the site (the SQLite backup) go to whichever process is free.
    for item in items:
        uses_site = {"site", "server"} & set(getattr(item, "fixturenames", ()))
        if DEPLOY in item.path.parents and uses_site:
            item.add_marker(pytest.mark.xdist_group("deploy"))
    # Browser and thread tests use a transactional DB that is flushed afterwards: run them last
    # so that every other test (in the same process) still sees the demo data.
    items.sort(key=order)


def order(item) -> int:
    if DEPLOY in item.path.parents:
        return 0
    return 2 if any(item.get_closest_marker(m) for m in ("browser", "flushes_db")) else 1


@pytest.fixture
def user(db):
    def get(username: str):
        return get_user_model().objects.get(username=username)

    return get


@pytest.fixture
def personas(db) -> Personas:
    """A tiny tree of units with one user per role (tests/personas.py), independent of the demo
    data: for tests of rules that need no campaign."""
    return build_personas()


@pytest.fixture
def client_as(db):
    def make(username: str) -> Client:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return make


@pytest.fixture
def api_as(db):
    """A test client that sends a fresh API token of ``username``."""
    from thidua.org.models import ApiToken

    def make(username: str) -> Client:
        _token, raw = ApiToken.issue(get_user_model().objects.get(username=username), "test")
        return Client(headers={"Authorization": f"Bearer {raw}"})

    return make


@pytest.fixture
def docx_text(tmp_path):
    """Open a generated DOCX in LibreOffice, convert it to PDF and return the PDF's text (one
    space between words). Skipped (failed under CI) where LibreOffice or pdftotext is missing."""
    import subprocess

    require_tools("soffice", "pdftotext")

    def convert(content: bytes, name: str = "van-ban.docx") -> str:
        source = tmp_path / name
        source.write_bytes(content)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        pdf = source.with_suffix(".pdf")
        assert pdf.exists(), "LibreOffice could not open the generated DOCX"
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        (tmp_path / "last.txt").write_text(text)  # kept for a look when a test fails
        return " ".join(text.split())

    return convert
