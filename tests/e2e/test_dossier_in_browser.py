"""A ward builds and submits its dossier in a real browser; Phòng Nội vụ extends and appraises."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ..core.files import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = PDF_BYTES


def test_ward_dossier_from_extension_to_appraisal(
    live_server, page, screenshot, tmp_path, login, fits_phone
):
    from django.core.management import call_command

    from thidua.nominations.models import Dossier

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    base = live_server.url
    dossier = Dossier.objects.get(
        unit__name="Phường Sa Pa", campaign__title__startswith="Đợt thi đua"
    )
    page.on("dialog", lambda dialog: dialog.accept())

    # The 2020 deadline has passed: Phòng Nội vụ extends it for this ward.
    login(page, base, "noivu")
    page.goto(f"{base}/ho-so/dot/{dossier.campaign_id}/")
    page.get_by_text("quá hạn chưa nộp").wait_for()
    screenshot(page, "dossier-dashboard")
    page.get_by_label("Đơn vị").select_option(label="Phường Sa Pa")
    until = timezone.localdate() + timedelta(days=7)
    page.get_by_label("Gia hạn đến ngày").fill(until.isoformat())
    page.get_by_label("Lý do").fill("Bổ sung hồ sơ sau đợt mưa lũ")
    page.get_by_role("button", name="Gia hạn").click()
    page.get_by_text(f"Đã gia hạn cho Phường Sa Pa đến ngày {until:%d/%m/%Y}").wait_for()

    # The ward officer completes the dossier.
    login(page, base, "phuongsapa")
    page.goto(f"{base}/dot-thi-dua/{dossier.campaign_id}/")
    page.get_by_role("link", name="Mở hồ sơ của Phường Sa Pa").click()
    page.get_by_role("link", name="Thêm người, tập thể").click()
    page.get_by_label("hoặc tập thể").select_option(label="Tổ dân phố số 2")
    page.get_by_label("Hình thức đề nghị").select_option(label="Giấy khen của Chủ tịch UBND thị xã")
    page.get_by_label("Tóm tắt thành tích").fill("Tổ dân phố văn minh, sạch đẹp, đoàn kết")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_role("heading", name="Kết quả kiểm tra tiêu chuẩn").wait_for()
    page.locator("form.attest").first.get_by_label("Đạt", exact=True).check()
    page.locator("form.attest").first.get_by_role("button", name="Xác nhận").click()
    page.get_by_text("Đã ghi nhận xác nhận.").wait_for()
    expect(page.locator("main")).to_contain_text(
        "Đã xác nhận đạt (Đỗ Thị Hồng Nhung)", use_inner_text=True
    )
    screenshot(page, "candidate-detail")

    page.goto(f"{base}/ho-so/{dossier.pk}/")
    pdf = tmp_path / "tai-lieu.pdf"
    pdf.write_bytes(PDF)
    missing = page.locator("#tai-lieu .alert-warning li")
    while left := missing.count():
        first = missing.first.inner_text()
        option = page.locator("#id_required option").filter(has_text=first[:40]).first
        page.locator("#id_required").select_option(value=option.get_attribute("value"))
        page.locator("#id_file").set_input_files(str(pdf))
        page.get_by_role("button", name="Tải lên").click()
        # Every upload answers "Đã tải lên" on the same page: from the second on, only the
        # shorter list tells the answer from the page before it.
        expect(missing).to_have_count(left - 1)
        page.get_by_text("Đã tải lên").first.wait_for()
        page.wait_for_load_state()
    page.get_by_text("Đã đủ các thành phần hồ sơ").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Danh sách trích ngang (DOCX)").click()
    assert download.value.suggested_filename.endswith(".docx")
    screenshot(page, "dossier-complete")

    # The head approves and submits; the dossier becomes read-only for the ward.
    login(page, base, "phuongsapa.truong")
    page.goto(f"{base}/ho-so/{dossier.pk}/")
    page.get_by_role("button", name="Duyệt và nộp hồ sơ").click()
    page.get_by_text("Đã thực hiện: Duyệt và nộp hồ sơ.").wait_for()
    page.wait_for_load_state()  # the whole page, before counting what it must not have
    assert page.get_by_role("link", name="Thêm người, tập thể").count() == 0

    # Phòng Nội vụ appraises one candidate and returns the dossier.
    login(page, base, "noivu")
    page.goto(f"{base}/ho-so/{dossier.pk}/")
    page.get_by_role("link", name="Tổ dân phố số 2").click()
    page.get_by_label("Đủ điều kiện", exact=True).check()
    page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    page.get_by_text("Đã ghi kết quả thẩm định").wait_for()
    page.get_by_label("Lý do, nội dung cần bổ sung").fill("Bổ sung báo cáo thành tích có xác nhận")
    page.get_by_role("button", name="Trả lại để bổ sung").click()
    page.get_by_text("Đã thực hiện: Trả lại để bổ sung.").wait_for()
    screenshot(page, "dossier-returned")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    screenshot(page, "dossier-phone")
    fits_phone(page)
