"""Refusals of the remaining endpoints: wrong role or wrong unit, with the real ids."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.campaigns.models import Campaign
from thidua.council import services as council
from thidua.nominations.models import Candidate, Dossier

from ..core.files import PDF_BYTES
from ..demo_council import close_with_votes, present

pytestmark = pytest.mark.django_db


def test_only_the_secretary_records_attendance_and_paper_counts(client_as, appraised, user):
    meeting = council.create_meeting(
        actor=user("thuky"),
        campaign=appraised,
        held_on=date(2020, 10, 28),
        place="Hội trường",
        mode="paper",
    )
    members = list(meeting.attendance.values_list("member_id", flat=True))
    assert (
        client_as("hoidong1")
        .post(f"/hoi-dong/{meeting.pk}/co-mat/", {"present": members})
        .status_code
        == 403
    )
    assert not meeting.attendance.filter(present=True).exists()
    present(meeting, "thuky", "hoidong1", "chutich")
    council.open_ballot(actor=user("thuky"), meeting=meeting)
    item = meeting.items.first()
    response = client_as("chutich").post(
        f"/hoi-dong/{meeting.pk}/kiem-phieu-giay/", {f"yes_{item.pk}": "3", f"no_{item.pk}": "0"}
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.paper_yes is None


def test_higher_decision_is_recorded_only_by_the_emulation_office(client_as, appraised, user):
    commune = Dossier.objects.get(campaign=appraised, unit__name="Xã Tả Van")
    pao = commune.candidates.get(person__full_name="Sùng A Páo")
    bk = appraised.award_forms.get(name="Bằng khen của Chủ tịch UBND tỉnh")
    Candidate.objects.create(
        dossier=commune, person=pao.person, award_form=bk, summary="x", appraisal="du", order=10
    )
    meeting = close_with_votes(
        council.create_meeting(
            actor=user("thuky"),
            campaign=appraised,
            held_on=date(2020, 10, 28),
            place="HT",
            mode="electronic",
        )
    )
    url = f"/quyet-dinh/cap-tren/{meeting.pk}/{bk.pk}/"
    assert client_as("chutich").get(url).status_code == 403
    assert client_as("phuongsapa").get(url).status_code == 404


def test_certificates_cannot_be_started_from_another_unit(client_as, closed_meeting, user):
    from thidua.decisions import services

    decision = services.prepare_decision(
        actor=user("noivu"),
        meeting=closed_meeting,
        award_form=closed_meeting.campaign.award_forms.get(
            name="Giấy khen của Chủ tịch UBND thị xã"
        ),
    )
    services.approve(actor=user("chutich"), decision=decision)
    assert client_as("tavan").post(f"/quyet-dinh/{decision.pk}/giay-khen/tao/").status_code == 404
    assert not decision.certificate_batches.exists()


def test_a_units_plan_file_is_not_downloadable_by_another_unit(client_as, appraised):
    ward = Dossier.objects.get(campaign=appraised, unit__name="Phường Sa Pa").unit
    client_as("phuongsapa").post(
        f"/dot-thi-dua/{appraised.pk}/trien-khai/don-vi/{ward.pk}/",
        {
            "which": "plan",
            "kh-number": "12/KH-UBND",
            "kh-signed_on": "10/03/2020",
            "kh-file": SimpleUploadedFile("kh.pdf", PDF_BYTES),
        },
    )
    plan = appraised.unit_plans.get(unit=ward)
    url = f"/dot-thi-dua/{appraised.pk}/trien-khai/tep/ke-hoach/{plan.pk}/"
    assert client_as("phuongsapa").get(url).status_code == 200
    assert client_as("noivu").get(url).status_code == 200
    assert client_as("tavan").get(url).status_code == 404


def test_a_draft_plan_is_not_public(client, client_as, user):
    town = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng").issuer
    draft = Campaign.objects.create(
        issuer=town,
        title="Dự thảo nội bộ",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        dossier_deadline=date(2026, 6, 20),
    )
    assert client.get(f"/dot-thi-dua/{draft.pk}/ke-hoach.docx").status_code == 404
    assert client_as("phuongsapa").get(f"/dot-thi-dua/{draft.pk}/ke-hoach.docx").status_code == 404
    assert client_as("noivu").get(f"/dot-thi-dua/{draft.pk}/ke-hoach.docx").status_code == 200
