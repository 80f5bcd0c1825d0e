"""The public portal on a phone: search an awarded person without diacritics, open a decision,
read a story; then the officer's statistics on the same phone."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_portal_on_a_phone(live_server, page, screenshot, fits_phone, login):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from thidua.council import services as council
    from thidua.council.models import CouncilMember
    from thidua.decisions import services as decisions
    from thidua.demo.scenario import appraise_demo_dossiers
    from thidua.portal import services as stories
    from thidua.portal.models import Story

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    campaign = appraise_demo_dossiers()
    users = {u.username: u for u in get_user_model().objects.all()}
    meeting = council.create_meeting(
        actor=users["thuky"],
        campaign=campaign,
        held_on=date(2020, 10, 28),
        place="Hội trường",
        mode="electronic",
    )
    council.set_attendance(
        actor=users["thuky"],
        meeting=meeting,
        present_member_ids=set(CouncilMember.objects.values_list("pk", flat=True)),
    )
    council.open_ballot(actor=users["thuky"], meeting=meeting)
    for name in ("thuky", "hoidong1", "hoidong2", "chutich"):
        council.cast_ballot(
            actor=users[name], meeting=meeting, choices={i.pk: True for i in meeting.items.all()}
        )
    meeting = council.close_ballot(actor=users["thuky"], meeting=meeting)
    decision = decisions.prepare_decision(
        actor=users["noivu"],
        meeting=meeting,
        signed_on=date(2020, 10, 30),
        award_form=campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã"),
    )
    decisions.approve(actor=users["chutich"], decision=decision)
    centre = users["truyenthong"].role_assignments.get().unit
    story = stories.save_story(
        actor=users["truyenthong"],
        story=Story(owner_unit=centre),
        kind="mo_hinh",
        title="Du lịch cộng đồng ở thôn Lao Chải",
        summary="Giữ bản sắc, tăng thu nhập.",
        body="<p>Gia đình <strong>Sùng A Páo</strong> mở homestay từ năm 2018.</p>",
        unit=None,
        person=None,
        campaign=campaign,
    )
    stories.move(actor=users["truyenthong"], story=story, action="submit")
    stories.move(actor=users["noivu"], story=story, action="publish")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/cong-khai/")
    page.get_by_text("Tra cứu tập thể, cá nhân được khen thưởng").wait_for()
    fits_phone(page)
    screenshot(page, "portal-home-phone")
    page.get_by_placeholder("Nhập tên, có dấu hoặc không dấu, ví dụ: hoang thi").fill("ly thi may")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_text("Lý Thị Mẩy").wait_for()
    # The results page reached: let it load whole before reading what it must not show.
    page.wait_for_load_state()
    body = page.inner_text("main")
    assert "Giấy khen của Chủ tịch UBND thị xã" in body and "01/QĐ-UBND" in body
    assert "1992" not in body  # no birth year of a named person
    fits_phone(page)
    screenshot(page, "portal-search-phone")
    page.get_by_role("link", name="Xem theo quyết định").click()
    page.get_by_role("heading", name="Quyết định khen thưởng đã ban hành").wait_for()
    fits_phone(page)
    screenshot(page, "portal-decisions-phone")
    page.get_by_role("link", name="Quyết định số 01/QĐ-UBND").click()
    page.get_by_role("cell", name="Lý Thị Mẩy").wait_for()
    page.wait_for_load_state()
    body = page.inner_text("main")
    assert "tập thể, cá nhân được khen thưởng" in body and "Xã Tả Van" in body
    fits_phone(page)
    screenshot(page, "portal-decision-phone")
    page.goto(live_server.url + "/cong-khai/dien-hinh/")
    page.get_by_role("link", name="Du lịch cộng đồng ở thôn Lao Chải").click()
    page.get_by_text("mở homestay từ năm 2018").wait_for()
    fits_phone(page)
    screenshot(page, "portal-story-phone")

    login(page, live_server.url, "noivu")
    page.goto(live_server.url + "/thong-ke/?nam=2020")
    page.get_by_role("heading", name="Thống kê thi đua, khen thưởng").wait_for()
    body = page.inner_text("main")
    assert "Phường Sa Pa" in body and "Xã Tả Van" in body and "50,0% (2/4)" in body
    fits_phone(page)
    screenshot(page, "statistics-phone")
