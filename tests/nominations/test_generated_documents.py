"""The Tờ trình and Danh sách trích ngang open in LibreOffice with exact Vietnamese names."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="LibreOffice (soffice) and pdftotext are needed: make test installs them as root",
    ),
]


def to_text(tmp_path, name: str, content: bytes) -> str:
    source = tmp_path / name
    source.write_bytes(content)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pdf = source.with_suffix(".pdf")
    assert pdf.exists(), "LibreOffice could not open the generated DOCX"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    return " ".join(text.split())


def test_nomination_list_and_letter_open_in_libreoffice(client_as, commune_dossier, tmp_path):
    client = client_as("tavan")
    listing = client.get(f"/ho-so/{commune_dossier.pk}/danh-sach-trich-ngang.docx")
    assert listing["Content-Type"].startswith("application/vnd.openxmlformats")
    text = to_text(tmp_path, "danh-sach.docx", listing.content)
    for expected in ["DANH SÁCH TRÍCH NGANG", "Lý Thị Mẩy", "Sùng A Páo", "Thôn Lao Chải",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Giấy khen của Chủ tịch UBND thị xã", "UBND XÃ TẢ VAN"]:  # fmt: skip
        assert expected in text, expected

    letter = client.get(f"/ho-so/{commune_dossier.pk}/to-trinh.docx")
    text = to_text(tmp_path, "to-trinh.docx", letter.content)
    for expected in ["TỜ TRÌNH", "Kính gửi: Chủ tịch UBND thị xã Sa Pa", "UBND xã Tả Van kính đề nghị",
                     "Giấy khen của Chủ tịch UBND thị xã: 1 tập thể và 2 cá nhân", "Nơi nhận:"]:  # fmt: skip
        assert expected in text, expected


def test_names_with_every_diacritic_survive(client_as, ward_dossier, tmp_path):
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/danh-sach-trich-ngang.docx")
    text = to_text(tmp_path, "ds.docx", response.content)
    assert "Nguyễn Thị Thu Hương" in text and "Hoàng Văn Quý" in text
