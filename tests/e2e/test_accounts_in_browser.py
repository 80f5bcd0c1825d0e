"""A commune's administrator creates an account in the browser; its user signs in with the
temporary password, is held on the change page until a new password is chosen, then sees the
role on the account page."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_create_an_account_and_change_the_password_at_first_sign_in(
    live_server, page, login, screenshot
):
    from django.core.management import call_command

    call_command(
        "seed_demo", "--stage=dossiers", verbosity=0
    )  # idempotent: the data is already there before the flush
    base = live_server.url
    login(page, base, "quantri.tavan")
    page.goto(base + "/quan-tri/")
    page.get_by_role("link", name="Tạo tài khoản").click()
    page.get_by_label("Tên đăng nhập").fill("vhxh.tavan")
    page.get_by_label("Họ và tên").fill("Giàng Thị Mỷ")
    page.locator("#id_unit").select_option(label="Xã Tả Van")
    page.locator("#id_role").select_option(label="Chuyên viên thi đua, khen thưởng")
    page.get_by_role("button", name="Tạo tài khoản").click()
    page.locator("#temporary-password").wait_for()
    page.wait_for_load_state()  # the page reached, whole
    password = page.locator("#temporary-password").inner_text()
    assert len(password) == 12
    screenshot(page, "account-temporary-password")
    page.get_by_role("link", name="Xem tài khoản").click()
    page.get_by_role("heading", name="Vai trò đang giữ").wait_for()
    assert "Mật khẩu tạm: phải đổi khi đăng nhập" in page.inner_text("main")
    screenshot(page, "account-detail")

    page.context.clear_cookies()
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("vhxh.tavan")
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Đổi mật khẩu").wait_for()
    assert page.url == base + "/tai-khoan/doi-mat-khau/"
    page.goto(base + "/don-vi/")  # anything else brings the user back
    assert page.url == base + "/tai-khoan/doi-mat-khau/"
    page.locator("#id_old_password").fill(password)
    page.locator("#id_new_password1").fill("12345678")
    page.locator("#id_new_password2").fill("12345678")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    # The refusal comes back on the same URL: wait for it rather than read the page at once.
    expect(page.locator("main")).to_contain_text(
        "Mật khẩu quá ngắn: cần ít nhất 10 ký tự.", use_inner_text=True
    )
    screenshot(page, "password-change-refused")
    page.locator("#id_old_password").fill(password)
    page.locator("#id_new_password1").fill("Ruong-bac-thang-26")
    page.locator("#id_new_password2").fill("Ruong-bac-thang-26")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.get_by_text("Đã đổi mật khẩu.").wait_for()
    assert page.url == base + "/tai-khoan/"
    assert "Chuyên viên thi đua, khen thưởng – Xã Tả Van" in page.inner_text("#vai-tro-dang-giu")
    page.goto(base + "/don-vi/")
    assert page.url == base + "/don-vi/"
