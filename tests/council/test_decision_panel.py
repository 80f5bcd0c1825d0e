"""The decisions panel of a meeting page comes from the decisions app (an HTMX fragment), with
the same scope and buttons as before; certificates and stories follow their state tables."""

from __future__ import annotations

import pytest

from thidua.core.audit import history

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def test_the_meeting_page_loads_the_decisions_panel(client_as, closed_meeting):
    url = f"/quyet-dinh/hop-xet/{closed_meeting.pk}/"
    page = client_as("noivu").get(f"/hoi-dong/{closed_meeting.pk}/").content.decode()
    assert f'hx-get="{url}"' in page and 'hx-trigger="load"' in page
    assert f'href="{url}"' in page  # without scripts, a plain link

    fragment = client_as("noivu").get(url, headers=HTMX).content.decode()
    assert "Lập dự thảo quyết định" in fragment and "<html" not in fragment
    whole = client_as("noivu").get(url).content.decode()
    assert "Lập dự thảo quyết định" in whole and "<html" in whole

    member = client_as("hoidong1").get(url, headers=HTMX)
    assert member.status_code == 200 and "Lập dự thảo quyết định" not in member.content.decode()
    assert client_as("phuongsapa").get(url, headers=HTMX).status_code == 404


def test_no_panel_before_the_ballot_is_closed(client_as, meeting):
    page = client_as("thuky").get(f"/hoi-dong/{meeting.pk}/").content.decode()
    assert "/quyet-dinh/hop-xet/" not in page
    panel = client_as("thuky").get(f"/quyet-dinh/hop-xet/{meeting.pk}/", headers=HTMX)
    assert "Lập dự thảo quyết định" not in panel.content.decode()


def test_starting_the_certificates_is_recorded(
    client_as, signed_decision, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_as("noivu").post(f"/quyet-dinh/{signed_decision.pk}/giay-khen/tao/")
    assert signed_decision.certificate_batches.get().status == "done"
    assert [e.action for e in history(signed_decision)].count(
        "decisions.certificates.requested"
    ) == 1


def test_a_story_moves_only_from_the_state_its_table_says(client_as, user):
    from thidua.portal import services
    from thidua.portal.models import Story
    from thidua.portal.policy import writer_units

    writer = user("truyenthong")
    story = services.save_story(
        actor=writer,
        story=Story(owner_unit=writer_units(writer)[0]),
        kind="mo_hinh",
        title="Mô hình",
        summary="Tóm tắt",
        body="<p>x</p>",
    )
    page = client_as("truyenthong").get(f"/dien-hinh/{story.pk}/").content.decode()
    assert "Gửi duyệt" in page and "Duyệt và đăng" not in page
    client_as("truyenthong").post(f"/dien-hinh/{story.pk}/thao-tac/submit/")
    page = client_as("noivu").get(f"/dien-hinh/{story.pk}/").content.decode()
    assert "Duyệt và đăng" in page and "Trả lại để sửa: ý kiến" in page
    client_as("noivu").post(f"/dien-hinh/{story.pk}/thao-tac/publish/")
    again = client_as("noivu").post(f"/dien-hinh/{story.pk}/thao-tac/publish/", follow=True)
    assert "Bài không ở trạng thái “Chờ duyệt”" in again.content.decode()
    assert client_as("noivu").post(f"/dien-hinh/{story.pk}/thao-tac/xoa/").status_code == 404
    story.refresh_from_db()
    assert story.status == "published"
