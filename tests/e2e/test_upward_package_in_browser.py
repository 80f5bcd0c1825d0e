"""The officer builds the package sent upward from the meeting's page, watches it finish and
downloads the ZIP: in a real browser."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_builds_and_downloads_the_package(live_server, page, screenshot, login):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from thidua.council import services as council
    from thidua.demo.scenario import appraise_demo_dossiers
    from thidua.nominations.models import Candidate, Dossier

    from ..demo_council import close_with_votes

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    campaign = appraise_demo_dossiers()
    commune = Dossier.objects.get(campaign=campaign, unit__name="Xã Tả Van")
    pao = commune.candidates.get(person__full_name="Sùng A Páo")
    Candidate.objects.create(
        dossier=commune,
        person=pao.person,
        award_form=campaign.award_forms.get(name="Bằng khen của Chủ tịch UBND tỉnh"),
        summary="Điển hình tiêu biểu xuất sắc về phát triển du lịch cộng đồng",
        appraisal="du",
        order=10,
    )
    meeting = council.create_meeting(
        actor=get_user_model().objects.get(username="thuky"),
        campaign=campaign,
        held_on=date(2020, 10, 28),
        place="Hội trường",
        mode="electronic",
    )
    close_with_votes(meeting)
    base = live_server.url

    login(page, base, "noivu")
    page.goto(f"{base}/hoi-dong/{meeting.pk}/")
    button = page.get_by_role("button", name="Tạo gói gửi cấp trên")
    button.wait_for()
    screenshot(page, "upward-package-button")
    button.click()
    page.get_by_text("Đã tạo xong").wait_for()
    screenshot(page, "upward-package-done")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Tải tệp").click()
    download = waiting.value
    assert download.suggested_filename == f"goi-gui-cap-tren-{meeting.pk}.zip"
    names = zipfile.ZipFile(io.BytesIO(open(download.path(), "rb").read())).namelist()
    assert "01-to-trinh-bang-khen.pdf" in names and "danh-muc.csv" in names

    page.goto(f"{base}/hoi-dong/{meeting.pk}/")
    page.get_by_text("Gói đã tạo").wait_for()
