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
        "DANH SÁCH TRÍCH NGANG",
        "Lý Thị Mẩy",
        "Sùng A Páo",
        "Thôn Lao Chải",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Giấy khen của Chủ tịch UBND thị xã",
        "UBND XÃ TẢ VAN",
    ]:
        assert expected in text, expected

    letter = client.get(f"/ho-so/{commune_dossier.pk}/to-trinh.docx")
    text = docx_text(letter.content, "to-trinh.docx")
    for expected in [
        "TỜ TRÌNH",
        "Kính gửi: Chủ tịch UBND thị xã Sa Pa",
        "UBND xã Tả Van kính đề nghị",
        "Giấy khen của Chủ tịch UBND thị xã: 1 tập thể và 2 cá nhân",
        "Nơi nhận:",
    ]:
        assert expected in text, expected


def test_names_with_every_diacritic_survive(client_as, ward_dossier, docx_text):
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/danh-sach-trich-ngang.docx")
    text = docx_text(response.content, "ds.docx")
    assert "Nguyễn Thị Thu Hương" in text and "Hoàng Văn Quý" in text
