"""Load and faults on PostgreSQL: requests at the same moment, in separate threads and database
connections, through the API with tokens as clients send them.

30 units' heads submit at once, 20 copies of one submission race, council members vote at once
(each sending the ballot twice), and the deadline's edge in Asia/Ho_Chi_Minh. Each time: no
server error, no submission lost, exactly one state change and one audit entry per action, and
the request that loses the race is told what happened (409 with the current state).

PostgreSQL pass only (``DATABASE_URL=postgres://…``): skipped, with the reason, on SQLite, whose
single writer serialises the races these tests are about."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

pytestmark = [pytest.mark.flushes_db, pytest.mark.django_db(transaction=True)]

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN_DAY = datetime(2020, 10, 20, 10, 0, tzinfo=VN)  # the Sa Pa 2020 campaign takes dossiers


@pytest.fixture(autouse=True)
def demo_data(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("load and fault tests run in the PostgreSQL pass only (DATABASE_URL unset)")
    call_command("seed_demo", "--stage=dossiers", verbosity=0)


def token_client(username: str) -> Client:
    from django.contrib.auth import get_user_model

    from thidua.org.models import ApiToken

    _token, raw = ApiToken.issue(get_user_model().objects.get(username=username), "charge")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def at_once(calls: list) -> list:
    """Run every ``(client, url, body)`` POST in its own thread and connection, released
    together; the responses in the order of ``calls``."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, client: Client, url: str, body: dict | None) -> None:
        try:
            barrier.wait()
            if body is None:
                results[index] = client.post(url)
            else:
                results[index] = client.post(url, body, content_type="application/json")
        except Exception as error:  # noqa: BLE001 - asserted below
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    errors = [r for r in results if not hasattr(r, "status_code")]
    assert not errors, errors
    assert [r.status_code for r in results if r.status_code >= 500] == []
    return results


def audit_count(action: str, obj) -> int:
    from thidua.core.models import AuditEntry

    return AuditEntry.objects.filter(
        action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).count()


def ready_dossiers(count: int) -> list:
    """``count`` new wards of thị xã Sa Pa, each with its officer, its head and a complete draft
    dossier of one collective candidate in the Sa Pa 2020 campaign."""
    from django.contrib.auth import get_user_model

    from thidua.campaigns.models import Campaign
    from thidua.demo.scenario import upload_missing_documents
    from thidua.nominations.models import Candidate, Dossier
    from thidua.org.models import Role, RoleAssignment, Unit, UnitKind

    campaign = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    collective = Candidate.objects.filter(dossier__campaign=campaign, unit__isnull=False).first()
    assert collective is not None, "the demo has no collective candidate to copy"
    users = get_user_model().objects
    dossiers = []
    for n in range(count):
        unit = Unit.objects.create(
            name=f"Xã Thử Tải {n + 1}", kind=UnitKind.UBND_XA, parent=campaign.issuer
        )
        officer = users.create_user(f"taicanbo{n}", password=None)
        head = users.create_user(f"taitruong{n}", password=None)
        RoleAssignment.objects.create(user=officer, role=Role.CAN_BO_DON_VI, unit=unit)
        RoleAssignment.objects.create(user=head, role=Role.THU_TRUONG, unit=unit)
        dossier = Dossier.objects.create(campaign=campaign, unit=unit)
        Candidate.objects.create(
            dossier=dossier,
            unit=unit,
            award_form=collective.award_form,
            summary="Tập thể hoàn thành xuất sắc nhiệm vụ",
        )
        upload_missing_documents(dossier, officer)
        dossier.refresh_from_db()
        dossiers.append((dossier, head.username))
    return dossiers


def test_thirty_heads_submit_at_the_same_moment():
    from thidua.nominations.models import SubmissionRound

    with time_machine.travel(OPEN_DAY, tick=False):
        dossiers = ready_dossiers(30)
        calls = [(token_client(h), f"/api/v1/dossiers/{d.pk}/submit", None) for d, h in dossiers]
        responses = at_once(calls)
    assert [r.status_code for r in responses] == [200] * 30
    for dossier, _head in dossiers:
        dossier.refresh_from_db()
        assert (dossier.status, dossier.round) == ("submitted", 1)
        assert SubmissionRound.objects.filter(dossier=dossier).count() == 1
        assert audit_count("nominations.dossier.submitted", dossier) == 1


