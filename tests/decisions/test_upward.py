"""Awards above the issuer's authority: the Tờ trình upward, then the province's decision
recorded into the history."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.records.models import AwardRecord

from ..document_checks import (
    assert_body_spacing,
    assert_page_numbers_from_page_two,
    filing_lines,
    header_cell_lines,
    open_docx,
)
from .conftest import BK

pytestmark = pytest.mark.django_db


def test_upward_letter_and_the_recorded_higher_decision(client_as, meeting_with_upward, docx_text):
    meeting = meeting_with_upward
    form = meeting.campaign.award_forms.get(name=BK)
    page = client_as("noivu").get(f"/hoi-dong/{meeting.pk}/").content.decode()
    panel_url = f"/quyet-dinh/hop-xet/{meeting.pk}/"
    assert f'hx-get="{panel_url}"' in page  # the decisions panel, loaded by HTMX
    panel = client_as("noivu").get(panel_url, headers={"HX-Request": "true"}).content.decode()
    assert "Tải Tờ trình đề nghị cấp trên" in panel
    letter = client_as("noivu").get(f"/quyet-dinh/de-nghi/{meeting.pk}/{form.pk}.docx")
    text = docx_text(letter.content, "to-trinh-tinh.docx")
    for expected in [
        "TỜ TRÌNH",
        "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh Lào Cai cho các tập thể, cá nhân đã có "
        "thành tích xuất sắc trong đợt thi đua chào mừng Kỷ niệm 70 năm",
        "Kính gửi: Chủ tịch UBND tỉnh Lào Cai",
        "tặng Bằng khen cho 1 cá nhân đã có thành tích xuất sắc",
        "Chức vụ, đơn vị",
        "Sùng A Páo",
        "Thôn Lao Chải",
        "- Sở Nội vụ;",
        "- Lưu: VT, NV.",
        "Lê Tân Phong",
    ]:
        assert expected in text, expected
    assert "0 tập thể" not in text
    document = open_docx(letter.content)
    assert_page_numbers_from_page_two(document)
    assert_body_spacing(document)
    assert filing_lines(document) == ["- Lưu: VT, NV."]
    assert header_cell_lines(document, 0)[0] == "ỦY BAN NHÂN DÂN THỊ XÃ SA PA"
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells] == [
        "STT",
        "Tập thể, cá nhân",
        "Chức vụ, đơn vị",
        "Tóm tắt thành tích",
    ]
    assert [c.text for c in table.rows[1].cells][:3] == [
        "1",
        "Sùng A Páo",
        "Chủ hộ sản xuất, kinh doanh du lịch cộng đồng, Thôn Lao Chải",
    ]
    assert (
        client_as("thuky").get(f"/quyet-dinh/de-nghi/{meeting.pk}/{form.pk}.docx").status_code
        == 403
    )

    pao = meeting.items.get(candidate__award_form=form).candidate
    response = client_as("noivu").post(
        f"/quyet-dinh/cap-tren/{meeting.pk}/{form.pk}/",
        {
            "number": "3456/QĐ-UBND",
            "signed_on": "20/11/2020",
            "issuer_name": "UBND tỉnh Lào Cai",
            "signer_name": "Đặng Xuân Phong",
            "candidate": [pao.pk],
        },
        follow=True,
    )
    assert "Đã ghi nhận Quyết định số 3456/QĐ-UBND" in response.content.decode()
    award = AwardRecord.objects.get(person=pao.person, award_name=BK)
    assert (award.decision_number, award.authority_level, award.decided_on) == (
        "3456/QĐ-UBND",
        "tinh",
        date(2020, 11, 20),
    )
    decision = response.context["decision"]
    assert client_as("noivu").get(f"/quyet-dinh/{decision.pk}/giay-khen.pdf").status_code == 404


def test_recording_needs_a_number_and_a_recipient(client_as, meeting_with_upward):
    meeting = meeting_with_upward
    form = meeting.campaign.award_forms.get(name=BK)
    response = client_as("noivu").post(
        f"/quyet-dinh/cap-tren/{meeting.pk}/{form.pk}/",
        {
            "number": "3456/QĐ-UBND",
            "signed_on": "20/11/2020",
            "issuer_name": "UBND tỉnh Lào Cai",
        },
    )
    assert "Chọn ít nhất một tập thể, cá nhân" in response.content.decode()
    assert not AwardRecord.objects.filter(award_name=BK).exists()
