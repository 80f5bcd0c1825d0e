"""Phòng Nội vụ configures its council's members and each award form's voting rule."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from thidua.council import services
from thidua.council.models import Council, VotingRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return Council.objects.get(unit__name="Thị xã Sa Pa")


def test_officer_adds_and_ends_members(client_as, council):
    newcomer = get_user_model().objects.create_user("uyvien3", first_name="Vàng Thị Mai")
    client = client_as("noivu")
    response = client.post(
        f"/hoi-dong/cau-hinh/{council.pk}/thanh-vien/",
        {"user": newcomer.pk, "position": "uy_vien", "title": "Chủ tịch Hội Phụ nữ thị xã"},
        follow=True,
    )
    assert "Đã thêm thành viên" in response.content.decode()
    member = council.members.get(user=newcomer)
    again = client.post(
        f"/hoi-dong/cau-hinh/{council.pk}/thanh-vien/",
        {"user": newcomer.pk, "position": "uy_vien", "title": "x"},
        follow=True,
    )
    assert "đã là thành viên Hội đồng" in again.content.decode()
    second_secretary = client.post(
        f"/hoi-dong/cau-hinh/{council.pk}/thanh-vien/",
        {
            "user": get_user_model().objects.get(username="noivu").pk,
            "position": "thu_ky",
            "title": "x",
        },
        follow=True,
    )
    assert "đã có Thư ký" in second_secretary.content.decode()
    client.post(f"/hoi-dong/cau-hinh/{council.pk}/thanh-vien/{member.pk}/thoi/")
    member.refresh_from_db()
    assert member.valid_to is not None
    # A meeting held before the end date still counts the member.
    assert member.is_valid_on(date(2020, 10, 28))


def test_voting_rule_is_data_and_drives_the_tally(client_as, council, appraised, user):
    form = appraised.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã")
    client_as("noivu").post(
        f"/hoi-dong/cau-hinh/{council.pk}/quy-tac/{form.pk}/",
        {
            "quorum_percent": 80,
            "threshold_percent": 80,
            "base": "all_members",
            "secret_ballot": "on",
            "legal_basis": "Như bỏ phiếu danh hiệu CSTĐCS",
        },
    )
    rule = VotingRule.objects.get(award_form=form, valid_to__isnull=True)
    assert (rule.threshold_percent, rule.strictly_more, rule.quorum_percent) == (80, False, 80)
    meeting = services.create_meeting(
        actor=user("thuky"),
        campaign=appraised,
        held_on=date(2020, 10, 28),
        place="Hội trường",
        mode="electronic",
    )
    from ..demo_council import close_with_votes, present

    present(meeting, "thuky", "hoidong1", "chutich")  # 3 of 4 = 75 %: below the 80 % quorum
    with pytest.raises(services.CouncilError, match="cần ít nhất 80% thành viên có mặt"):
        services.open_ballot(actor=user("thuky"), meeting=meeting)
    close_with_votes(meeting)  # all four present, all approve: 4/4 = 100 % ≥ 80 %
    assert all(i.passed for i in meeting.items.all())


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("thuky", 403),  # the town is in their scope, but the role does not configure
        ("chutich", 403),
        ("phuongsapa", 404),  # a ward's officer: the town's council is outside the scope
    ],
)
def test_only_the_emulation_office_configures(client_as, council, username, status):
    response = client_as(username).get(f"/hoi-dong/cau-hinh/{council.pk}/")
    assert response.status_code == status
