"""`make run`'s seed (the default stage): the 2020 campaign finished, the 2026 ward campaign in
progress with work waiting on each role's home page; running it again changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.council.models import Meeting, MeetingStatus, Vote
from thidua.decisions.models import CertificateBatch, Decision, DecisionStatus
from thidua.demo.plan_sapa_2020 import SAPA_TITLE
from thidua.demo.plan_two_tier_2026 import TWO_TIER_TITLE
from thidua.demo.seed_2026 import RETURN_REASON
from thidua.nominations.models import DossierStatus

pytestmark = pytest.mark.django_db

WORK = {
    # account: the headings its home page's work queue must show
    "vhxh.sapa": ["Hồ sơ đã nộp, chờ thẩm định", "Phiên họp chờ kết thúc bỏ phiếu"],
    "hoidong.sapa": ["Phiếu biểu quyết đang mở"],
    "chutich.sapa": ["Phiếu biểu quyết đang mở"],
    "hamrong": ["Hồ sơ bị trả lại để bổ sung"],
    "hamrong.truong": ["Hồ sơ chờ thủ trưởng duyệt và nộp"],
    "caumay.truong": ["Hồ sơ chờ thủ trưởng duyệt và nộp"],
}


def work_queue(client: Client) -> str:
    page = client.get("/").content.decode()
    start = page.find('class="card work-queue')
    return page[start : page.find("</section>", start)] if start >= 0 else ""


def test_the_default_seed_finishes_2020_and_leaves_2026_in_progress(client_as):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue()
    assert "chutich              đợt 2020 đã hoàn thành" in printed
    assert "vhxh.sapa            đợt 2026 của phường Sa Pa đang diễn ra" in printed
    for username in WORK:
        assert f"\n{username} " in printed, username

    sapa = Campaign.objects.get(title=SAPA_TITLE, parent__isnull=True)
    decision = Decision.objects.get(campaign=sapa)
    assert decision.status == DecisionStatus.APPROVED and decision.number
    assert sapa.status == CampaignStatus.CLOSED
    assert CertificateBatch.objects.filter(decision=decision).count() == 1
    portal = Client().get("/cong-khai/").content.decode()
    assert "Mô hình du lịch cộng đồng ở Lao Chải" in portal

    ward = Campaign.objects.get(title=TWO_TIER_TITLE)
    statuses = dict(ward.dossiers.values_list("unit__name", "status"))
    assert statuses == {
        "Phòng Văn hóa - Xã hội phường Sa Pa": DossierStatus.APPRAISED,
        "Tổ dân phố Ô Quý Hồ": DossierStatus.SUBMITTED,
        "Tổ dân phố Hàm Rồng": DossierStatus.RETURNED,
        "Tổ dân phố Cầu Mây": DossierStatus.DRAFT,
    }
    returned = ward.dossiers.get(status=DossierStatus.RETURNED)
    assert returned.rounds.get().return_reason == RETURN_REASON
    meeting = Meeting.objects.get(campaign=ward)
    assert meeting.status == MeetingStatus.VOTING
    assert set(
        Vote.objects.filter(item__meeting=meeting).values_list("member__user__username", flat=True)
    ) == {"vhxh.sapa"}

    for username, headings in WORK.items():
        queue = work_queue(client_as(username))
        for heading in headings:
            assert heading in queue, (username, heading)
    assert "Phiếu biểu quyết đang mở" not in work_queue(client_as("vhxh.sapa"))  # voted

    before = (
        Decision.objects.count(),
        ward.dossiers.count(),
        Meeting.objects.count(),
        Vote.objects.count(),
    )
    again = io.StringIO()
    call_command("seed_demo", stdout=again)  # make run, twice
    assert "Dữ liệu mẫu đã có" in again.getvalue()
    after = (
        Decision.objects.count(),
        ward.dossiers.count(),
        Meeting.objects.count(),
        Vote.objects.count(),
    )
    assert before == after


def test_a_step_refused_on_a_changed_database_is_reported_and_the_rest_goes_on(monkeypatch):
    """A database changed by hand may refuse a step of the tour: make run says why and still
    seeds the rest and prints the accounts (it does not stop the server from starting)."""
    from thidua.core.errors import ServiceError
    from thidua.demo.management.commands import seed_demo

    def refuse():
        raise ServiceError("Đã có phiên họp khác của đợt này.")

    monkeypatch.setattr(seed_demo, "finish_2020", refuse)
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue()
    assert (
        "Không đưa đợt thi đua năm 2020 đến khi hoàn thành: Đã có phiên họp khác của đợt này. "
        "Dữ liệu đã có được giữ nguyên" in printed
    )
    assert not Decision.objects.exists()
    assert Meeting.objects.get().campaign.title == TWO_TIER_TITLE  # the 2026 part went on
    assert "hoidong.sapa " in printed