def test_twenty_copies_of_one_submission_make_one(ward_dossier):
    from django.contrib.auth import get_user_model

    from thidua.demo.scenario import upload_missing_documents
    from thidua.nominations.models import SubmissionRound

    with time_machine.travel(OPEN_DAY, tick=False):
        upload_missing_documents(ward_dossier, get_user_model().objects.get(username="phuongsapa"))
        head = token_client("phuongsapa.truong")
        url = f"/api/v1/dossiers/{ward_dossier.pk}/submit"
        responses = at_once([(head, url, None)] * 20)
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [409] * 19
    ward_dossier.refresh_from_db()
    assert (ward_dossier.status, ward_dossier.round) == ("submitted", 1)
    for lost in (r.json() for r in responses if r.status_code == 409):
        assert lost["detail"].startswith("Hồ sơ đã được nộp trước đó lúc 10:00:00 ngày 20/10/2020")
        assert lost["current"]["status"] == "submitted"
        assert lost["current"]["status_label"] == "Đã nộp"
        assert lost["current"]["version"] == ward_dossier.version
    assert SubmissionRound.objects.filter(dossier=ward_dossier).count() == 1
    assert audit_count("nominations.dossier.submitted", ward_dossier) == 1


def test_council_members_vote_at_the_same_moment_each_ballot_sent_twice(meeting):
    from django.contrib.auth import get_user_model

    from thidua.council import services as council
    from thidua.council.models import CouncilMember, Vote

    voters = ("thuky", "hoidong1", "chutich", "hoidong2")
    council.set_attendance(
        actor=get_user_model().objects.get(username="thuky"),
        meeting=meeting,
        present_member_ids=set(
            CouncilMember.objects.filter(
                council=meeting.council, user__username__in=voters
            ).values_list("pk", flat=True)
        ),
    )
    base = f"/api/v1/meetings/{meeting.pk}"
    assert token_client("thuky").post(f"{base}/open").json()["status"] == "voting"
    items = list(meeting.items.values_list("pk", flat=True))
    body = {"choices": [{"item_id": pk, "approve": True} for pk in items]}
    clients = {username: token_client(username) for username in voters}
    calls = [(clients[u], f"{base}/ballot", body) for u in voters for _copy in (1, 2)]
    responses = at_once(calls)
    for index, username in enumerate(voters):
        pair = responses[2 * index : 2 * index + 2]
        assert sorted(r.status_code for r in pair) == [200, 409], username
        won = next(r for r in pair if r.status_code == 200)
        lost = next(r for r in pair if r.status_code == 409)
        assert won.json() == {"votes": len(items)}
        assert lost.json()["detail"].startswith("Phiếu của bạn đã được ghi nhận lúc ")
        assert lost.json()["current"]["votes"] == len(items)
    assert Vote.objects.filter(item__meeting=meeting).count() == len(voters) * len(items)
    assert audit_count("council.ballot.cast", meeting) == len(voters)


def test_the_deadline_edge_in_ho_chi_minh_time():
    from thidua.nominations.models import SubmissionRound

    with time_machine.travel(OPEN_DAY, tick=False):
        (on_time, on_time_head), (late, late_head) = ready_dossiers(2)
    deadline = on_time.campaign.dossier_deadline
    last_second = datetime.combine(deadline, datetime.min.time(), VN) + timedelta(
        hours=23, minutes=59, seconds=59
    )
    with time_machine.travel(last_second, tick=False):
        accepted = token_client(on_time_head).post(f"/api/v1/dossiers/{on_time.pk}/submit")
    with time_machine.travel(last_second + timedelta(seconds=2), tick=False):
        refused = token_client(late_head).post(f"/api/v1/dossiers/{late.pk}/submit")
    assert accepted.status_code == 200 and accepted.json()["status"] == "submitted"
    assert refused.status_code == 422
    assert refused.json()["errors"]["__all__"] == [
        f"Đã quá hạn nộp hồ sơ ({deadline:%d/%m/%Y}). Liên hệ Phòng Nội vụ để được gia hạn."
    ]
    late.refresh_from_db()
    assert late.status == "draft"
    assert SubmissionRound.objects.filter(dossier__in=[on_time, late]).count() == 1
    assert audit_count("nominations.dossier.submitted", on_time) == 1
    assert audit_count("nominations.dossier.submitted", late) == 0
