"""Each role's home page lists what waits for it; the same events become notifications, kept in
the app and e-mailed (locmem) after the commit, unless the user turned that kind off."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail

from thidua.core.models import DayOff, Notification
from thidua.core.workdays import add_working_days, days_left_label, working_days_between
from thidua.nominations.services import workflow

from ..demo_council import present
from ..demo_dossiers import complete_documents

pytestmark = pytest.mark.django_db


def home(client_as, username: str) -> str:
    response = client_as(username).get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_returned_dossier_on_officer_home_and_gone_when_resubmitted(
    ward_dossier, before_deadline, user, client_as, django_capture_on_commit_callbacks
):
    officer = user("phuongsapa")
    officer.email = "phuongsapa@example.vn"
    officer.save()
    complete_documents(ward_dossier, officer)
    assert "Hồ sơ chờ thủ trưởng duyệt và nộp" in home(client_as, "phuongsapa.truong")
    workflow.submit(actor=user("phuongsapa.truong"), dossier=ward_dossier)
    assert "Hồ sơ chờ thủ trưởng duyệt và nộp" not in home(client_as, "phuongsapa.truong")
    assert "Hồ sơ đã nộp, chờ thẩm định" in home(client_as, "noivu")
    assert "Hồ sơ bị trả lại để bổ sung" not in home(client_as, "phuongsapa")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.return_for_supplement(
            actor=user("noivu"), dossier=ward_dossier, reason="Thiếu biên bản họp"
        )

    page = home(client_as, "phuongsapa")
    assert "Hồ sơ bị trả lại để bổ sung" in page
    assert f'href="/ho-so/{ward_dossier.pk}/"' in page
    note = Notification.objects.get(user=officer, kind="nominations.dossier.returned")
    assert note.title == "Hồ sơ của Phường Sa Pa bị trả lại để bổ sung"
    assert [m.to for m in mail.outbox] == [["phuongsapa@example.vn"]]
    assert mail.outbox[0].subject == (
        "[Thi đua – Khen thưởng] Hồ sơ của Phường Sa Pa bị trả lại để bổ sung"
    )
    assert f"/ho-so/{ward_dossier.pk}/" in mail.outbox[0].body
    # The one who acted is not told of his own action; another unit hears nothing.
    assert not Notification.objects.filter(user=user("noivu"), kind__endswith="returned").exists()
    assert not Notification.objects.filter(user=user("tavan")).exists()
    assert "Hồ sơ bị trả lại để bổ sung" not in home(client_as, "tavan")

    ward_dossier.refresh_from_db()
    workflow.submit(actor=user("phuongsapa.truong"), dossier=ward_dossier)
    assert "Hồ sơ bị trả lại để bổ sung" not in home(client_as, "phuongsapa")
    assert Notification.objects.filter(
        user=user("noivu"), kind="nominations.dossier.resubmitted"
    ).exists()


def test_email_turned_off_keeps_the_notification_in_the_app(
    commune_dossier, before_deadline, user, client_as, django_capture_on_commit_callbacks
):
    officer = user("tavan")
    officer.email = "tavan@example.vn"
    officer.save()
    client = client_as("tavan")
    response = client.post("/tai-khoan/thong-bao/lua-chon/", {"email": []})
    assert response.status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        workflow.return_for_supplement(actor=user("noivu"), dossier=commune_dossier, reason="Thiếu")

    assert mail.outbox == []
    page = client.get("/tai-khoan/thong-bao/").content.decode()
    assert "Hồ sơ của Xã Tả Van bị trả lại để bổ sung" in page
    assert "Chưa đọc" in page


def test_notification_opens_only_for_its_owner(commune_dossier, before_deadline, user, client_as):
    workflow.return_for_supplement(actor=user("noivu"), dossier=commune_dossier, reason="Thiếu")
    note = Notification.objects.get(user=user("tavan"))
    assert client_as("phuongsapa").get(f"/tai-khoan/thong-bao/{note.pk}/").status_code == 404
    response = client_as("tavan").get(f"/tai-khoan/thong-bao/{note.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/ho-so/{commune_dossier.pk}/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_open_ballot_on_member_home_until_voted(meeting, user, client_as):
    from thidua.council import services as council

    assert "Phiếu biểu quyết đang mở" not in home(client_as, "hoidong1")
    present(meeting, "thuky", "hoidong1", "chutich", "hoidong2")
    council.open_ballot(actor=user("thuky"), meeting=meeting)
    page = home(client_as, "hoidong1")
    assert "Phiếu biểu quyết đang mở" in page
    assert f'href="/hoi-dong/{meeting.pk}/phieu/"' in page
    assert "Phiên họp chờ kết thúc bỏ phiếu" in home(client_as, "thuky")
    assert Notification.objects.filter(user=user("hoidong1"), kind="council.ballot.opened").exists()

    council.cast_ballot(
        actor=user("hoidong1"), meeting=meeting, choices={i.pk: True for i in meeting.items.all()}
    )
    assert "Phiếu biểu quyết đang mở" not in home(client_as, "hoidong1")


def test_chairman_sees_the_decision_to_sign(draft_decision, user, client_as):
    page = home(client_as, "chutich")
    assert "Quyết định chờ ký ban hành" in page
    assert f'href="/quyet-dinh/{draft_decision.pk}/"' in page
    assert Notification.objects.filter(
        user=user("chutich"), kind="decisions.decision.prepared"
    ).exists()
    # Not the work of anyone else.
    assert "Quyết định chờ ký ban hành" not in home(client_as, "noivu")
    assert "Quyết định chờ ký ban hành" not in home(client_as, "tavan")

    from thidua.decisions import services

    services.approve(actor=user("chutich"), decision=draft_decision)
    assert "Quyết định chờ ký ban hành" not in home(client_as, "chutich")


def test_deadline_within_seven_days_in_working_days(campaign, client_as):
    # 20/10/2020 (Tuesday); the deadline is Sunday 25/10/2020: Wed, Thu, Fri are left.
    assert campaign.dossier_deadline == date(2020, 10, 25)
    with time_machine.travel(date(2020, 10, 20), tick=False):
        page = home(client_as, "phuongsapa")
    assert "Sắp hết hạn nộp hồ sơ" in page
    assert "hạn 25/10/2020, còn 3 ngày làm việc" in page


def test_home_queries_do_not_grow_with_the_work(
    commune_dossier, ward_dossier, before_deadline, user, client_as, django_assert_max_num_queries
):
    client = client_as("noivu")
    client.get("/")
    with django_assert_max_num_queries(40) as before:
        client.get("/")
    workflow.return_for_supplement(actor=user("noivu"), dossier=commune_dossier, reason="Thiếu")
    complete_documents(ward_dossier, user("phuongsapa"))
    workflow.submit(actor=user("phuongsapa.truong"), dossier=ward_dossier)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/")


def test_working_days_know_tet_and_recorded_days():
    # Tết Bính Ngọ 2026: 16–20/02 are public holidays; from Friday 13/02 the next working day
    # is Monday 23/02.
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    DayOff.objects.create(day=date(2026, 2, 21), name="Làm bù", is_working_day=True)
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 21)
    DayOff.objects.create(day=date(2026, 2, 23), name="Nghỉ bù Tết")
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 24)) == 2
    assert days_left_label(date(2026, 3, 2), date(2026, 3, 5)) == "còn 3 ngày làm việc"
    assert days_left_label(date(2026, 3, 5), date(2026, 3, 5)) == "hết hạn hôm nay"
    assert days_left_label(date(2026, 3, 9), date(2026, 3, 5)) == "quá hạn 2 ngày làm việc"
