"""The decision names the issuer's own offices in force on its signing date: a ward's decision
of 2026 is proposed by its Phòng Văn hóa – Xã hội, the town's of 2020 by Phòng Nội vụ."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from thidua.campaigns.models import Campaign
from thidua.decisions.documents import decision_docx
from thidua.decisions.models import Decision
from thidua.demo.plan_two_tier_2026 import TWO_TIER_TITLE
from thidua.nominations.documents import _receivers
from thidua.org.models import Office, Unit

pytestmark = pytest.mark.django_db
NEW_WARD = "Phường Sa Pa (từ 01/07/2025)"


def text_of(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def ward_decision(signed_on=date(2026, 12, 2)) -> Decision:
    campaign = Campaign.objects.get(title=TWO_TIER_TITLE)
    return Decision.objects.create(
        issuer=campaign.issuer,
        issuer_name="UBND phường Sa Pa",
        campaign=campaign,
        award_form=campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND phường"),
        year=signed_on.year,
        signed_on=signed_on,
        place="Sa Pa",
        subject="Về việc tặng Giấy khen",
        legal_bases="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.",
    )


def test_the_ward_decision_names_the_wards_offices_not_the_towns():
    text = text_of(decision_docx(ward_decision()))
    assert "Theo đề nghị của Trưởng phòng Văn hóa – Xã hội." in text
    assert (
        "Điều 4. Chánh Văn phòng HĐND và UBND phường, Trưởng phòng Văn hóa – Xã hội, "
        "Trưởng phòng Kinh tế, Hạ tầng và Đô thị, thủ trưởng các cơ quan" in text
    )
    assert "- Thường trực Đảng ủy phường;" in text and "- Như Điều 4;" in text
    assert "phòng Văn hóa – Xã hội" in text
    assert "Nội vụ" not in text


def test_the_town_decision_of_2020_names_phong_noi_vu(draft_decision):
    text = text_of(decision_docx(draft_decision))
    assert "Theo đề nghị của Trưởng phòng Nội vụ." in text
    assert (
        "Điều 4. Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Nội vụ, "
        "Trưởng phòng Tài chính - Kế hoạch, thủ trưởng" in text
    )
    assert "- Thường trực Thị ủy;" in text
    assert "Văn hóa – Xã hội" not in text


def test_an_issuer_without_offices_gets_the_generic_clauses():
    decision = ward_decision()
    Office.objects.filter(unit=decision.issuer).delete()
    text = text_of(decision_docx(decision))
    assert "Theo đề nghị" not in text  # no meeting and no office: no proposer line
    assert "Điều 4. Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể" in text
    assert "- Như Điều 4;" in text and "Phòng" not in text.split("Nơi nhận:")[1]


def test_the_offices_in_force_on_the_signing_date_are_read():
    decision = ward_decision()
    office = Office.objects.get(unit=decision.issuer, name="Phòng Văn hóa – Xã hội")
    office.valid_to = date(2026, 6, 30)
    office.save()
    Office.objects.create(
        unit=decision.issuer,
        name="Phòng Văn hóa, Xã hội và Y tế",
        duties=["proposes"],
        valid_from=date(2026, 7, 1),
    )
    assert "Theo đề nghị của Trưởng phòng Văn hóa, Xã hội và Y tế." in text_of(
        decision_docx(decision)
    )
    decision.signed_on = date(2026, 3, 1)
    assert "Theo đề nghị của Trưởng phòng Văn hóa – Xã hội." in text_of(decision_docx(decision))


def test_the_letters_copy_goes_to_the_issuers_proposing_office():
    ward_campaign = Campaign.objects.get(title=TWO_TIER_TITLE)
    assert _receivers(ward_campaign) == ["Phòng Văn hóa – Xã hội"]
    town_campaign = Campaign.objects.filter(issuer__name="Thị xã Sa Pa").first()
    assert _receivers(town_campaign) == ["Phòng Nội vụ"]


def test_the_demo_records_the_2025_merger_of_the_wards():
    new_ward = Unit.objects.get(name=NEW_WARD)
    merged = set(Unit.objects.filter(successor=new_ward).values_list("name", flat=True))
    assert merged == {
        "Phường Sa Pa",
        "Phường Sa Pả",
        "Phường Ô Quý Hồ",
        "Phường Phan Si Păng",
        "Phường Hàm Rồng",
        "Phường Cầu Mây",
    }
