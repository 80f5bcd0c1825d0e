"""A campaign ready for the council: both demo dossiers submitted and appraised; the meeting,
its ballot closed, and the decision drafted or signed from it. The fixtures are registered in
tests/conftest.py; tests import the steps (present, close_with_votes) from here."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from .core.files import PDF_BYTES

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PDF = PDF_BYTES  # a real small PDF: uploads are parsed


@pytest.fixture
def appraised(db):
    """Both demo dossiers submitted and appraised; every candidate eligible except the
    suspended one."""
    from thidua.demo.scenario import appraise_demo_dossiers

    return appraise_demo_dossiers()


@pytest.fixture
def meeting(appraised, user):
    from thidua.council import services as council

    meeting = council.create_meeting(
        actor=user("thuky"),
        campaign=appraised,
        held_on=date(2020, 10, 28),
        place="Phòng họp số 1, UBND thị xã",
        mode="electronic",
    )
    return meeting


def present(meeting, *usernames):
    from django.contrib.auth import get_user_model

    from thidua.council import services as council
    from thidua.council.models import CouncilMember

    ids = set(
        CouncilMember.objects.filter(
            council=meeting.council, user__username__in=usernames
        ).values_list("pk", flat=True)
    )
    council.set_attendance(
        actor=get_user_model().objects.get(username="thuky"),
        meeting=meeting,
        present_member_ids=ids,
    )


def close_with_votes(meeting, voters=("thuky", "hoidong1", "chutich", "hoidong2"), approve=True):
    """Everyone in ``voters`` present and voting ``approve`` on every candidate; ballot closed."""
    from django.contrib.auth import get_user_model

    from thidua.council import services as council
    from thidua.council.models import CouncilMember

    users = {u.username: u for u in get_user_model().objects.filter(username__in=voters)}
    ids = set(
        CouncilMember.objects.filter(council=meeting.council, user__in=users.values()).values_list(
            "pk", flat=True
        )
    )
    council.set_attendance(actor=users["thuky"], meeting=meeting, present_member_ids=ids)
    council.open_ballot(actor=users["thuky"], meeting=meeting)
    for member in users.values():
        council.cast_ballot(
            actor=member, meeting=meeting, choices={i.pk: approve for i in meeting.items.all()}
        )
    return council.close_ballot(actor=users["thuky"], meeting=meeting)


@pytest.fixture
def closed_meeting(meeting):
    return close_with_votes(meeting)


GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"


@pytest.fixture
def draft_decision(closed_meeting, user):
    """The town's Giấy khen decision drafted from the closed meeting, dated 30/10/2020."""
    from thidua.decisions import services

    return services.prepare_decision(
        actor=user("noivu"),
        meeting=closed_meeting,
        signed_on=date(2020, 10, 30),
        award_form=closed_meeting.campaign.award_forms.get(name=GK_TOWN),
    )


@pytest.fixture
def signed_decision(draft_decision, user):
    from thidua.decisions import services

    return services.approve(actor=user("chutich"), decision=draft_decision)
