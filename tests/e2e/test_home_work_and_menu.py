"""The home page lists the user's work; the main menu stays on one row at 1366 px and folds
behind a button on a phone."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chairman_sees_the_decision_to_sign_and_the_menu_fits(
    live_server, page, login, screenshot, fits_phone
):
    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    from datetime import date

    from django.contrib.auth import get_user_model

    from thidua.decisions import services
    from thidua.demo.scenario import appraise_demo_dossiers

    from ..demo_council import GK_TOWN, close_with_votes

    campaign = appraise_demo_dossiers()
    from thidua.council import services as council

    meeting = council.create_meeting(
        actor=get_user_model().objects.get(username="thuky"),
        campaign=campaign,
        held_on=date(2020, 10, 28),
        place="Phòng họp số 1",
        mode="electronic",
    )
    close_with_votes(meeting)
    services.prepare_decision(
        actor=get_user_model().objects.get(username="noivu"),
        meeting=meeting,
        signed_on=date(2020, 10, 30),
        award_form=campaign.award_forms.get(name=GK_TOWN),
    )

    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, live_server.url, "chutich")
    page.goto(live_server.url + "/")
    queue = page.locator(".work-queue")
    queue.get_by_role("heading", name="Quyết định chờ ký ban hành").wait_for()
    assert "Thông báo" in page.inner_text(".user-menu")
    tops = page.eval_on_selector_all(
        ".site-nav a", "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, f"the menu wraps at 1366 px: {tops}"
    screenshot(page, "home-chutich-1366")

    login(page, live_server.url, "noivu")  # the widest menu
    tops = page.eval_on_selector_all(
        ".site-nav a", "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, f"the menu wraps at 1366 px: {tops}"
    screenshot(page, "home-noivu-1366")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")
    nav = page.locator(".site-nav")
    assert not nav.is_visible()
    page.get_by_text("Danh mục").click()
    nav.get_by_role("link", name="Hồ sơ").wait_for()
    fits_phone(page)
    screenshot(page, "home-noivu-phone-menu")
    queue.get_by_role("link").first.click()
    # Leaving "/" for the item's page: wait_for_load_state would return on the loaded home page.
    expect(page).to_have_url(re.compile("/ho-so/|/dot-thi-dua/"))
