"""A returned dossier appears on the unit officer's home page (desktop and phone) with an
e-mail, and disappears once the head resubmits it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RETURNED = "Hồ sơ bị trả lại để bổ sung"


def test_returned_dossier_on_the_officers_home(live_server, page, login, screenshot, fits_phone):
    from django.contrib.auth import get_user_model

    from thidua.nominations.models import Dossier
    from thidua.nominations.services import oversight, workflow

    from ..demo_dossiers import complete_documents

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    users = {u.username: u for u in get_user_model().objects.all()}
    officer = users["phuongsapa"]
    officer.email = "phuongsapa@example.vn"
    officer.save()
    dossier = Dossier.objects.get(
        unit__name="Phường Sa Pa", campaign__title__startswith="Đợt thi đua"
    )
    # The 2020 deadline has passed: extended, completed and submitted through the services.
    oversight.grant_extension(
        actor=users["noivu"],
        campaign=dossier.campaign,
        unit=dossier.unit,
        until=timezone.localdate() + timedelta(days=7),
        reason="Bổ sung hồ sơ",
    )
    complete_documents(dossier, officer)
    workflow.submit(actor=users["phuongsapa.truong"], dossier=dossier)
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    # Phòng Nội vụ returns it in the browser.
    login(page, base, "noivu")
    page.goto(f"{base}/ho-so/{dossier.pk}/")
    page.get_by_label("Lý do, nội dung cần bổ sung").fill("Thiếu biên bản họp bình xét")
    page.get_by_role("button", name="Trả lại để bổ sung").click()
    page.get_by_text("Đã thực hiện: Trả lại để bổ sung.").wait_for()
    assert [m.to for m in mail.outbox] == [["phuongsapa@example.vn"]]
    assert mail.outbox[0].subject.endswith("Hồ sơ của Phường Sa Pa bị trả lại để bổ sung")

    # The ward officer sees it on the home page, on a desktop and on a phone.
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, base, "phuongsapa")
    page.goto(base + "/")
    queue = page.locator(".work-queue")
    queue.get_by_role("heading", name=RETURNED).wait_for()
    assert "Thông báo 1" in " ".join(page.inner_text(".user-menu").split())
    screenshot(page, "home-returned-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    queue.get_by_role("heading", name=RETURNED).wait_for()
    fits_phone(page)
    screenshot(page, "home-returned-phone")
    queue.get_by_role("link").first.click()
    page.wait_for_url(f"**/ho-so/{dossier.pk}/")
    page.get_by_text("Thiếu biên bản họp bình xét").first.wait_for()

    # The head resubmits; the item leaves the officer's home page.
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, base, "phuongsapa.truong")
    page.goto(f"{base}/ho-so/{dossier.pk}/")
    page.get_by_role("button", name="Duyệt và nộp hồ sơ").click()
    page.get_by_text("Đã thực hiện: Duyệt và nộp hồ sơ.").wait_for()
    login(page, base, "phuongsapa")
    page.goto(base + "/")
    page.locator(".work-queue").wait_for()
    assert RETURNED not in page.inner_text(".work-queue")
