"""The Biên bản họp xét opens in LibreOffice and reads the results with exact names."""

from __future__ import annotations

import pytest

from thidua.council import services

from ..demo_council import present

pytestmark = pytest.mark.django_db


def test_minutes_after_the_ballot(client_as, meeting, user, docx_text):
    assert client_as("thuky").get(f"/hoi-dong/{meeting.pk}/bien-ban.docx").status_code == 404
    present(meeting, "thuky", "hoidong1", "chutich")
    services.open_ballot(actor=user("thuky"), meeting=meeting)
    for username in ("thuky", "hoidong1", "chutich"):
        client_as(username).post(
            f"/hoi-dong/{meeting.pk}/phieu/", {f"item_{i.pk}": "1" for i in meeting.items.all()}
        )
    services.close_ballot(actor=user("thuky"), meeting=meeting)
    response = client_as("thuky").get(f"/hoi-dong/{meeting.pk}/bien-ban.docx")
    text = docx_text(response.content, "bien-ban.docx")
    for expected in [
        "BIÊN BẢN",
        "Họp xét khen thưởng",
        "3/4 thành viên Hội đồng có mặt",
        "Lê Tân Phong",
        "Vắng mặt: Hoàng Thị Yến",
        "Sùng A Páo",
        "Lý Thị Mẩy",
        "Nguyễn Thị Thu Hương",
        "Kết luận",
        "Đề nghị khen thưởng",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ]:
        assert expected in text, expected
    assert client_as("phuongsapa").get(f"/hoi-dong/{meeting.pk}/bien-ban.docx").status_code == 404
