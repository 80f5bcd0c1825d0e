"""The Tờ trình and Danh sách trích ngang open in LibreOffice with exact Vietnamese names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_nomination_list_and_letter_open_in_libreoffice(client_as, commune_dossier, docx_text):
    client = client_as("tavan")
    listing = client.get(f"/ho-so/{commune_dossier.pk}/danh-sach-trich-ngang.docx")
    assert listing["Content-Type"].startswith("application/vnd.openxmlformats")
    text = docx_text(listing.content, "danh-sach.docx")
    for expected in [
        "Phụ lục DANH SÁCH TRÍCH NGANG",
        "(Kèm theo Tờ trình số /TTr-UBND ngày tháng năm của UBND xã Tả Van)",
        "Lý Thị Mẩy",
        "Sùng A Páo",
        "Thôn Lao Chải",
        "Giấy khen của Chủ tịch UBND thị xã",
        "Tổng số: 1 tập thể và 2 cá nhân.",
    ]:
        assert expected in text, expected
    # The Tờ trình's annex: no number of its own ("…/DS-UBND" is no document type).
    assert "/DS-" not in text and "Số:" not in text

    letter = client.get(f"/ho-so/{commune_dossier.pk}/to-trinh.docx")
    text = docx_text(letter.content, "to-trinh.docx")
    for expected in [
        "TỜ TRÌNH",
        "Kính gửi: Chủ tịch UBND thị xã Sa Pa",
        "UBND xã Tả Van kính đề nghị",
        "Giấy khen của Chủ tịch UBND thị xã: 1 tập thể và 2 cá nhân",
        "ỦY BAN NHÂN DÂN XÃ TẢ VAN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "(Có Phụ lục danh sách trích ngang và hồ sơ kèm theo)",
        "Nơi nhận:",
        "- Lưu: VT.",
    ]:
        assert expected in text, expected
    assert "UBND THỊ XÃ SA PA" not in text  # a People's Committee carries its own name only


def test_names_with_every_diacritic_survive(client_as, ward_dossier, docx_text):
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/danh-sach-trich-ngang.docx")
    text = docx_text(response.content, "ds.docx")
    assert "Nguyễn Thị Thu Hương" in text and "Hoàng Văn Quý" in text
