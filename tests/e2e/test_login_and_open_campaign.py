"""A Phòng Nội vụ officer logs in and opens the seed campaign in a real browser."""

import pytest
from playwright.sync_api import expect

from thidua.demo.management.commands.seed_demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_logs_in_and_reads_the_campaign(live_server, page, screenshot, fits_phone):
    from django.core.management import call_command

    call_command(
        "seed_demo", "--stage=dossiers", verbosity=0
    )  # idempotent: the data is already there before the flush
    page.goto(live_server.url + "/")
    assert "Đợt thi đua chào mừng Kỷ niệm 70 năm ngày giải phóng Sa Pa" in page.content()
    page.get_by_role("link", name="Đăng nhập").first.click()
    page.get_by_label("Tên đăng nhập").fill("noivu")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    # The same URL answers before and after the post: wait for the answer, not the URL.
    expect(page.locator(".alert-error")).to_have_count(1)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Chuyên viên thi đua, khen thưởng").first.wait_for()
    screenshot(page, "home-noivu")

    # The campaign list (the work queue above it links dossiers of the same campaign).
    page.locator(".campaign-list").get_by_role(
        "link", name="Đợt thi đua chào mừng Kỷ niệm 70 năm ngày giải phóng Sa Pa"
    ).first.click()
    page.get_by_role("heading", name="III.2. Hình thức và tiêu chuẩn khen thưởng").wait_for()
    page.wait_for_load_state()  # the campaign's page reached: read it once loaded
    body = page.inner_text("main")
    assert "Giấy khen của Chủ tịch UBND thị xã" in body
    assert "25/10/2020" in body
    assert "Giúp đỡ được từ 03 hộ trở lên thoát nghèo" in body
    screenshot(page, "campaign-detail")

    page.get_by_role("link", name="Đơn vị").first.click()
    page.get_by_text("Xã Trung Chải").wait_for()
    screenshot(page, "unit-tree")

    page.set_viewport_size({"width": 390, "height": 844})
    page.go_back()
    screenshot(page, "campaign-detail-phone")
    fits_phone(page)
