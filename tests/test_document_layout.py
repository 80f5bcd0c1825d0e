"""The documents a clerk signs without editing (issue 15): the Kế hoạch regenerated from data,
the unit's Tờ trình and its annex, read line by line from the DOCX (python-docx) and opened in
LibreOffice (the PDF's text)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from thidua.campaigns import services as campaign_services
from thidua.campaigns.models import Campaign
from thidua.org.models import Role, RoleAssignment, Unit

from .document_checks import (
    assert_body_spacing,
    assert_page_numbers_from_page_two,
    filing_lines,
    header_cell_lines,
    lines,
    open_docx,
)

pytestmark = pytest.mark.django_db
SECTION = re.compile(r"^[IVX]+\. ")
OUTSTANDING = "Có thành tích tiêu biểu, xuất sắc nhất trong đợt thi đua, được UBND thị xã"


def _town_plan():
    return Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")


def _ward_plan():
    return Campaign.objects.get(title__startswith="Phong trào thi đua “Phường Sa Pa")


def _plan(client, campaign) -> bytes:
    response = client.get(f"/dot-thi-dua/{campaign.pk}/ke-hoach.docx")
    assert response.status_code == 200
    return response.content


def test_the_town_plan_reads_section_by_section(client, docx_text, tmp_path):
    content = _plan(client, _town_plan())
    document = open_docx(content)
    text = lines(document)
    assert [t for t in text if SECTION.match(t)] == [
        "I. Mục đích, yêu cầu:",
        "II. Nội dung, mục tiêu, thời gian của đợt thi đua",
        "III. Đối tượng và tiêu chuẩn khen thưởng",
        "IV. Tổ chức thực hiện.",
    ]
    # The launched plan carries its number and date.
    assert "Số: 45/KH-UBND" in header_cell_lines(document, 0)
    assert "Sa Pa, ngày 28 tháng 02 năm 2020" in header_cell_lines(document, 1)
    assert header_cell_lines(document, 0)[0] == "ỦY BAN NHÂN DÂN THỊ XÃ SA PA"
    # A criterion of several conditions once, as its sentence; the Bằng khen line once.
    assert sum("hai năm liên tục được đánh giá" in t for t in text) == 1
    assert (
        "+ Hoàn thành tốt và hoàn thành vượt mức các nhiệm vụ được giao, có hai năm liên tục được "
        "đánh giá là hoàn thành tốt nhiệm vụ trở lên, trong thời gian gần nhất có 01 sáng kiến "
        "được Chủ tịch UBND thị xã công nhận." in text
    )
    assert sum(t.startswith(f"+ {OUTSTANDING}") for t in text) == 1
    # One heading per responsible office, its tasks as bullets below it.
    start = text.index("IV. Tổ chức thực hiện.")
    assert [t for t in text[start:] if re.match(r"^\d\. ", t)] == [
        "1. Các cơ quan, đơn vị, UBND các xã, phường.",
        "2. Phòng Nội vụ.",
        "3. Trung tâm Thông tin thể thao – Truyền thông.",
    ]
    assert text[text.index("2. Phòng Nội vụ.") + 1].startswith("- Hướng dẫn các cơ quan, đơn vị")
    # The deadline sentence keeps the duty to send the result report.
    assert (
        "Kết thúc đợt thi đua, các cơ quan, đơn vị, UBND các xã, phường gửi báo cáo kết quả thực "
        "hiện phong trào thi đua và hồ sơ đề nghị khen thưởng về UBND thị xã (qua Phòng Nội vụ) "
        "trước ngày 25/10/2020." in text
    )
    assert filing_lines(document) == ["- Lưu: VT, NV."]
    assert "- LĐVP;" in text and "- Ban TĐKT tỉnh;" in text
    assert text[-1] == "Lê Tân Phong"
    assert_page_numbers_from_page_two(document)
    assert_body_spacing(document)
    pdf = docx_text(content, "ke-hoach-2020.docx")
    for expected in [
        "ỦY BAN NHÂN DÂN THỊ XÃ",  # the issuer's name wraps inside its column
        "Số: 45/KH-UBND",
        "IV. Tổ chức thực hiện.",
        "- Lưu: VT, NV.",
        "Lê Tân Phong",
    ]:
        assert expected in pdf, expected
    assert "VI. " not in pdf
    # LibreOffice prints the page number at the top of page 2 and 3, none on page 1.
    pages = (tmp_path / "last.txt").read_text().split("\f")
    assert len(pages) >= 3
    assert pages[1].split()[0] == "2" and pages[2].split()[0] == "3"
    assert pages[0].split()[0] != "1"


def test_the_ward_plan_names_the_ward_as_it_is_named_and_addresses_what_is_below_it(
    client, docx_text
):
    content = _plan(client, _ward_plan())
    document = open_docx(content)
    text = lines(document)
    assert header_cell_lines(document, 0)[0] == "ỦY BAN NHÂN DÂN PHƯỜNG SA PA"
    assert not [t for t in text if "01/07/2025" in t]
    closing = next(t for t in text if t.startswith("Trên đây là kế hoạch"))
    assert closing.endswith(
        "UBND phường Sa Pa yêu cầu các cơ quan, đơn vị, các thôn, tổ dân phố triển khai thực hiện./."
    )
    assert "UBND các xã, phường" not in closing
    assert [t for t in text if SECTION.match(t)][-1] == "IV. Tổ chức thực hiện."
    assert filing_lines(document) == ["- Lưu: VT, VHXH."]
    pdf = docx_text(content, "ke-hoach-2026.docx")
    assert "ỦY BAN NHÂN DÂN PHƯỜNG SA" in pdf and "01/07/2025" not in pdf
    assert "- Lưu: VT, VHXH." in pdf and "Giàng A Tùng" in pdf


def test_a_wards_draft_plan_names_its_chairman_in_office(client_as, user, docx_text):
    town = _town_plan()
    ward = town.issuer.children.get(name="Phường Sa Pa")
    draft = campaign_services.derive_campaign(actor=user("tdkt.phuongsapa"), parent=town, unit=ward)
    client = client_as("tdkt.phuongsapa")
    document = open_docx(_plan(client, draft))
    text = lines(document)
    assert text[-1] == "Trần Văn Hùng"
    assert header_cell_lines(document, 0)[0] == "ỦY BAN NHÂN DÂN PHƯỜNG SA PA"
    closing = next(t for t in text if t.startswith("Trên đây là kế hoạch"))
    assert closing.endswith(
        "UBND phường Sa Pa yêu cầu các thôn, tổ dân phố triển khai thực hiện./."
    )
    assert any(
        t.startswith("Căn cứ Kế hoạch số 45/KH-UBND ngày 28/02/2020 của UBND thị xã Sa Pa về")
        for t in text
    )
    # Without a chairman on the plan's date, the title stays above an empty line to sign.
    commune = town.issuer.children.get(name="Xã Tả Van")
    officer = get_user_model().objects.create_user("tdkt.tavan", first_name="Lò Thị Hoa")
    RoleAssignment.objects.create(user=officer, role=Role.CHUYEN_VIEN_TDKT, unit=commune)
    other = campaign_services.derive_campaign(actor=officer, parent=town, unit=commune)
    text = lines(open_docx(_plan(client_as("tdkt.tavan"), other)))
    assert text[-7:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "", ""]
    assert "Trần Văn Hùng" in docx_text(_plan(client, draft), "ke-hoach-phuong.docx")


def _dossier_docs(client, dossier):
    letter = client.get(f"/ho-so/{dossier.pk}/to-trinh.docx")
    annex = client.get(f"/ho-so/{dossier.pk}/danh-sach-trich-ngang.docx")
    assert letter.status_code == annex.status_code == 200
    return letter.content, annex.content


def test_the_wards_letter_carries_its_own_name_and_its_head_signs(client_as, ward_dossier):
    letter, _annex = _dossier_docs(client_as("phuongsapa"), ward_dossier)
    document = open_docx(letter)
    assert header_cell_lines(document, 0)[:2] == ["ỦY BAN NHÂN DÂN PHƯỜNG SA PA", "―――――――"]
    text = lines(document)
    assert "THỊ XÃ SA PA" not in " ".join(header_cell_lines(document, 0))
    assert text[-7:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "", "Trần Văn Hùng"]
    assert "Kính gửi: Chủ tịch UBND thị xã Sa Pa" in text
    assert filing_lines(document) == ["- Lưu: VT."]  # the old ward keeps no offices
    assert_page_numbers_from_page_two(document)
    assert_body_spacing(document)


def test_the_signer_is_the_head_in_office_on_the_letters_date(client_as, commune_dossier):
    commune = commune_dossier.unit
    client = client_as("tavan")
    document = open_docx(_dossier_docs(client, commune_dossier)[0])
    assert lines(document)[-7:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "", ""]
    User = get_user_model()
    former = User.objects.create_user("ct.tavan.cu", first_name="Giàng A Sử")
    RoleAssignment.objects.create(
        user=former,
        role=Role.CHU_TICH,
        unit=commune,
        valid_from=date(2015, 1, 1),
        valid_to=date(2019, 12, 31),
    )
    current = User.objects.create_user("ct.tavan", first_name="Lý A Dình")
    RoleAssignment.objects.create(
        user=current, role=Role.CHU_TICH, unit=commune, valid_from=date(2020, 1, 1)
    )
    # The officer who prepared it holds a role over the commune too: never the signer.
    document = open_docx(_dossier_docs(client, commune_dossier)[0])
    assert lines(document)[-1] == "Lý A Dình"


def test_the_list_is_the_letters_annex_unnumbered(client_as, commune_dossier, docx_text):
    _letter, annex = _dossier_docs(client_as("tavan"), commune_dossier)
    text = lines(open_docx(annex))
    assert text[:4] == [
        "Phụ lục",
        "DANH SÁCH TRÍCH NGANG",
        "Tập thể, cá nhân đề nghị khen thưởng trong đợt thi đua chào mừng Kỷ niệm 70 năm ngày "
        "giải phóng Sa Pa (03/11/1950 – 03/11/2020) và 70 năm thành lập Đảng bộ thị xã "
        "(04/11/1950 – 04/11/2020)",
        "(Kèm theo Tờ trình số       /TTr-UBND ngày     tháng     năm       của UBND xã Tả Van)",
    ]
    assert not [t for t in text if t.startswith("Số:") or "/DS-" in t]
    assert "Tổng số: 1 tập thể và 2 cá nhân." in text
    pdf = docx_text(annex, "phu-luc.docx")
    assert "Phụ lục DANH SÁCH TRÍCH NGANG" in pdf and "Kèm theo Tờ trình số" in pdf


def test_a_unit_under_a_committee_shows_its_parent(client_as):
    from thidua.org import issuers

    office = Unit.objects.get(name="Phòng Giáo dục và Đào tạo")
    assert issuers.parent_line(office) == "UBND THỊ XÃ SA PA"
    assert issuers.issuer_line(office) == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
    assert issuers.parent_line(Unit.objects.get(name="Phường Sa Pa")) == ""
    assert issuers.head_of(office, date(2020, 10, 1)).title == "THỦ TRƯỞNG"
