"""The seed campaign from launch to printed certificates, in one test, as the users act:
launch → two units build and submit → Phòng Nội vụ appraises → the council meets and votes →
the decision is prepared and signed → certificates print → the award is in the history."""

from __future__ import annotations

import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign
from thidua.nominations import services as nominations
from thidua.nominations.models import Dossier
from thidua.org.models import Person, Role, RoleAssignment

from .core.files import PDF_BYTES
from .system_tools import require_tools

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")
GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"


def upload_missing(client, dossier):
    for required, applies in nominations.applicable_documents(dossier):
        if applies and not dossier.documents.filter(required=required).exists():
            dossier.refresh_from_db()
            client.post(
                f"/ho-so/{dossier.pk}/tai-lieu/",
                {
                    "version": dossier.version,
                    "required": required.pk,
                    "file": SimpleUploadedFile("tai-lieu.pdf", PDF_BYTES),
                },
            )


def test_seed_campaign_from_launch_to_certificates_and_history(client_as, user, tmp_path):
    campaign = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    # Start from the plan as it was before launch, with no dossier yet.
    Dossier.objects.filter(campaign=campaign).delete()
    Campaign.objects.filter(pk=campaign.pk).update(status="draft", launched_at=None)
    campaign.refresh_from_db()
    commune_head = get_user_model().objects.create_user("tavan.truong", first_name="Giàng A Chứ")
    RoleAssignment.objects.create(
        user=commune_head,
        role=Role.THU_TRUONG,
        unit=RoleAssignment.objects.get(user__username="tavan").unit,
    )

    with time_machine.travel(datetime(2020, 3, 5, 9, tzinfo=VN), tick=False):
        campaigns.launch_campaign(actor=user("noivu"), campaign=campaign)

    with time_machine.travel(datetime(2020, 10, 20, 9, tzinfo=VN), tick=False):
        form = campaign.award_forms.get(name=GK_TOWN)
        for officer, head, names in [
            ("phuongsapa", "phuongsapa.truong", ["Nguyễn Thị Thu Hương", "Hoàng Văn Quý"]),
            ("tavan", "tavan.truong", ["Lý Thị Mẩy", "Sùng A Páo"]),
        ]:
            client = client_as(officer)
            unit = RoleAssignment.objects.get(user__username=officer).unit
            client.post(f"/ho-so/lap/{campaign.pk}/", {"unit": unit.pk})
            dossier = Dossier.objects.get(campaign=campaign, unit=unit)
            for name in names:
                person = Person.objects.get(full_name=name)
                dossier.refresh_from_db()
                response = client.post(
                    f"/ho-so/{dossier.pk}/them/",
                    {
                        "version": dossier.version,
                        "person": person.pk,
                        "award_form": form.pk,
                        "summary": "Có nhiều đóng góp cho đợt thi đua",
                        "fact_ho_thoat_ngheo": "4",
                        "fact_lao_dong_dia_phuong": "6",
                    },
                )
                assert response.status_code == 302, name
            upload_missing(client, dossier)
            response = client_as(head).post(f"/ho-so/{dossier.pk}/thao-tac/submit/", follow=True)
            assert "Đã thực hiện: Duyệt và nộp hồ sơ" in response.content.decode(), officer

    noivu = client_as("noivu")
    for dossier in Dossier.objects.filter(campaign=campaign):
        for candidate in dossier.candidates.all():
            # A reason: eligible despite a failing self-check needs one.
            noivu.post(
                f"/ho-so/{dossier.pk}/ung-vien/{candidate.pk}/tham-dinh/",
                {"decision": "du", "reason": "Đủ điều kiện sau thẩm định"},
            )
        noivu.post(f"/ho-so/{dossier.pk}/thao-tac/appraise/")
        dossier.refresh_from_db()
        assert dossier.status == "appraised"

    secretary = client_as("thuky")
    response = secretary.post(
        "/hoi-dong/tao/",
        {
            "campaign": campaign.pk,
            "held_on": "28/10/2020",
            "place": "Hội trường UBND thị xã",
            "mode": "electronic",
        },
        follow=True,
    )
    meeting = response.context["meeting"]
    assert meeting.items.count() == 4
    members = meeting.attendance.values_list("member_id", flat=True)
    secretary.post(f"/hoi-dong/{meeting.pk}/co-mat/", {"present": list(members)})
    secretary.post(f"/hoi-dong/{meeting.pk}/thao-tac/open/")
    for username in ("chutich", "hoidong1", "hoidong2", "thuky"):
        client_as(username).post(
            f"/hoi-dong/{meeting.pk}/phieu/", {f"item_{i.pk}": "1" for i in meeting.items.all()}
        )
    secretary.post(f"/hoi-dong/{meeting.pk}/thao-tac/close/")
    meeting.refresh_from_db()
    assert meeting.status == "closed" and all(i.selected for i in meeting.items.all())

    noivu.post(f"/quyet-dinh/lap/{meeting.pk}/{form.pk}/")
    decision = meeting.decisions.get()
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
    client_as("chutich").post(f"/quyet-dinh/{decision.pk}/ky/")
    decision.refresh_from_db()
    assert decision.number_symbol == "01/QĐ-UBND" and decision.total == 4 * 450_000

    pdf = tmp_path / "giay-khen.pdf"
    pdf.write_bytes(noivu.get(f"/quyet-dinh/{decision.pk}/giay-khen.pdf").content)
    names = ["Nguyễn Thị Thu Hương", "Hoàng Văn Quý", "Lý Thị Mẩy", "Sùng A Páo"]
    for name in names:
        person = Person.objects.get(full_name=name)
        history = noivu.get(f"/lich-su/ca-nhan/{person.pk}/").content.decode()
        assert "01/QĐ-UBND" in history and GK_TOWN in history, name
    require_tools("pdftotext")  # last: the rest of the walk has run without it
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for name in names:
        assert name in text, name
