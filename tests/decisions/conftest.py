"""Fixtures of the decisions tests: a closed meeting that proposes an award upward."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.council import services as council
from thidua.nominations.models import Candidate, Dossier

from ..demo_council import close_with_votes

BK = "Bằng khen của Chủ tịch UBND tỉnh"


@pytest.fixture
def meeting_with_upward(appraised, user):
    commune = Dossier.objects.get(campaign=appraised, unit__name="Xã Tả Van")
    pao = commune.candidates.get(person__full_name="Sùng A Páo")
    Candidate.objects.create(
        dossier=commune,
        person=pao.person,
        award_form=appraised.award_forms.get(name=BK),
        summary="Điển hình tiêu biểu xuất sắc về phát triển du lịch cộng đồng",
        appraisal="du",
        order=10,
    )
    meeting = council.create_meeting(
        actor=user("thuky"),
        campaign=appraised,
        held_on=date(2020, 10, 28),
        place="Hội trường",
        mode="electronic",
    )
    return close_with_votes(meeting)
