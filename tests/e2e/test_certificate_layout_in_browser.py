"""The administrator sets the town's certificate layout in the browser: uploads the emblem,
chooses printing on pre-printed blanks, moves the name, saves, and opens the test page."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_sets_the_layout(live_server, page, screenshot, login, tmp_path):
    from django.core.management import call_command

    from thidua.decisions.models import CertificateLayout
    from thidua.org.models import Unit

    call_command("seed_demo", verbosity=0)
    town = Unit.objects.get(name="Thị xã Sa Pa")
    emblem = tmp_path / "quoc-huy.png"
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), (200, 16, 46)).save(buffer, "PNG")
    emblem.write_bytes(buffer.getvalue())

    login(page, live_server.url, "quantri")
    page.goto(live_server.url + "/quan-tri/")
    page.get_by_role("link", name="Mẫu in Giấy khen").click()
    page.get_by_role("row", name="Thị xã Sa Pa").get_by_role("link", name="Sửa").click()
    expect(page).to_have_url(re.compile(f"/quyet-dinh/giay-khen/mau-in/{town.pk}/$"))
    page.get_by_label("In trên phôi Giấy khen (chỉ in chữ)").check()
    page.get_by_label("Tên tập thể, cá nhân được tặng: y (mm)").fill("101.5")
    page.get_by_label("Tải lên ảnh Quốc huy (PNG hoặc JPEG)").set_input_files(str(emblem))
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu mẫu in Giấy khen.").wait_for()
    # The message stands above the form: the image below it may not be parsed yet.
    expect(page.get_by_alt_text("Ảnh Quốc huy hiện tại")).to_be_visible()
    screenshot(page, "certificate-layout")
    layout = CertificateLayout.objects.get(issuer=town)
    assert (layout.mode, layout.positions["name"], layout.emblem_kind) == (
        "preprinted",
        [148.5, 101.5],
        "png",
    )
    response = page.request.get(
        live_server.url + f"/quyet-dinh/giay-khen/mau-in/{town.pk}/trang-in-thu.pdf"
    )
    assert response.status == 200 and response.body()[:5] == b"%PDF-"
