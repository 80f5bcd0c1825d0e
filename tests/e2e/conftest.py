"""Playwright driving Debian's Chromium. Skipped, with a visible reason, where it is missing
(failed under CI=true: see tests/system_tools.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ..system_tools import CHROMIUM, require_tools
from .slow_server import install as install_slow_server

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_configure(config):
    if os.environ.get("THIDUA_E2E_SLOW"):  # see slow_server.py
        install_slow_server()


@pytest.fixture(scope="session")
def browser():
    require_tools("chromium")
    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test body.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    # expect() retries for 5 s by default: give it the pages' 15 s (a loaded CI machine).
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """Save a full-page PNG under test-artifacts/ to look at after the run."""

    def take(page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def login():
    """Sign in as a demo account in a fresh session."""
    from playwright.sync_api import expect

    from thidua.demo.seed_accounts import DEMO_PASSWORD

    def sign_in(page, base: str, username: str) -> None:
        page.context.clear_cookies()
        page.goto(base + "/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        # The click returns before the answer, and wait_for_load_state alone returns at once on
        # the loaded login page: first wait to leave it (for home, the two-factor or the password
        # page), then for the page reached to load.
        expect(page).not_to_have_url(base + "/dang-nhap/")
        page.wait_for_load_state()

    return sign_in


@pytest.fixture
def fits_phone():
    """Assert the page does not scroll sideways (tables scroll inside their own box)."""

    def check(page) -> None:
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"page scrolls sideways on a phone by {overflow}px"

    return check
