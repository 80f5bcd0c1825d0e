"""The dossier's page and messages name the office that appraises the campaign's dossiers: the
issuer's proposing office (Phòng Nội vụ of the old town, Phòng Văn hóa – Xã hội of the 2026
ward), not a fixed "Phòng Nội vụ"."""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from thidua.campaigns.models import Campaign
from thidua.nominations import services
from thidua.nominations.models import Dossier, SubmissionRound
from thidua.org.models import Role, RoleAssignment, Unit

from ..demo_dossiers import VN

pytestmark = pytest.mark.django_db
WARD_OFFICE = "Phòng Văn hóa – Xã hội"


@pytest.fixture
def ward_2026():
    """A dossier of the new phường Sa Pa's 2026 campaign, its head and its officer."""
    campaign = Campaign.objects.get(title__contains="Phường Sa Pa văn minh")
    unit = Unit.objects.get(name="Phường Sa Pa (từ 01/07/2025)")
    dossier = Dossier.objects.create(campaign=campaign, unit=unit)
    users = {}
    for username, role in (("ward.head", Role.THU_TRUONG), ("ward.officer", Role.CAN_BO_DON_VI)):
        users[username] = get_user_model().objects.create(username=username)
        RoleAssignment.objects.create(user=users[username], role=role, unit=unit)
    return dossier, users


def page_of(client, dossier) -> str:
    response = client.get(f"/ho-so/{dossier.pk}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_returned_ward_dossier_names_the_wards_office(client, ward_2026):
    dossier, users = ward_2026
    Dossier.objects.filter(pk=dossier.pk).update(status="returned", round=1)
    SubmissionRound.objects.create(
        dossier=dossier,
        number=1,
        submitted_at=timezone.now(),
        candidate_count=0,
        returned_at=timezone.now(),
        return_reason="Thiếu biên bản họp xét",
    )
    client.force_login(users["ward.officer"])
    page = page_of(client, dossier)
    assert f"<strong>{WARD_OFFICE} trả lại để bổ sung (" in page
    assert "Phòng Nội vụ" not in page


def test_a_submitted_ward_dossier_waits_for_the_wards_office(client, ward_2026):
    dossier, users = ward_2026
    Dossier.objects.filter(pk=dossier.pk).update(status="submitted", round=1)
    client.force_login(users["ward.officer"])
    page = page_of(client, dossier)
    assert f"Hồ sơ đã nộp, đang chờ {WARD_OFFICE} thẩm định" in page
    assert "Phòng Nội vụ" not in page


def test_the_submit_question_and_the_late_refusal_name_the_wards_office(client, ward_2026):
    dossier, users = ward_2026
    deadline = dossier.campaign.dossier_deadline
    with time_machine.travel(datetime.combine(deadline, time(10), tzinfo=VN), tick=False):
        client.force_login(users["ward.head"])
        page = page_of(client, dossier)
    assert f'data-confirm="Nộp hồ sơ cho {WARD_OFFICE}? Sau khi nộp' in page
    with pytest.raises(services.DossierError) as refused:
        services.submit(actor=users["ward.head"], dossier=dossier, today=deadline + timedelta(1))
    assert refused.value.messages == [
        f"Đã quá hạn nộp hồ sơ ({deadline:%d/%m/%Y}). Liên hệ {WARD_OFFICE} để được gia hạn."
    ]


def test_without_a_proposing_office_the_receiving_unit_is_named(campaign):
    commune = Unit.objects.get(name="Xã Tả Van")
    assert services.appraising_office(campaign) == "Phòng Nội vụ"
    other = Campaign(
        issuer=commune, receiving_unit=commune, dossier_deadline=campaign.dossier_deadline
    )
    assert services.appraising_office(other) == "Xã Tả Van"
    other.receiving_unit = None
    assert services.appraising_office(other) == "cơ quan tiếp nhận hồ sơ"
