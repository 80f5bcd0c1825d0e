"""An open ballot appears on a council member's home page (desktop and phone), leads to the
ballot, and leaves the page once the member has voted."""

from datetime import date

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPEN = "Phiếu biểu quyết đang mở"


def test_open_ballot_on_the_members_home(live_server, page, login, screenshot, fits_phone):
    from django.contrib.auth import get_user_model

    from thidua.council import services as council
    from thidua.demo.scenario import appraise_demo_dossiers

    from ..demo_council import present

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    users = {u.username: u for u in get_user_model().objects.all()}
    meeting = council.create_meeting(
        actor=users["thuky"],
        campaign=appraise_demo_dossiers(),
        held_on=date(2020, 10, 28),
        place="Phòng họp số 1, UBND thị xã",
        mode="electronic",
    )
    present(meeting, "thuky", "hoidong1", "chutich", "hoidong2")
    council.open_ballot(actor=users["thuky"], meeting=meeting)
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, base, "hoidong1")
    queue = page.locator(".work-queue")
    queue.get_by_role("heading", name=OPEN).wait_for()
    screenshot(page, "home-ballot-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    queue.get_by_role("heading", name=OPEN).wait_for()
    fits_phone(page)
    screenshot(page, "home-ballot-phone")

    queue.get_by_role("link").first.click()
    page.wait_for_url(f"**/hoi-dong/{meeting.pk}/phieu/")
    for item in page.locator("input[type=radio][value='1']").all():
        item.check()
    page.get_by_role("button", name="Gửi phiếu").click()
    # The ballot's own URL answers the post: wait for the answer (going home at once could
    # cancel the post).
    page.get_by_text("Đã ghi phiếu của bạn").wait_for()
    page.goto(base + "/")
    assert OPEN not in page.inner_text("main")


def test_the_demo_ward_ballot_on_the_members_home(live_server, page, login, screenshot, fits_phone):
    """`make run`'s demo: the 2026 ward council's ballot waits on hoidong.sapa's home page, on a
    phone too; voting takes it off."""
    from thidua.council.models import Meeting, MeetingStatus, Vote

    call_command("seed_demo", verbosity=0)  # the default stage, as `make run` seeds
    meeting = Meeting.objects.get(status=MeetingStatus.VOTING)
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    page.set_viewport_size({"width": 390, "height": 844})
    login(page, base, "hoidong.sapa")
    queue = page.locator(".work-queue")
    queue.get_by_role("heading", name=OPEN).wait_for()
    assert "Phường Sa Pa văn minh, thân thiện, mến khách" in queue.inner_text()
    fits_phone(page)
    screenshot(page, "home-ward-ballot-phone")

    queue.get_by_role("link", name="Họp xét ngày").first.click()
    page.wait_for_url(f"**/hoi-dong/{meeting.pk}/phieu/")
    choices = page.locator("input[type=radio][value='1']").all()
    assert len(choices) == meeting.items.count() > 0
    for item in choices:
        item.check()
    page.get_by_role("button", name="Gửi phiếu").click()
    page.get_by_text("Đã ghi phiếu của bạn").wait_for()  # the answer, not the ballot before it
    assert Vote.objects.filter(member__user__username="hoidong.sapa").count() == len(choices)
    page.goto(base + "/")
    assert OPEN not in page.inner_text("main")
