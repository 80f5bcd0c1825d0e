"""The chairman must enrol two-factor authentication: enrols in the browser (the QR, the key,
a code of the app computed here), sees the recovery codes once, logs out, and logs in again
with the password and a code."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from thidua.org.twofactor import secret_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_for(device: TOTPDevice, ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead)
    return f"{totp.token():0{device.digits}d}"


def test_chairman_enrols_then_logs_in_with_a_code(
    live_server, page, login, screenshot, settings, fits_phone
):
    from django.core.management import call_command

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    settings.THIDUA_REQUIRE_2FA = True
    base = live_server.url

    login(page, base, "chutich")
    page.get_by_role("heading", name="Xác thực hai bước").wait_for()
    assert "/tai-khoan/xac-thuc-hai-buoc/" in page.url
    assert "bắt buộc dùng xác thực hai bước" in page.inner_text("main")
    assert page.locator(".qr-code svg").count() == 1
    secret = page.inner_text("#totp-secret").replace(" ", "")
    device = TOTPDevice.objects.get(user__username="chutich", confirmed=False)
    assert secret == secret_of(device).replace(" ", "") and len(secret) == 32
    screenshot(page, "twofactor-enrol")

    # Any other page leads back here until enrolled.
    page.goto(base + "/dot-thi-dua/")
    assert "/tai-khoan/xac-thuc-hai-buoc/" in page.url

    page.get_by_label("Mã xác thực").fill(code_for(device))
    page.get_by_role("button", name="Xác nhận").click()
    page.get_by_role("heading", name="Mã khôi phục").wait_for()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    screenshot(page, "twofactor-recovery-codes")
    page.get_by_role("link", name="Tôi đã lưu mã khôi phục, tiếp tục").click()
    # The codes page is at the enrolment URL: leaving it is the sign of the next page.
    expect(page).not_to_have_url(re.compile("/tai-khoan/xac-thuc-hai-buoc/"))

    page.get_by_role("button", name="Đăng xuất").click()
    # Logged out, back on the home page (the same URL): the header offers to sign in again.
    page.locator(".user-menu").get_by_role("link", name="Đăng nhập", exact=True).wait_for()
    login(page, base, "chutich")
    page.get_by_role("heading", name="Mã xác thực").wait_for()
    assert "/dang-nhap/ma-xac-thuc/" in page.url
    fits_phone(page)
    device.refresh_from_db()
    page.get_by_label("Mã xác thực").fill(code_for(device, ahead=1))  # a step is used once
    page.get_by_role("button", name="Xác nhận").click()
    expect(page).not_to_have_url(re.compile("/dang-nhap/"))
    page.get_by_text("Chủ tịch UBND").first.wait_for()
    screenshot(page, "twofactor-signed-in")
