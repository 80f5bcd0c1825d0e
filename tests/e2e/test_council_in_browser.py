"""The council's secretary runs the meeting, members vote on their phones, the officer drafts
the decision, the chairman signs it and the certificates print: in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_meeting_votes_decision_and_certificates(live_server, page, screenshot, login, fits_phone):
    from django.core.management import call_command

    from thidua.demo.scenario import appraise_demo_dossiers

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    campaign = appraise_demo_dossiers()
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    login(page, base, "thuky")
    page.goto(f"{base}/hoi-dong/")
    page.get_by_role("link", name="Tạo phiên họp").click()
    page.get_by_label("Đợt thi đua").select_option(value=str(campaign.pk))
    page.get_by_label("Ngày họp").fill("28/10/2020")
    page.get_by_label("Địa điểm").fill("Hội trường UBND thị xã Sa Pa")
    page.get_by_role("button", name="Tạo phiên họp").click()
    page.get_by_text("Đã tạo phiên họp").wait_for()
    meeting_url = page.url
    for box in page.locator("input[name=present]").all():
        box.check()
    page.get_by_role("button", name="Lưu danh sách có mặt").click()
    # The next button is on the page before the answer too: clicking it at once could cancel
    # the attendance's post.
    page.get_by_text("Đã lưu danh sách có mặt.").wait_for()
    page.get_by_role("button", name="Bắt đầu bỏ phiếu").click()
    page.get_by_text("Đang bỏ phiếu").first.wait_for()
    screenshot(page, "council-meeting-voting")

    page.set_viewport_size({"width": 390, "height": 844})
    for username in ("chutich", "hoidong1", "hoidong2", "thuky"):
        login(page, base, username)
        page.goto(meeting_url + "phieu/")
        for choice in page.locator(".choice-yes").all():
            choice.click()
        if username == "hoidong1":
            screenshot(page, "council-ballot-phone")
            fits_phone(page)
        page.get_by_role("button", name="Gửi phiếu").click()
        page.get_by_text("Đã ghi phiếu của bạn").wait_for()
    page.set_viewport_size({"width": 1280, "height": 900})

    login(page, base, "thuky")
    page.goto(meeting_url)
    page.get_by_role("button", name="Kết thúc bỏ phiếu và kiểm phiếu").click()
    page.get_by_text("Đã kết thúc bỏ phiếu").first.wait_for()
    # The status badge stands above the results' table, which may not be parsed yet.
    expect(page.locator(".badge", has_text="Đề nghị khen thưởng")).to_have_count(6)
    screenshot(page, "council-results")

    login(page, base, "noivu")
    page.goto(meeting_url)
    page.get_by_role("button", name="Lập dự thảo quyết định").click()
    page.get_by_text("Đã lập dự thảo quyết định").wait_for()
    page.get_by_label("Ngày ký").fill("30/10/2020")
    page.get_by_role("button", name="Lưu dự thảo").click()
    # The draft's URL answers the post; signing in next would cancel a post still on its way.
    page.get_by_text("Đã lưu dự thảo; tiền thưởng đã tính lại theo ngày ký.").wait_for()
    page.get_by_text("3.600.000 đ").first.wait_for()
    decision_url = page.url

    login(page, base, "chutich")
    page.goto(decision_url)
    page.get_by_role("button", name="Ký ban hành").click()
    page.get_by_text("Đã ký ban hành Quyết định số 01/QĐ-UBND").wait_for()
    screenshot(page, "decision-signed")
    href = page.get_by_role("link", name="In Giấy khen (PDF)").get_attribute("href")
    response = page.request.get(base + href)
    assert response.ok and response.body().startswith(b"%PDF")
