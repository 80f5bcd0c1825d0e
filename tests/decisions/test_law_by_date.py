"""Law as dated data: a decision cites the laws, decrees and regulation in force on its signing
date, its money uses the decree's coefficient and the base salary of that date, and the DOCX
reads as a văn thư expects (italic bases ending ";" then ".", effect clause, bold "Điều n.",
"01/QĐ-UBND", the money sentence)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from thidua.campaigns.models import Campaign
from thidua.decisions import services
from thidua.decisions.certificates import achievement_lines
from thidua.decisions.documents import decision_docx
from thidua.decisions.models import Decision, RewardCoefficient
from thidua.decisions.money import reward_amount
from thidua.demo.plan_two_tier_2026 import TWO_TIER_TITLE

pytestmark = pytest.mark.django_db
GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"
BK_TINH = "Bằng khen của Chủ tịch UBND tỉnh"
REGULATION = (
    "Căn cứ Quyết định số …/…/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh Lào Cai ban hành Quy định "
    "về công tác thi đua, khen thưởng trên địa bàn tỉnh Lào Cai;"
)
BASES_2020 = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng "
    "11 năm 2019;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;",
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;",
    REGULATION,
    "Căn cứ Kế hoạch số 05/KH-UBND ngày 02/03/2020 của Ủy ban nhân dân thị xã Sa Pa về đợt thi "
    "đua chào mừng Kỷ niệm 70 năm ngày giải phóng Sa Pa (03/11/1950 – 03/11/2020) và 70 năm "
    "thành lập Đảng bộ thị xã (04/11/1950 – 04/11/2020);",
    "Căn cứ Biên bản họp xét khen thưởng của Hội đồng Thi đua – Khen thưởng thị xã Sa Pa ngày "
    "28/10/2020;",
    "Theo đề nghị của Trưởng phòng Nội vụ.",
]
BASES_2026_LAWS = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân "
    "cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành "
    "một số điều của Luật Thi đua, khen thưởng;",
    REGULATION,
]


def paragraphs(content: bytes):
    return Document(io.BytesIO(content)).paragraphs


def bases_of(content: bytes) -> list:
    """The italic paragraphs between the authority line and "QUYẾT ĐỊNH:"."""
    paras = paragraphs(content)
    start = next(n for n, p in enumerate(paras) if p.text.startswith("CHỦ TỊCH ỦY BAN"))
    end = next(n for n, p in enumerate(paras) if p.text == "QUYẾT ĐỊNH:")
    return paras[start + 1 : end]


def header_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return " ".join(c.text for t in document.tables[:1] for row in t.rows for c in row.cells)


@pytest.fixture
def numbered_plan(appraised):
    Campaign.objects.filter(pk=appraised.pk).update(number="5", signed_on=date(2020, 3, 2))
    return appraised


def test_the_2020_decision_cites_the_2020_law_in_italics_with_its_punctuation(
    numbered_plan, signed_decision
):
    content = decision_docx(signed_decision)
    bases = bases_of(content)
    assert [p.text for p in bases] == BASES_2020
    assert all(run.italic for p in bases for run in p.runs)
    assert "Số: 01/QĐ-UBND" in header_text(content)
    texts = [p.text for p in paragraphs(content)]
    assert (
        "Điều 2. Mỗi tập thể được tặng Giấy khen kèm theo mức tiền thưởng bằng 0,6 lần mức lương "
        "cơ sở (1.490.000 đồng), làm tròn lên hàng chục nghìn đồng là 900.000 đồng; mỗi cá nhân "
        "được tặng Giấy khen kèm theo mức tiền thưởng bằng 0,3 lần mức lương cơ sở (1.490.000 "
        "đồng), làm tròn lên hàng chục nghìn đồng là 450.000 đồng (theo Nghị định 91/2017/NĐ-CP, "
        "Điều 75). Tổng số tiền thưởng: 3.600.000 đồng, từ Quỹ thi đua, khen thưởng của UBND thị xã "
        "Sa Pa."
    ) in texts
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in texts
    articles = [p for p in paragraphs(content) if p.text.startswith("Điều ")]
    assert [p.runs[0].text for p in articles] == ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4."]
    assert all(p.runs[0].bold and not p.runs[1].bold for p in articles)
    assert articles[-1].text.endswith("chịu trách nhiệm thi hành Quyết định này./.")
    assert (
        "(Kèm theo Quyết định số 01/QĐ-UBND ngày 30/10/2020 của Chủ tịch UBND thị xã Sa Pa)"
        in texts
    )


def ward_decision(signed_on: date, number: int | None = 1) -> Decision:
    campaign = Campaign.objects.get(title=TWO_TIER_TITLE)
    return Decision.objects.create(
        issuer=campaign.issuer,
        issuer_name="UBND phường Sa Pa",
        campaign=campaign,
        award_form=campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND phường"),
        year=signed_on.year,
        number=number,
        signed_on=signed_on,
        place="Sa Pa",
        subject="Về việc tặng Giấy khen",
        fund_note=services.fund_of(campaign.issuer),
    )


def test_the_2026_ward_decision_cites_todays_law_and_2530000_salary():
    content = decision_docx(ward_decision(date(2026, 12, 2)))
    texts = [p.text for p in bases_of(content)]
    assert texts[:4] == BASES_2026_LAWS
    assert texts[4].startswith("Căn cứ Kế hoạch số 15/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân ")
    assert texts[4].endswith(";") and "Biên bản" not in " ".join(texts)  # no meeting: no minutes
    assert texts[-1] == "Theo đề nghị của Trưởng phòng Văn hóa – Xã hội."
    assert "Nghị định số 91/2017" not in " ".join(texts)
    assert "Số: 01/QĐ-UBND" in header_text(content)
    money = next(p.text for p in paragraphs(content) if p.text.startswith("Điều 2."))
    assert money == (
        "Điều 2. Mỗi tập thể được tặng Giấy khen kèm theo mức tiền thưởng bằng 0,6 lần mức lương "
        "cơ sở (2.530.000 đồng), làm tròn lên hàng chục nghìn đồng là 1.520.000 đồng; mỗi cá nhân "
        "được tặng Giấy khen kèm theo mức tiền thưởng bằng 0,3 lần mức lương cơ sở (2.530.000 "
        "đồng), làm tròn lên hàng chục nghìn đồng là 760.000 đồng (theo Nghị định 152/2025/NĐ-CP, "
        "Điều 54). Tổng số tiền thưởng: 0 đồng, từ Quỹ thi đua, khen thưởng của UBND phường Sa Pa."
    )
    # Before 01/07/2026 the salary was 2.340.000: the same decision signed earlier says so.
    june = [p.text for p in paragraphs(decision_docx(ward_decision(date(2026, 6, 30), None)))]
    assert any("bằng 0,3 lần mức lương cơ sở (2.340.000 đồng)" in t for t in june)


def test_changing_the_signing_date_recomputes_the_bases_and_the_money(
    numbered_plan, draft_decision, user
):
    decision = services.update_draft(
        actor=user("noivu"),
        decision=draft_decision,
        version=draft_decision.version,
        signed_on=date(2024, 3, 15),
        signer_name="",
        legal_bases="",
        subject=draft_decision.subject,
    )
    texts = [p.text for p in bases_of(decision_docx(decision))]
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in texts
    assert any(t.startswith("Căn cứ Nghị định số 98/2023/NĐ-CP") for t in texts)
    assert not any("91/2017" in t or "năm 2003" in t for t in texts)
    # 0,3 × 1.800.000 = 540.000; 0,6 × 1.800.000 = 1.080.000
    assert decision.total == 2 * 1_080_000 + 4 * 540_000
    # The town no longer exists in 2026: its decision cannot be dated then.
    with pytest.raises(services.DecisionError, match="không hoạt động vào ngày 02/12/2026"):
        services.update_draft(
            actor=user("noivu"),
            decision=decision,
            version=decision.version,
            signed_on=date(2026, 12, 2),
            signer_name="",
            legal_bases="",
            subject=decision.subject,
        )


def test_a_clerks_added_basis_is_cited_before_the_proposal(numbered_plan, draft_decision, user):
    decision = services.update_draft(
        actor=user("noivu"),
        decision=draft_decision,
        version=draft_decision.version,
        signed_on=date(2020, 10, 30),
        signer_name="",
        legal_bases="Căn cứ Công văn số 12/SNV-TĐKT ngày 01/10/2020 của Sở Nội vụ.",
        subject=draft_decision.subject,
    )
    texts = [p.text for p in bases_of(decision_docx(decision))]
    assert texts[-2:] == [
        "Căn cứ Công văn số 12/SNV-TĐKT ngày 01/10/2020 của Sở Nội vụ;",
        "Theo đề nghị của Trưởng phòng Nội vụ.",
    ]


@pytest.mark.parametrize(
    ("name", "day", "collective", "expected"),
    [
        (GK_TOWN, date(2020, 10, 30), False, 450_000),  # NĐ 91: 0,3 × 1.490.000
        (GK_TOWN, date(2020, 10, 30), True, 900_000),  # 0,6 × 1.490.000
        (GK_TOWN, date(2026, 12, 2), False, 760_000),  # a 2020 form signed in 2026: 0,3 × 2.530.000
        (GK_TOWN, date(2026, 12, 2), True, 1_520_000),
        (BK_TINH, date(2020, 10, 30), False, 1_490_000),  # NĐ 91 Điều 72: 1,0
        (BK_TINH, date(2020, 10, 30), True, 2_980_000),  # 2,0
        (BK_TINH, date(2026, 12, 2), False, 3_800_000),  # NĐ 152: 1,5 × 2.530.000 = 3.795.000
        (BK_TINH, date(2026, 12, 2), True, 7_590_000),  # 3,0 × 2.530.000
    ],
)
def test_coefficients_are_the_decrees_of_the_signing_date(
    appraised, name, day, collective, expected
):
    form = appraised.award_forms.get(name=name)
    assert reward_amount(form, collective=collective, day=day) == expected


def test_a_form_without_a_kind_falls_back_on_its_own_coefficients(appraised):
    form = appraised.award_forms.get(name=BK_TINH)
    form.reward_kind = ""
    type(form).objects.filter(pk=form.pk).update(reward_kind="")
    assert RewardCoefficient.objects.filter(award_form=form).exists()
    # The form's own 2020 coefficient (1,0) with the 2026 salary: the old behaviour, kept.
    assert reward_amount(form, collective=False, day=date(2026, 12, 2)) == 2_530_000


def test_a_past_campaigns_decision_is_dated_on_its_meeting(closed_meeting, user):
    decision = services.prepare_decision(
        actor=user("noivu"),
        meeting=closed_meeting,
        award_form=closed_meeting.campaign.award_forms.get(name=GK_TOWN),
    )
    assert decision.signed_on == date(2020, 10, 28) and decision.year == 2020
    assert decision.total == 2 * 900_000 + 4 * 450_000


def test_the_certificate_names_the_campaign_and_keeps_the_achievements_capital(signed_decision):
    recipient = signed_decision.recipients.exclude(achievement="").first()
    recipient.achievement = "Hoàn thành xuất sắc nhiệm vụ tuyên truyền."
    lines = achievement_lines(signed_decision, recipient)
    assert lines == [
        (15, f"Đã có thành tích xuất sắc trong {signed_decision.campaign.title}."),
        (13, "Hoàn thành xuất sắc nhiệm vụ tuyên truyền."),
    ]
    assert lines[0][1].startswith("Đã có thành tích xuất sắc trong Đợt thi đua chào mừng")


def test_libreoffice_opens_the_decision_and_reads_the_vietnamese_lines(
    numbered_plan, signed_decision, docx_text
):
    text = docx_text(decision_docx(signed_decision), "qd.docx")
    for expected in [
        "Số: 01/QĐ-UBND",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017",
        "Căn cứ Kế hoạch số 05/KH-UBND ngày 02/03/2020",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        "bằng 0,3 lần mức lương cơ sở (1.490.000 đồng)",
        "Theo đề nghị của Trưởng phòng Nội vụ.",
    ]:
        assert expected in text, expected


def test_the_certificate_pdf_prints_01_and_the_campaign(signed_decision, tmp_path):
    import subprocess

    from thidua.decisions.certificates import certificates_pdf

    from ..system_tools import require_tools

    require_tools("pdftotext")
    recipient = signed_decision.recipients.first()
    pdf = tmp_path / "gk.pdf"
    pdf.write_bytes(certificates_pdf(signed_decision, [recipient]))
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert "Quyết định số 01/QĐ-UBND ngày 30/10/2020" in text
    assert "Đã có thành tích xuất sắc trong Đợt thi đua chào mừng Kỷ niệm 70 năm" in text


def test_the_api_gives_the_bases_of_the_signing_date(api_as, numbered_plan, signed_decision):
    data = api_as("noivu").get(f"/api/v1/decisions/{signed_decision.pk}").json()
    assert data["legal_bases"] == BASES_2020
    assert data["number_symbol"] == "01/QĐ-UBND"
