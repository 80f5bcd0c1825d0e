"""From the council's result to a signed, numbered decision, its money and the history."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from thidua.decisions import services
from thidua.decisions.models import Decision
from thidua.records.models import AwardRecord

from ..system_tools import require_tools

pytestmark = pytest.mark.django_db
GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"


@pytest.mark.parametrize(
    ("day", "collective", "expected"),
    [
        (date(2020, 10, 30), False, 450_000),  # 0,3 × 1.490.000 = 447.000 → rounded up
        (date(2020, 10, 30), True, 900_000),  # 0,6 × 1.490.000 = 894.000
        (date(2024, 7, 1), False, 710_000),  # 0,3 × 2.340.000 = 702.000
        (date(2026, 6, 30), False, 710_000),
        (date(2026, 7, 1), False, 760_000),  # 0,3 × 2.530.000 = 759.000
    ],
)
def test_money_is_coefficient_times_base_salary_of_the_day_rounded_up(
    appraised, day, collective, expected
):
    form = appraised.award_forms.get(name=GK_TOWN)
    assert services.reward_amount(form, collective=collective, day=day) == expected


def prepare(client, meeting):
    form = meeting.campaign.award_forms.get(name=GK_TOWN)
    return client.post(f"/quyet-dinh/lap/{meeting.pk}/{form.pk}/", follow=True)


def test_officer_prepares_chairman_signs_and_the_history_shows_the_award(client_as, closed_meeting):
    response = prepare(client_as("noivu"), closed_meeting)
    assert "Đã lập dự thảo quyết định" in response.content.decode()
    decision = Decision.objects.get(meeting=closed_meeting)
    assert decision.number is None and decision.recipients.count() == 6
    recipients = list(decision.recipients.all())
    assert [r.is_collective for r in recipients][:2] == [
        True,
        True,
    ]  # collectives first in the annex
    noivu = client_as("noivu")
    noivu.post(
        f"/quyet-dinh/{decision.pk}/",
        {
            "version": decision.version,
            "signed_on": "30/10/2020",
            "signer_name": "Lê Tân Phong",
            "subject": decision.subject,
            "legal_bases": decision.legal_bases,
        },
    )
    decision.refresh_from_db()
    assert decision.signed_on == date(2020, 10, 30)
    assert decision.total == 2 * 900_000 + 4 * 450_000

    assert noivu.post(f"/quyet-dinh/{decision.pk}/ky/").status_code == 403
    assert client_as("thuky").post(f"/quyet-dinh/{decision.pk}/ky/").status_code == 403
    response = client_as("chutich").post(f"/quyet-dinh/{decision.pk}/ky/", follow=True)
    assert "Đã ký ban hành Quyết định số 01/QĐ-UBND" in response.content.decode()
    decision.refresh_from_db()
    assert (decision.status, decision.number, decision.year) == ("approved", 1, 2020)

    # Read-only now, and in every recipient's history.
    assert (
        noivu.post(f"/quyet-dinh/{decision.pk}/", {"version": decision.version}).status_code == 403
    )
    may = AwardRecord.objects.get(person__full_name="Lý Thị Mẩy", campaign=closed_meeting.campaign)
    assert (may.decision_number, may.award_name, may.award_type) == (
        "01/QĐ-UBND",
        GK_TOWN,
        "phong_trao",
    )
    page = noivu.get(f"/lich-su/ca-nhan/{may.person_id}/").content.decode()
    assert "01/QĐ-UBND" in page and GK_TOWN in page
    # The one-off rule now flags her if she is proposed again in this campaign.
    from thidua.nominations.evaluation import evaluate_candidates
    from thidua.nominations.models import Candidate

    check = evaluate_candidates(
        closed_meeting.campaign, Candidate.objects.filter(person=may.person)
    )[0]
    assert any(f.code == "already_awarded" for f in check.flags)


def test_numbers_follow_each_other_per_issuer_and_year_and_never_repeat(closed_meeting, user):
    first = services.prepare_decision(
        actor=user("noivu"),
        meeting=closed_meeting,
        award_form=closed_meeting.campaign.award_forms.get(name=GK_TOWN),
        signed_on=date(2020, 10, 30),
    )
    services.approve(actor=user("chutich"), decision=first)
    with pytest.raises(services.DecisionError, match="đã được ký ban hành"):
        services.approve(actor=user("chutich"), decision=first)
    second = Decision.objects.create(
        issuer=first.issuer,
        issuer_name=first.issuer_name,
        campaign=first.campaign,
        award_form=first.award_form,
        year=2020,
        signed_on=date(2020, 11, 2),
        place="Sa Pa",
        subject="Khen thưởng đột xuất",
        legal_bases="x",
    )
    services.approve(actor=user("chutich"), decision=second)
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=second.pk).update(number=1)


def test_decision_document_opens_and_reads_right(client_as, signed_decision, docx_text):
    decision = signed_decision
    text = docx_text(
        client_as("noivu").get(f"/quyet-dinh/{decision.pk}/quyet-dinh.docx").content, "qd.docx"
    )
    for expected in [
        "QUYẾT ĐỊNH",
        "Số: 01/QĐ-UBND",
        "Sa Pa, ngày 30 tháng 10 năm 2020",
        "Điều 1",
        "2 tập thể và 4 cá nhân",
        "Sùng A Páo",
        "Hoàng Văn Quý",
        "450.000 đ",
        "3.600.000 đ",
    ]:
        assert expected in text, expected


def test_certificates_carry_the_exact_names(client_as, closed_meeting, user, tmp_path):
    import subprocess

    decision = services.prepare_decision(
        actor=user("noivu"),
        meeting=closed_meeting,
        award_form=closed_meeting.campaign.award_forms.get(name=GK_TOWN),
        signed_on=date(2020, 10, 30),
    )
    assert (
        client_as("noivu").get(f"/quyet-dinh/{decision.pk}/giay-khen.pdf").status_code == 404
    )  # not signed
    services.approve(actor=user("chutich"), decision=decision)
    response = client_as("noivu").get(f"/quyet-dinh/{decision.pk}/giay-khen.pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    require_tools("pdftotext")
    pdf = tmp_path / "gk.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for name in [
        "Sùng A Páo",
        "Lý Thị Mẩy",
        "Nguyễn Thị Thu Hương",
        "Hoàng Văn Quý",
        "Thôn Lao Chải",
    ]:
        assert name in text, name
    for expected in [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ SA PA",
        "TẶNG",
        "GIẤY KHEN",
        "Quyết định số 01/QĐ-UBND ngày 30/10/2020",
        "Số sổ vàng: 6",
        "Lê Tân Phong",
    ]:
        assert expected in text, expected
    assert text.count("GIẤY KHEN") == 6  # one page per recipient
    one = client_as("noivu").get(f"/quyet-dinh/{decision.pk}/giay-khen/3.pdf")
    assert one.status_code == 200


def test_all_certificates_in_the_background_with_progress(
    client_as, closed_meeting, user, django_capture_on_commit_callbacks
):
    import io
    import zipfile

    from thidua.decisions.models import CertificateBatch

    decision = services.prepare_decision(
        actor=user("noivu"),
        meeting=closed_meeting,
        award_form=closed_meeting.campaign.award_forms.get(name=GK_TOWN),
        signed_on=date(2020, 10, 30),
    )
    client = client_as("noivu")
    assert (
        client.post(f"/quyet-dinh/{decision.pk}/giay-khen/tao/").status_code == 404
    )  # not signed yet
    services.approve(actor=user("chutich"), decision=decision)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/quyet-dinh/{decision.pk}/giay-khen/tao/", follow=True)
    assert "Đang tạo Giấy khen" in response.content.decode()
    batch = CertificateBatch.objects.get(decision=decision)
    assert (batch.status, batch.done, batch.total) == ("done", 6, 6)
    progress = client.get(f"/quyet-dinh/{decision.pk}/giay-khen/lo/{batch.pk}/").content.decode()
    assert (
        "Đã tạo 6 Giấy khen" in progress and "every 1s" not in progress
    )  # polling stops when done
    archive = client.get(f"/quyet-dinh/{decision.pk}/giay-khen/lo/{batch.pk}/tai-ve/")
    names = zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))).namelist()
    assert (
        len(names) == 7
        and "tat-ca-giay-khen.pdf" in names
        and any("sung-a-pao" in n for n in names)
    )
    outsider = client_as("phuongsapa").get(
        f"/quyet-dinh/{decision.pk}/giay-khen/lo/{batch.pk}/tai-ve/"
    )
    assert outsider.status_code == 404


@pytest.mark.parametrize(
    ("username", "status"),
    # Units below the town do not see the town's decision at all; a council member of the town
    # is inside its subtree but may not open the draft.
    [("phuongsapa", 404), ("tavan", 404), ("hoidong1", 403)],
)
def test_decisions_are_hidden_from_units_and_members(
    client_as, closed_meeting, user, username, status
):
    decision = services.prepare_decision(
        actor=user("noivu"),
        meeting=closed_meeting,
        award_form=closed_meeting.campaign.award_forms.get(name=GK_TOWN),
    )
    client = client_as(username)
    for url in [f"/quyet-dinh/{decision.pk}/", f"/quyet-dinh/{decision.pk}/quyet-dinh.docx"]:
        assert client.get(url).status_code == status, url
    assert client.post(f"/quyet-dinh/{decision.pk}/ky/").status_code == status
