"""Every document has a built-in layout and can be replaced by a Word template file."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from thidua.campaigns.models import Campaign
from thidua.core.rendering import DOCUMENTS

pytestmark = pytest.mark.django_db


def test_the_plan_is_regenerated_from_the_campaign_and_reads_like_the_seed(client, docx_text):
    campaign = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    text = docx_text(
        client.get(f"/dot-thi-dua/{campaign.pk}/ke-hoach.docx").content, "ke-hoach.docx"
    )
    for expected in [
        "ỦY BAN NHÂN DÂN THỊ XÃ",
        "KẾ HOẠCH",
        "Phát động đợt thi đua chào mừng Kỷ niệm 70 năm",
        "Căn cứ Nghị quyết số 01-NQ/TU ngày 16/01/2020",
        "I. Mục đích, yêu cầu:",
        "3. Khẩu hiệu thi đua",
        "Từ tháng 03/2020 đến tháng 10/2020",
        "2.2. Giấy khen của Chủ tịch UBND thị xã:",
        "có hai năm liên tục được đánh giá là hoàn thành tốt nhiệm vụ trở lên",
        "3. Thủ tục hồ sơ đề nghị khen thưởng:",
        "trước ngày 25/10/2020",
        "IV. Tổ chức thực hiện.",
        "Số: 45/KH-UBND",
        "Phòng Nội vụ",
        "Nơi nhận:",
        "Ban TĐKT tỉnh",
        "- Lưu: VT, NV.",
        "TM. ỦY BAN NHÂN DÂN",
        "Lê Tân Phong",
    ]:
        assert expected in text, expected


def test_a_template_file_replaces_the_built_in_layout(settings, tmp_path, client_as, docx_text):
    settings.THIDUA_TEMPLATE_DIR = str(tmp_path / "mau")
    call_command("export_templates", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(p.stem for p in (tmp_path / "mau").glob("*.docx")) == sorted(DOCUMENTS)
    campaign = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    text = docx_text(
        client_as("noivu").get(f"/dot-thi-dua/{campaign.pk}/ke-hoach.docx").content, "kh.docx"
    )
    assert "Giấy khen của Chủ tịch UBND thị xã" in text and "Hạn nộp hồ sơ: 25/10/2020" in text
    assert "{{" not in text and "I. Mục đích, yêu cầu" not in text  # the template's layout, filled
