"""The council meets: docket from the appraisal, quorum, secret votes, tally, minutes."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.council import services
from thidua.council.models import DocketItem, Vote

from ..demo_council import present

pytestmark = pytest.mark.django_db


def vote_all(client, meeting, approve: bool = True):
    data = {f"item_{i.pk}": "1" if approve else "0" for i in meeting.items.all()}
    return client.post(f"/hoi-dong/{meeting.pk}/phieu/", data, follow=True)


def test_secretary_creates_the_meeting_from_the_appraised_candidates(client_as, appraised):
    response = client_as("thuky").post(
        "/hoi-dong/tao/",
        {
            "campaign": appraised.pk,
            "held_on": "28/10/2020",
            "place": "Hội trường UBND thị xã",
            "mode": "electronic",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Đã tạo phiên họp" in page
    meeting = response.context["meeting"]
    names = {
        i.candidate.name
        for i in meeting.items.select_related("candidate__person", "candidate__unit")
    }
    # Ineligible (suspended) people stay off the docket; the others are grouped by form.
    assert "Nguyễn Thị Thu Hương" in names and "Sùng A Páo" in names and "Thôn Lao Chải" in names
    suspended = appraised.dossiers.get(unit__name="Phường Sa Pa").candidates.get(
        appraisal="khong_du"
    )
    assert suspended.name not in names
    assert "Giấy khen của Chủ tịch UBND thị xã" in page


@pytest.mark.parametrize("username", ["hoidong1", "noivu", "phuongsapa"])
def test_only_the_secretary_creates_meetings(client_as, appraised, username):
    response = client_as(username).post(
        "/hoi-dong/tao/",
        {"campaign": appraised.pk, "held_on": "28/10/2020", "place": "x", "mode": "electronic"},
    )
    assert response.status_code == 403


def test_ballot_needs_a_quorum(client_as, meeting):
    present(meeting, "thuky", "hoidong1")  # 2 of 4: below two thirds
    response = client_as("thuky").post(f"/hoi-dong/{meeting.pk}/thao-tac/open/", follow=True)
    assert "Chưa đủ số thành viên có mặt" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == "preparing"


def test_votes_are_secret_once_only_members_present_and_only_the_secretary_closes(
    client_as, meeting
):
    present(meeting, "thuky", "hoidong1", "chutich")
    client_as("thuky").post(f"/hoi-dong/{meeting.pk}/thao-tac/open/")
    meeting.refresh_from_db()
    assert meeting.status == "voting"

    assert "Đã ghi phiếu của bạn" in vote_all(client_as("chutich"), meeting).content.decode()
    again = vote_all(client_as("chutich"), meeting, approve=False)
    assert "Phiếu của bạn đã được ghi nhận lúc " in again.content.decode()
    assert Vote.objects.filter(item__meeting=meeting, approve=False).count() == 0

    absent = vote_all(client_as("hoidong2"), meeting)
    assert "không có tên trong danh sách có mặt" in absent.content.decode()
    assert client_as("noivu").get(f"/hoi-dong/{meeting.pk}/phieu/").status_code == 403
    assert client_as("phuongsapa").get(f"/hoi-dong/{meeting.pk}/").status_code == 404

    # While voting, nobody sees the counts, only how many members have voted.
    page = client_as("hoidong1").get(f"/hoi-dong/{meeting.pk}/").content.decode()
    assert "1/3 thành viên có mặt đã bỏ phiếu" in page and "đồng ý (" not in page

    vote_all(client_as("hoidong1"), meeting)
    vote_all(client_as("thuky"), meeting, approve=False)
    assert client_as("hoidong1").post(f"/hoi-dong/{meeting.pk}/thao-tac/close/").status_code == 403
    client_as("thuky").post(f"/hoi-dong/{meeting.pk}/thao-tac/close/")
    meeting.refresh_from_db()
    assert meeting.status == "closed"
    item = meeting.items.first()
    assert (item.yes, item.no) == (2, 1)
    assert item.passed is False  # 2 of 4 members is not more than half of all members
    assert "2/4 đồng ý (50%), cần trên 50% tổng số thành viên hội đồng" in item.result_note
    late = vote_all(client_as("chutich"), meeting)
    assert (
        "không trong thời gian bỏ phiếu" in late.content.decode()
        or "Đã kết thúc" in late.content.decode()
    )


def test_women_first_when_tied_for_the_last_place_of_a_quota(client_as, meeting, user):
    # Four individuals, two of them women, all approved by everyone: two places.
    form = meeting.items.first().candidate.award_form
    form.quota_individual = 2
    form.save()
    present(meeting, "thuky", "hoidong1", "chutich", "hoidong2")
    services.open_ballot(actor=user("thuky"), meeting=meeting)
    for username in ("thuky", "hoidong1", "chutich", "hoidong2"):
        vote_all(client_as(username), meeting)
    services.close_ballot(actor=user("thuky"), meeting=meeting)
    individuals = list(
        meeting.items.filter(candidate__person__isnull=False, candidate__award_form=form)
        .select_related("candidate__person")
        .order_by("rank")
    )
    assert len(individuals) == 4 and all(i.passed for i in individuals)
    chosen = [i for i in individuals if i.within_quota]
    assert {i.candidate.person.gender for i in chosen} == {"nu"} and len(chosen) == 2
    assert all(i.within_quota is False for i in individuals if i.candidate.person.gender == "nam")
    assert all("ưu tiên nữ" in i.result_note for i in individuals)

    form.quota_individual = 1  # now two women tie for one place: the council decides
    form.save()
    services.tally(meeting)
    women = [
        i for i in meeting.items.filter(candidate__person__gender="nu", candidate__award_form=form)
    ]
    assert all(i.within_quota is None and "Hội đồng quyết định" in i.result_note for i in women)


def test_paper_ballots_entered_as_counts(client_as, appraised, user):
    meeting = services.create_meeting(
        actor=user("thuky"),
        campaign=appraised,
        held_on=date(2020, 10, 28),
        place="Hội trường",
        mode="paper",
    )
    present(meeting, "thuky", "hoidong1", "chutich")
    services.open_ballot(actor=user("thuky"), meeting=meeting)
    items = list(meeting.items.all())
    too_many = {f"yes_{items[0].pk}": "3", f"no_{items[0].pk}": "1"}
    response = client_as("thuky").post(
        f"/hoi-dong/{meeting.pk}/kiem-phieu-giay/", too_many, follow=True
    )
    assert "vượt số thành viên có mặt (3)" in response.content.decode()
    counts = {}
    for item in items:
        counts |= {f"yes_{item.pk}": "3", f"no_{item.pk}": "0"}
    client_as("thuky").post(f"/hoi-dong/{meeting.pk}/kiem-phieu-giay/", counts)
    assert vote_all(client_as("chutich"), meeting).status_code == 200  # refused with a message
    services.close_ballot(actor=user("thuky"), meeting=meeting)
    assert all(i.passed for i in DocketItem.objects.filter(meeting=meeting))
