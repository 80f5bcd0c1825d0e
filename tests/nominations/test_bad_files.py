"""Files are judged by content: bad ones are refused with a clear message, nothing is stored."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.nominations.models import DossierDocument

from ..core.files import PNG_SMALL

pytestmark = pytest.mark.django_db


def office_zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        package.writestr("xl/workbook.xml", b"<workbook/>")
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1 << 20)
            for _ in range(settings.THIDUA_MAX_UNPACKED_BYTES // len(chunk) + 8):
                entry.write(chunk)
    return buffer.getvalue()


def stored_files() -> set[str]:
    """Every file under MEDIA_ROOT (other tests' files stay on disk after their rollback)."""
    return {
        os.path.join(root, name)
        for root, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


BAD_FILES = {
    "renamed executable": ("to-trinh.pdf", b"MZ\x90\x00" + b"\0" * 200, "không phải PDF, DOCX"),
    "macro document": (
        "bien-ban.docm",
        office_zip(
            {
                "[Content_Types].xml": b"<Types/>",
                "word/document.xml": b"<w/>",
                "word/vbaProject.bin": b"\x00macro",
            }
        ),
        "có chứa macro",
    ),
    "macro renamed docx": (
        "bien-ban.docx",
        office_zip(
            {
                "[Content_Types].xml": b"application/vnd.ms-word.document.macroEnabled.main+xml",
                "word/document.xml": b"<w/>",
            }
        ),
        "có chứa macro",
    ),
    "empty": ("trong.pdf", b"", "Tệp rỗng"),
    "legacy doc": ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "định dạng cũ"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_refused_and_nothing_is_stored(client_as, ward_dossier, before_deadline, case):
    name, content, message = BAD_FILES[case]
    before = stored_files()
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/tai-lieu/",
        {"version": ward_dossier.version, "file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert message in response.content.decode()
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()
    assert stored_files() == before


def test_zip_bomb_disguised_as_xlsx_is_refused(client_as, ward_dossier, before_deadline):
    bomb = zip_bomb()
    assert len(bomb) < settings.THIDUA_MAX_UPLOAD_BYTES  # small on disk, huge unpacked
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/tai-lieu/",
        {"version": ward_dossier.version, "file": SimpleUploadedFile("danh-sach.xlsx", bomb)},
        follow=True,
    )
    assert "dung lượng bất thường" in response.content.decode()
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()


def test_oversized_file_is_refused(client_as, ward_dossier, before_deadline):
    content = b"%PDF-1.4\n" + b"0" * settings.THIDUA_MAX_UPLOAD_BYTES
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/tai-lieu/",
        {"version": ward_dossier.version, "file": SimpleUploadedFile("lon.pdf", content)},
        follow=True,
    )
    assert "Tệp quá lớn" in response.content.decode()
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()


def test_api_refuses_a_bad_file_with_422(api_as, ward_dossier, before_deadline):
    response = api_as("phuongsapa").post(
        f"/api/v1/dossiers/{ward_dossier.pk}/documents",
        {"version": ward_dossier.version, "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00rest")},
    )
    assert response.status_code == 422
    assert "không được chấp nhận" in str(response.json())


def test_good_files_are_accepted_by_content_whatever_their_name(
    client_as, ward_dossier, before_deadline
):
    docx = office_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    png = PNG_SMALL
    for name, content, kind in [("bien ban.docx", docx, "docx"), ("anh", png, "png")]:
        ward_dossier.refresh_from_db()
        client_as("phuongsapa").post(
            f"/ho-so/{ward_dossier.pk}/tai-lieu/",
            {"version": ward_dossier.version, "file": SimpleUploadedFile(name, content)},
        )
        assert DossierDocument.objects.get(dossier=ward_dossier, original_name=name).kind == kind
    document = DossierDocument.objects.get(dossier=ward_dossier, original_name="anh")
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/tai-lieu/{document.pk}/")
    assert response["Content-Type"] == "image/png"
    assert 'filename="anh.png"' in response["Content-Disposition"]
