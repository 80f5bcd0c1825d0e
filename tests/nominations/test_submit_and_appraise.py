"""The unit builds and submits before the deadline; Phòng Nội vụ appraises, returns, accepts."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from thidua.core.audit import history
from thidua.nominations import services
from thidua.nominations.models import Extension
from thidua.org.models import Role, RoleAssignment

from ..demo_dossiers import VN, complete_documents, pdf

pytestmark = pytest.mark.django_db


def test_unit_builds_a_dossier_and_the_head_submits_it(
    client_as, user, ward_dossier, before_deadline
):
    officer = client_as("phuongsapa")
    people = ward_dossier.unit.people.exclude(
        pk__in=ward_dossier.candidates.filter(person__isnull=False).values("person_id")
    )
    form = ward_dossier.campaign.award_forms.get(name__contains="thị xã")
    response = officer.post(
        f"/ho-so/{ward_dossier.pk}/them/",
        {
            "version": ward_dossier.version,
            "person": people.first().pk,
            "award_form": form.pk,
            "summary": "Hoàn thành xuất sắc nhiệm vụ",
            "fact_ho_thoat_ngheo": "3",
        },
    )
    assert response.status_code == 302
    assert ward_dossier.candidates.count() == 5
    page = officer.get(f"/ho-so/{ward_dossier.pk}/").content.decode()
    assert "Còn thiếu" in page and "Tờ trình của đơn vị" in page

    complete_documents(ward_dossier, user("phuongsapa"))
    head = client_as("phuongsapa.truong")
    response = head.post(f"/ho-so/{ward_dossier.pk}/thao-tac/submit/", follow=True)
    assert "Đã thực hiện: Duyệt và nộp hồ sơ" in response.content.decode()
    ward_dossier.refresh_from_db()
    assert ward_dossier.status == "submitted" and ward_dossier.round == 1
    assert [r.number for r in ward_dossier.rounds.all()] == [1]

    # Read-only for the unit from now on.
    response = officer.post(
        f"/ho-so/{ward_dossier.pk}/them/", {"version": ward_dossier.version}, follow=True
    )
    assert "không sửa được" in response.content.decode()
    with pytest.raises(services.DossierError, match="không sửa được"):
        services.upload_document(
            actor=user("phuongsapa"),
            dossier=ward_dossier,
            version=ward_dossier.version,
            uploaded=pdf(),
        )


def test_submission_is_refused_while_documents_are_missing(user, ward_dossier, before_deadline):
    with pytest.raises(services.DossierError) as error:
        services.submit(actor=user("phuongsapa.truong"), dossier=ward_dossier)
    assert "Hồ sơ còn thiếu tài liệu:" in error.value.messages
    ward_dossier.refresh_from_db()
    assert ward_dossier.status == "draft"


@pytest.mark.parametrize(
    ("moment", "accepted"),
    [
        (datetime(2020, 10, 25, 23, 59, tzinfo=VN), True),  # the whole deadline day counts
        (datetime(2020, 10, 26, 0, 1, tzinfo=VN), False),  # 17:01 UTC on the 25th: already late
    ],
)
def test_deadline_is_the_whole_day_in_vietnam(user, ward_dossier, moment, accepted):
    with time_machine.travel(datetime(2020, 10, 20, 9, tzinfo=VN), tick=False):
        complete_documents(ward_dossier, user("phuongsapa"))
    with time_machine.travel(moment, tick=False):
        if accepted:
            services.submit(actor=user("phuongsapa.truong"), dossier=ward_dossier)
        else:
            with pytest.raises(services.DossierError, match="Đã quá hạn nộp hồ sơ"):
                services.submit(actor=user("phuongsapa.truong"), dossier=ward_dossier)
    ward_dossier.refresh_from_db()
    assert (ward_dossier.status == "submitted") is accepted


def test_extension_lets_one_unit_submit_late(client_as, user, campaign, ward_dossier):
    with time_machine.travel(datetime(2020, 10, 20, 9, tzinfo=VN), tick=False):
        complete_documents(ward_dossier, user("phuongsapa"))
    with time_machine.travel(datetime(2020, 10, 28, 9, tzinfo=VN), tick=False):
        head = client_as("phuongsapa.truong")
        response = head.post(f"/ho-so/{ward_dossier.pk}/thao-tac/submit/", follow=True)
        assert "Đã quá hạn nộp hồ sơ (25/10/2020)" in response.content.decode()
        response = client_as("noivu").post(
            f"/ho-so/dot/{campaign.pk}/gia-han/",
            {
                "unit": ward_dossier.unit_id,
                "until": "30/10/2020",
                "reason": "Bổ sung hồ sơ mưa lũ",
            },
            follow=True,
        )
        assert "Đã gia hạn cho Phường Sa Pa đến ngày 30/10/2020" in response.content.decode()
        head.post(f"/ho-so/{ward_dossier.pk}/thao-tac/submit/")
    ward_dossier.refresh_from_db()
    assert ward_dossier.status == "submitted"
    assert ward_dossier.rounds.get().late_with_extension
    labels = [e.label for e in history(ward_dossier)]
    assert "Nộp hồ sơ" in labels
    page = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/").content.decode()
    assert "Gia hạn nộp hồ sơ" in page and "Bổ sung hồ sơ mưa lũ" in page
    # The extension is only for this unit.
    assert not Extension.objects.filter(campaign=campaign).exclude(unit=ward_dossier.unit).exists()


def test_extension_must_be_after_the_deadline_and_have_a_reason(user, campaign, ward_dossier):
    with pytest.raises(services.DossierError, match="phải sau hạn nộp chung"):
        services.grant_extension(
            actor=user("noivu"),
            campaign=campaign,
            unit=ward_dossier.unit,
            until=date(2020, 10, 20),
            reason="x",
        )
    with pytest.raises(services.DossierError, match="lý do"):
        services.grant_extension(
            actor=user("noivu"),
            campaign=campaign,
            unit=ward_dossier.unit,
            until=date(2020, 10, 30),
            reason=" ",
        )


def test_return_for_supplement_then_resubmit_keeps_every_round(client_as, user, commune_dossier):
    noivu = client_as("noivu")
    url = f"/ho-so/{commune_dossier.pk}/thao-tac/return/"
    response = noivu.post(url, {"reason": ""}, follow=True)
    assert "Nhập lý do trả lại" in response.content.decode()
    noivu.post(url, {"reason": "Thiếu chữ ký trong biên bản họp xét"})
    commune_dossier.refresh_from_db()
    assert commune_dossier.status == "returned"
    page = client_as("tavan").get(f"/ho-so/{commune_dossier.pk}/").content.decode()
    assert "Thiếu chữ ký trong biên bản họp xét" in page

    # The unit can edit again, and resubmits within an extension.
    services.grant_extension(
        actor=user("noivu"),
        campaign=commune_dossier.campaign,
        unit=commune_dossier.unit,
        until=date(2020, 11, 5),
        reason="Bổ sung",
    )
    with time_machine.travel(datetime(2020, 11, 2, 9, tzinfo=VN), tick=False):
        services.upload_document(
            actor=user("tavan"),
            dossier=commune_dossier,
            version=commune_dossier.version,
            uploaded=pdf("bien-ban-ky.pdf"),
        )
        # Only a unit's head submits; the demo has no account for Xã Tả Van's head.
        head = user("tavan")
        RoleAssignment.objects.create(user=head, role=Role.THU_TRUONG, unit=commune_dossier.unit)
        services.submit(actor=head, dossier=commune_dossier)
    rounds = list(commune_dossier.rounds.all())
    assert [r.number for r in rounds] == [1, 2]
    assert rounds[0].return_reason == "Thiếu chữ ký trong biên bản họp xét"
    actions = [e.action for e in history(commune_dossier)]
    assert (
        "nominations.dossier.returned" in actions and "nominations.dossier.resubmitted" in actions
    )


def test_appraisal_of_each_candidate_then_the_dossier(client_as, commune_dossier):
    noivu = client_as("noivu")
    candidates = list(commune_dossier.candidates.all())
    url = f"/ho-so/{commune_dossier.pk}/ung-vien/{candidates[0].pk}/tham-dinh/"
    response = noivu.post(url, {"decision": "khong_du", "reason": ""}, follow=True)
    assert "Nhập lý do" in response.content.decode()
    noivu.post(url, {"decision": "khong_du", "reason": "Bị kỷ luật khiển trách trong năm 2020"})
    response = noivu.post(f"/ho-so/{commune_dossier.pk}/thao-tac/appraise/", follow=True)
    assert "Còn người, tập thể chưa có kết luận" in response.content.decode()
    for candidate in candidates[1:]:
        noivu.post(
            f"/ho-so/{commune_dossier.pk}/ung-vien/{candidate.pk}/tham-dinh/", {"decision": "du"}
        )
    noivu.post(f"/ho-so/{commune_dossier.pk}/thao-tac/appraise/")
    commune_dossier.refresh_from_db()
    assert commune_dossier.status == "appraised"
    candidates[0].refresh_from_db()
    assert candidates[0].appraisal_reason == "Bị kỷ luật khiển trách trong năm 2020"
    page = client_as("tavan").get(f"/ho-so/{commune_dossier.pk}/").content.decode()
    assert "Đã thẩm định" in page and "Không đủ điều kiện" in page
    messages = [e.message for e in history(commune_dossier)]
    assert any("Lý Thị Mẩy: Không đủ điều kiện" in m for m in messages)


def test_appraisal_is_refused_before_submission(user, ward_dossier):
    with pytest.raises(services.DossierError, match="Chỉ thẩm định được hồ sơ đã nộp"):
        services.appraise_candidate(
            actor=user("noivu"), candidate=ward_dossier.candidates.first(), decision="du", reason=""
        )


def test_attesting_a_criterion_changes_the_result(client_as, ward_dossier, before_deadline):
    candidate = ward_dossier.candidates.get(person__full_name="Nguyễn Thị Thu Hương")
    client = client_as("phuongsapa")
    page = client.get(f"/ho-so/{ward_dossier.pk}/ung-vien/{candidate.pk}/").content.decode()
    assert "Cần cán bộ có thẩm quyền xác nhận" in page
    from thidua.nominations.evaluation import evaluate_candidates

    check = evaluate_candidates(
        ward_dossier.campaign, ward_dossier.candidates.filter(pk=candidate.pk)
    )
    criterion_id = sorted(check[0].attestable, key=int)[0]
    client.post(
        f"/ho-so/{ward_dossier.pk}/ung-vien/{candidate.pk}/xac-nhan/",
        {
            "version": ward_dossier.version,
            "criterion": criterion_id,
            "confirmed": "1",
            "note": "Theo nhận xét của chi bộ",
        },
    )
    page = client.get(f"/ho-so/{ward_dossier.pk}/ung-vien/{candidate.pk}/").content.decode()
    assert "Đã xác nhận đạt (Đỗ Thị Hồng Nhung): Theo nhận xét của chi bộ" in page
