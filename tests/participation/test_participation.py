"""Units record their plan and launch, and report results; the collective criterion
"có kế hoạch và tổ chức phát động đầy đủ các đợt thi đua" reads the plans."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import Candidate

from ..demo_dossiers import PDF_BYTES

pytestmark = pytest.mark.django_db


def launch_criterion(campaign, candidate):
    check = evaluate_candidates(campaign, Candidate.objects.filter(pk=candidate.pk))[0]

    def walk(node):
        if (
            node.text.startswith("Có kế hoạch và tổ chức phát động")
            or "phát động đầy đủ" in node.text
        ):
            return node
        for child in node.children:
            found = walk(child)
            if found:
                return found
        return None

    return next(filter(None, (walk(r) for _s, r in check.results)))


def test_plan_and_launch_make_the_collective_criterion_pass(client_as, campaign, ward_dossier):
    ward = ward_dossier.unit
    form = campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã")
    itself = Candidate.objects.create(
        dossier=ward_dossier, unit=ward, award_form=form, summary="Phường tiêu biểu"
    )
    before = launch_criterion(campaign, itself)
    assert before.status.value == "khong_dat" and "Chưa phát động" in before.explanation

    client = client_as("phuongsapa")
    url = f"/dot-thi-dua/{campaign.pk}/trien-khai/don-vi/{ward.pk}/"
    bad = client.post(
        url,
        {
            "which": "plan",
            "kh-number": "12/KH-UBND",
            "kh-signed_on": "10/03/2020",
            "kh-file": SimpleUploadedFile("kh.pdf", b"MZ\x90\x00"),
        },
    )
    assert "không được chấp nhận" in bad.content.decode() or "cần tệp" in bad.content.decode()
    response = client.post(
        url,
        {
            "which": "plan",
            "kh-number": "12/KH-UBND",
            "kh-signed_on": "10/03/2020",
            "kh-launched_on": "15/03/2020",
            "kh-file": SimpleUploadedFile("kh.pdf", PDF_BYTES),
        },
        follow=True,
    )
    assert "Đã lưu kế hoạch" in response.content.decode()
    after = launch_criterion(campaign, itself)
    assert after.status.value == "dat" and "phát động đủ 1 đợt thi đua" in after.explanation

    client.post(
        url,
        {
            "which": "report",
            "bc-collectives_rewarded": "3",
            "bc-individuals_rewarded": "12",
            "bc-models_built": "2",
            "bc-summary": "Hoàn thành các chỉ tiêu của đợt thi đua.",
        },
    )
    overview = client_as("noivu").get(f"/dot-thi-dua/{campaign.pk}/trien-khai/").content.decode()
    assert "Số 12/KH-UBND" in overview and "3 tập thể, 12 cá nhân được khen" in overview
    assert "Chưa báo cáo" in overview  # the other units


def test_only_the_unit_records_and_only_phong_noi_vu_oversees(client_as, campaign, ward_dossier):
    url = f"/dot-thi-dua/{campaign.pk}/trien-khai/don-vi/{ward_dossier.unit.pk}/"
    assert client_as("tavan").get(url).status_code == 404  # the ward is outside Tả Van
    assert client_as("hoidong1").get(url).status_code == 403  # inside the town, not a proposer
    assert client_as("phuongsapa").get(f"/dot-thi-dua/{campaign.pk}/trien-khai/").status_code == 403
