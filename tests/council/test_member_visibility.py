"""A council member sees a meeting's papers while a member on its date; after leaving the
council, only the meetings they attended. Who may download the minutes is the table
``council.policy.MINUTES_READERS``; each row is tested here."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from thidua.council import policy, services
from thidua.council.models import CouncilMember

from ..demo_council import present

pytestmark = pytest.mark.django_db

LEFT = date(2021, 1, 1)  # after the demo meeting of 28/10/2020, long before today


def leave(username: str, on: date = LEFT) -> None:
    CouncilMember.objects.filter(user__username=username).update(valid_to=on)


@pytest.fixture
def held(meeting, user):
    """The demo meeting, its ballot closed, with Hoàng Thị Yến (hoidong2) absent."""
    present(meeting, "thuky", "hoidong1", "chutich")
    services.open_ballot(actor=user("thuky"), meeting=meeting)
    for username in ("thuky", "hoidong1", "chutich"):
        services.cast_ballot(
            actor=user(username),
            meeting=meeting,
            choices={i.pk: True for i in meeting.items.all()},
        )
    return services.close_ballot(actor=user("thuky"), meeting=meeting)


def urls(meeting) -> dict[str, str]:
    return {
        "page": f"/hoi-dong/{meeting.pk}/",
        "minutes": f"/hoi-dong/{meeting.pk}/bien-ban.docx",
        "panel": f"/quyet-dinh/hop-xet/{meeting.pk}/",
    }


def test_a_current_member_absent_from_the_meeting_sees_it_and_its_minutes(client_as, held):
    client = client_as("hoidong2")
    for name, url in urls(held).items():
        assert client.get(url).status_code == 200, name
    assert held in policy.meetings_visible_to(get_user_model().objects.get(username="hoidong2"))
    assert "Tải Biên bản họp xét" in client.get(urls(held)["page"]).content.decode()


def test_after_leaving_an_absent_member_no_longer_sees_the_meeting(client_as, api_as, held):
    leave("hoidong2")
    client = client_as("hoidong2")
    for name, url in urls(held).items():
        assert client.get(url).status_code == 404, name
    assert held.pk not in [m["id"] for m in api_as("hoidong2").get("/api/v1/meetings").json()]
    assert api_as("hoidong2").get(f"/api/v1/meetings/{held.pk}").status_code == 404
    listing = client.get("/hoi-dong/").content.decode()
    assert f"/hoi-dong/{held.pk}/" not in listing


def test_after_leaving_a_member_who_attended_still_sees_the_meeting(client_as, api_as, held):
    leave("hoidong1")
    client = client_as("hoidong1")
    for name, url in urls(held).items():
        assert client.get(url).status_code == 200, name
    assert api_as("hoidong1").get(f"/api/v1/meetings/{held.pk}").status_code == 200
    assert policy.minutes_reason(get_user_model().objects.get(username="hoidong1"), held) == (
        "attended"
    )


def test_a_member_who_joined_after_the_meeting_does_not_see_it(client_as, held):
    late = get_user_model().objects.create_user("hoidong3", password="x")
    CouncilMember.objects.create(
        council=held.council, user=late, position="uy_vien", title="Ủy viên", valid_from=LEFT
    )
    client = client_as("hoidong3")
    for name, url in urls(held).items():
        assert client.get(url).status_code == 404, name
    assert not policy.meetings_visible_to(late).exists()


def test_a_member_whose_term_ended_before_the_meeting_does_not_see_it(client_as, meeting):
    leave("hoidong2", date(2020, 10, 27))  # the day before the meeting
    assert client_as("hoidong2").get(f"/hoi-dong/{meeting.pk}/").status_code == 404
    assert client_as("hoidong1").get(f"/hoi-dong/{meeting.pk}/").status_code == 200


def test_the_minutes_exist_only_after_the_ballot(client_as, meeting):
    for username in ("thuky", "noivu", "chutich"):
        response = client_as(username).get(f"/hoi-dong/{meeting.pk}/bien-ban.docx")
        assert response.status_code == 404, username


@pytest.mark.parametrize(
    ("username", "left", "reason", "status"),
    [
        ("thuky", False, "member", 200),
        ("hoidong2", False, "member", 200),  # absent, still a member
        ("hoidong1", True, "attended", 200),  # present, has left since
        ("hoidong2", True, None, 404),  # absent and has left: the meeting is gone for them
        ("noivu", False, "office", 200),  # Phòng Nội vụ: prepares the decision from it
        ("chutich", True, "chairman", 200),  # left the council and … see below
        ("phuongsapa", False, None, 404),  # a ward below the town
        ("tavan", False, None, 404),
        ("quantri", False, None, 404),  # the administrator reads no council papers
        ("truyenthong", False, None, 404),
    ],
)
def test_who_downloads_the_minutes(client_as, held, username, left, reason, status):
    if username == "chutich":
        # The chairman of the town reads them as the one who signs the decision, even when
        # they no longer sit on the council and missed the meeting.
        held.attendance.filter(member__user__username="chutich").update(present=False)
    if left:
        leave(username)
    user = get_user_model().objects.get(username=username)
    assert policy.minutes_reason(user, held) == reason
    response = client_as(username).get(f"/hoi-dong/{held.pk}/bien-ban.docx")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml"
        )


def test_the_readers_table_names_every_reason():
    assert list(policy.MINUTES_READERS) == ["member", "attended", "office", "chairman"]
    assert all(label and label[0].isupper() for label in policy.MINUTES_READERS.values())
