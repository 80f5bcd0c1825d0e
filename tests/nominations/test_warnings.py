"""Warnings before a wrong step (issue 16): failing self-checks marked and named at submission,
no submit button after the deadline, a reason to appraise them eligible, flags on the ballot."""

from __future__ import annotations

import html
from datetime import datetime

import pytest
import time_machine

from thidua.nominations import services
from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import Candidate
from thidua.nominations.warnings import is_warned

from ..demo_dossiers import VN, complete_documents

pytestmark = pytest.mark.django_db


def warned_names(dossier) -> list[str]:
    checks = evaluate_candidates(dossier.campaign, dossier.candidates.all())
    return [c.candidate.name for c in checks if is_warned(c)]


def test_failing_candidates_are_marked_and_named_in_the_submit_confirmation(
    client_as, user, ward_dossier, before_deadline
):
    names = warned_names(ward_dossier)
    assert names, "the demo ward proposes someone whose self-check fails"
    complete_documents(ward_dossier, user("phuongsapa"))
    page = html.unescape(client_as("phuongsapa.truong").get(f"/ho-so/{ward_dossier.pk}/").text)
    assert "⚠ Cần lưu ý" in page
    assert f"{len(names)} trường hợp tự kiểm tra “Không đạt” hoặc “Tạm hoãn”" in page
    confirm = page.split('data-confirm="Nộp hồ sơ cho Phòng Nội vụ?')[1].split('"')[0]
    count = ward_dossier.candidates.count()
    assert f"Hồ sơ đề nghị {count} người, tập thể." in confirm
    for name in names:
        assert name in confirm
    assert "onsubmit=" not in page and "onclick=" not in page


def test_candidate_list_filters_the_warned_ones(client_as, ward_dossier):
    names = warned_names(ward_dossier)
    page = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/?tu-kiem-tra=canh-bao").text
    rows = page.split('<section class="card" id="danh-sach">')[1].split("</section>")[0]
    assert rows.count('<tr class="row-warning">') == len(names)
    others = set(ward_dossier.candidates.values_list("person__full_name", flat=True)) - set(names)
    for name in others:
        assert f">{name}</a>" not in rows


def test_after_the_deadline_the_submit_button_is_not_offered(client_as, ward_dossier):
    with time_machine.travel(datetime(2020, 10, 27, 9, 0, tzinfo=VN), tick=False):
        client = client_as("phuongsapa.truong")
        page = html.unescape(client.get(f"/ho-so/{ward_dossier.pk}/").text)
        assert f"/ho-so/{ward_dossier.pk}/thao-tac/submit/" not in page
        assert "Đã quá hạn nộp hồ sơ (25/10/2020) và đơn vị chưa được gia hạn" in page
        receiving = ward_dossier.campaign.receiving_unit
        assert "Để xin gia hạn" in page and receiving.name in page
        # The service still refuses a hand-made POST.
        response = client.post(f"/ho-so/{ward_dossier.pk}/thao-tac/submit/")
        assert response.status_code == 302
    ward_dossier.refresh_from_db()
    assert ward_dossier.status == "draft"


def submitted(dossier, user):
    complete_documents(dossier, user("phuongsapa"))
    services.submit(actor=user("phuongsapa.truong"), dossier=dossier)
    dossier.refresh_from_db()
    return dossier


def test_eligible_despite_a_failing_self_check_needs_a_reason(
    client_as, api_as, user, ward_dossier, before_deadline
):
    submitted(ward_dossier, user)
    name = warned_names(ward_dossier)[0]
    candidate = ward_dossier.candidates.get(person__full_name=name)
    url = f"/ho-so/{ward_dossier.pk}/ung-vien/{candidate.pk}/"
    client = client_as("noivu")
    page = client.get(url).text
    assert "Bắt buộc khi kết luận “Đủ điều kiện”" in html.unescape(page)

    response = client.post(f"{url}tham-dinh/", {"decision": "du", "reason": ""}, follow=True)
    assert response.redirect_chain[0] == (url, 302)
    assert "nhập lý do khi vẫn kết luận đủ điều kiện" in html.unescape(response.text)
    candidate.refresh_from_db()
    assert candidate.appraisal == "pending"

    api = api_as("noivu").post(
        f"/api/v1/dossiers/{ward_dossier.pk}/candidates/{candidate.pk}/appraisal",
        {"decision": "du"},
        content_type="application/json",
    )
    assert api.status_code == 422

    response = client.post(f"{url}tham-dinh/", {"decision": "du", "reason": "Đã xác minh lại"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.appraisal, candidate.appraisal_reason) == ("du", "Đã xác minh lại")


def test_save_and_go_to_the_next_candidate(client_as, user, ward_dossier, before_deadline):
    submitted(ward_dossier, user)
    first, second = list(ward_dossier.candidates.all())[:2]
    client = client_as("noivu")
    page = client.get(f"/ho-so/{ward_dossier.pk}/ung-vien/{first.pk}/").text
    assert "Lưu và chuyển người tiếp theo" in page and "Trường hợp 1/" in page
    response = client.post(
        f"/ho-so/{ward_dossier.pk}/ung-vien/{first.pk}/tham-dinh/",
        {"decision": "can_bo_sung", "reason": "Bổ sung minh chứng", "tiep-theo": second.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/ho-so/{ward_dossier.pk}/ung-vien/{second.pk}/#tham-dinh"
    first.refresh_from_db()
    assert first.appraisal == "can_bo_sung"
    # The unit's officer sees no appraisal form, hence no "next" button.
    page = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/ung-vien/{first.pk}/").text
    assert "Lưu và chuyển người tiếp theo" not in page


def test_ballot_shows_appraisal_eligibility_and_discipline(client_as, user, meeting):
    from thidua.council import services as council

    from ..demo_council import present

    present(meeting, "thuky", "hoidong1", "chutich", "hoidong2")
    council.open_ballot(actor=user("thuky"), meeting=meeting)
    page = html.unescape(client_as("hoidong1").get(f"/hoi-dong/{meeting.pk}/phieu/").text)
    candidates = Candidate.objects.filter(docket_items__meeting=meeting)
    assert page.count("Thẩm định: ") == candidates.count()
    assert page.count("Tự kiểm tra: ") == candidates.count()
    checks = evaluate_candidates(meeting.campaign, candidates)
    flags = [f.text for c in checks for f in c.flags if f.code in ("discipline", "suspended")]
    assert flags, "the demo docket holds a disciplined or suspended candidate"
    for text in flags:
        assert text in page
    assert "onclick=" not in page
