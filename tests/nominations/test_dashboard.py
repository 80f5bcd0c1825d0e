"""Phòng Nội vụ's view of the campaign: who submitted, who is late, reminders."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from django.core import mail

from thidua.org.models import RoleAssignment

from ..demo_dossiers import VN

pytestmark = pytest.mark.django_db


def test_dashboard_shows_submitted_drafting_late_and_counts(client_as, campaign):
    with time_machine.travel(datetime(2020, 10, 24, 9, tzinfo=VN), tick=False):
        response = client_as("noivu").get(f"/ho-so/dot/{campaign.pk}/")
    rows = {r["unit"].name: r for r in response.context["rows"]}
    assert rows["Xã Tả Van"]["state"] == "submitted"
    assert rows["Phường Sa Pa"]["state"] == "drafting"
    assert rows["Phòng Giáo dục và Đào tạo"]["state"] == "not_started"
    gk_town = [f.name for f in response.context["award_forms"]].index(
        "Giấy khen của Chủ tịch UBND thị xã"
    )
    assert rows["Xã Tả Van"]["counts"][gk_town] == 3
    assert rows["Phường Sa Pa"]["counts"][gk_town] == 4
    # After the deadline, units that have not submitted are late.
    with time_machine.travel(datetime(2020, 10, 26, 9, tzinfo=VN), tick=False):
        response = client_as("noivu").get(f"/ho-so/dot/{campaign.pk}/")
    rows = {r["unit"].name: r for r in response.context["rows"]}
    assert rows["Phường Sa Pa"]["state"] == "late"
    assert "Quá hạn, chưa nộp" in response.content.decode()


def test_reminders_go_to_units_that_have_not_submitted(client_as, campaign, user):
    ward = RoleAssignment.objects.get(user__username="phuongsapa").unit
    commune = RoleAssignment.objects.get(user__username="tavan").unit
    officer = user("phuongsapa")
    officer.email = "phuongsapa@example.vn"
    officer.save()
    response = client_as("noivu").post(
        f"/ho-so/dot/{campaign.pk}/nhac-nho/", {"unit": [ward.pk, commune.pk]}, follow=True
    )
    assert "Đã gửi nhắc nhở tới 1 đơn vị" in response.content.decode()  # Tả Van already submitted
    assert [m.to for m in mail.outbox] == [["phuongsapa@example.vn"]]
    assert "25/10/2020" in mail.outbox[0].body
    dossier_page = (
        client_as("phuongsapa")
        .get(f"/ho-so/{campaign.dossiers.get(unit=ward).pk}/")
        .content.decode()
    )
    assert "Nhắc nộp hồ sơ" in dossier_page


def test_only_phong_noi_vu_may_remind_or_extend(client_as, campaign):
    for username in ("phuongsapa", "phuongsapa.truong", "chutich"):
        client = client_as(username)
        assert client.post(f"/ho-so/dot/{campaign.pk}/nhac-nho/", {"unit": [1]}).status_code == 403
        assert client.post(f"/ho-so/dot/{campaign.pk}/gia-han/", {}).status_code == 403
