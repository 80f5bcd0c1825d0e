"""A campaign ready for the council: both demo dossiers submitted and appraised."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.campaigns.models import Campaign
from thidua.nominations import services
from thidua.nominations.models import Dossier

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PDF = b"%PDF-1.4\n%%EOF\n"


def _complete(dossier, actor):
    candidates = list(dossier.candidates.all())
    for required, applies in services.applicable_documents(dossier, candidates):
        if applies and not dossier.documents.filter(required=required).exists():
            targets = [None]
            if required.per_candidate:
                targets = [c for c in candidates if c.award_form_id == required.award_form_id]
            for candidate in targets:
                dossier.refresh_from_db()
                services.upload_document(actor=actor, dossier=dossier, version=dossier.version,
                                         uploaded=SimpleUploadedFile("x.pdf", PDF), required=required,
                                         candidate=candidate)  # fmt: skip


@pytest.fixture
def appraised(db, user):
    """Both demo dossiers appraised; every candidate eligible except the suspended one."""
    campaign = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    ward = Dossier.objects.get(campaign=campaign, unit__name="Phường Sa Pa")
    commune = Dossier.objects.get(campaign=campaign, unit__name="Xã Tả Van")
    with time_machine.travel(datetime(2020, 10, 20, 9, tzinfo=VN), tick=False):
        _complete(ward, user("phuongsapa"))
        services.submit(actor=user("phuongsapa.truong"), dossier=ward)
    noivu = user("noivu")
    for dossier in (ward, commune):
        for candidate in dossier.candidates.select_related("person"):
            suspended = candidate.person and candidate.person.reviewcase_set.exists()
            services.appraise_candidate(
                actor=noivu, candidate=candidate, decision="khong_du" if suspended else "du",
                reason="Đang xác minh đơn khiếu nại" if suspended else "",
            )  # fmt: skip
        services.mark_appraised(actor=noivu, dossier=dossier)
    return campaign


@pytest.fixture
def meeting(appraised, user):
    from thidua.council import services as council

    meeting = council.create_meeting(actor=user("thuky"), campaign=appraised, held_on=date(2020, 10, 28),
                                     place="Phòng họp số 1, UBND thị xã", mode="electronic")  # fmt: skip
    return meeting


def present(meeting, *usernames):
    from django.contrib.auth import get_user_model

    from thidua.council import services as council
    from thidua.council.models import CouncilMember

    ids = set(CouncilMember.objects.filter(council=meeting.council, user__username__in=usernames)
              .values_list("pk", flat=True))  # fmt: skip
    council.set_attendance(actor=get_user_model().objects.get(username="thuky"), meeting=meeting,
                           present_member_ids=ids)  # fmt: skip


def close_with_votes(meeting, voters=("thuky", "hoidong1", "chutich", "hoidong2"), approve=True):
    """Everyone in ``voters`` present and voting ``approve`` on every candidate; ballot closed."""
    from django.contrib.auth import get_user_model

    from thidua.council import services as council
    from thidua.council.models import CouncilMember

    users = {u.username: u for u in get_user_model().objects.filter(username__in=voters)}
    ids = set(CouncilMember.objects.filter(council=meeting.council, user__in=users.values())
              .values_list("pk", flat=True))  # fmt: skip
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
