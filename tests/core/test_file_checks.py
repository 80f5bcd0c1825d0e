"""Uploads that cannot hurt: a PDF parsed for real, images measured before decoding, safe
names, and nothing left on disk when a request fails."""

from __future__ import annotations

import io
import os
import time
import unicodedata

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from thidua.core import uploads
from thidua.nominations import services
from thidua.nominations.models import DossierDocument
from thidua.participation.models import UnitPlan

from .files import (
    PDF_BYTES,
    PDF_EMBEDDED,
    PDF_FAKE,
    PDF_JAVASCRIPT,
    PDF_LAUNCH,
    PDF_NO_PAGES,
    PDF_OPEN_ACTION,
    PDF_OPEN_AT_PAGE,
    PDF_OWNER_PASSWORD,
    PDF_PAGE_AA,
    PDF_PASSWORD,
    PDF_TRUNCATED,
    PNG_BOMB,
    PNG_SMALL,
    PNG_TRUNCATED,
    jpeg,
    jpeg_declaring,
)

pytestmark = pytest.mark.django_db

BROKEN = "Tệp PDF bị hỏng hoặc không trọn vẹn"
ACTIVE = "Tệp PDF có nội dung chủ động ({}) không được chấp nhận"
BAD_FILES = {
    "truncated PDF": ("to-trinh.pdf", PDF_TRUNCATED, BROKEN),
    "header-only PDF": ("to-trinh.pdf", PDF_FAKE, BROKEN),
    "PDF without pages": ("to-trinh.pdf", PDF_NO_PAGES, BROKEN),
    "PDF with JavaScript": ("to-trinh.pdf", PDF_JAVASCRIPT, ACTIVE.format("JavaScript")),
    "PDF running JavaScript on opening": (
        "to-trinh.pdf",
        PDF_OPEN_ACTION,
        ACTIVE.format("hành động tự chạy khi mở tệp"),
    ),
    "PDF launching a program": (
        "to-trinh.pdf",
        PDF_LAUNCH,
        ACTIVE.format("hành động tự chạy khi mở tệp"),
    ),
    "PDF with an embedded file": (
        "to-trinh.pdf",
        PDF_EMBEDDED,
        ACTIVE.format("tệp đính kèm bên trong"),
    ),
    "PDF with a page action": ("to-trinh.pdf", PDF_PAGE_AA, ACTIVE.format("hành động tự chạy")),
    "PDF with a password to open": (
        "to-trinh.pdf",
        PDF_PASSWORD,
        "Tệp PDF có mật khẩu không được chấp nhận: hãy gỡ mật khẩu rồi tải lên lại.",
    ),
    "PNG of 100,000 × 100,000 px": (
        "anh.png",
        PNG_BOMB,
        "Ảnh quá lớn (100.000 × 100.000 điểm ảnh); tối đa 50 triệu điểm ảnh",
    ),
    "JPEG of 60,000 × 60,000 px": (
        "anh.jpg",
        jpeg_declaring(60000, 60000),
        "Ảnh quá lớn (60.000 × 60.000 điểm ảnh)",
    ),
    "truncated PNG": ("anh.png", PNG_TRUNCATED, "Tệp ảnh bị hỏng hoặc không trọn vẹn"),
    "truncated JPEG": ("anh.jpg", jpeg()[:120], "Tệp ảnh bị hỏng hoặc không trọn vẹn"),
}


def stored_files() -> set[str]:
    return {
        os.path.join(root, name)
        for root, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


def upload(client, dossier, name: str, content: bytes):
    dossier.refresh_from_db()
    return client.post(
        f"/ho-so/{dossier.pk}/tai-lieu/",
        {"version": dossier.version, "file": SimpleUploadedFile(name, content)},
        follow=True,
    )


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_each_bad_file_is_refused_with_its_message_and_leaves_nothing(
    client_as, ward_dossier, before_deadline, case
):
    name, content, message = BAD_FILES[case]
    before = stored_files()
    response = upload(client_as("phuongsapa"), ward_dossier, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()
    assert stored_files() == before


def test_the_api_refuses_a_pdf_with_javascript_with_422(api_as, ward_dossier, before_deadline):
    response = api_as("phuongsapa").post(
        f"/api/v1/dossiers/{ward_dossier.pk}/documents",
        {
            "version": ward_dossier.version,
            "file": SimpleUploadedFile("x.pdf", PDF_JAVASCRIPT),
        },
    )
    assert response.status_code == 422
    assert ACTIVE.format("JavaScript") in str(response.json())
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()


def test_good_pdfs_and_images_are_stored(client_as, ward_dossier, before_deadline):
    client = client_as("phuongsapa")
    for name, content, kind in [
        ("to-trinh.pdf", PDF_BYTES, "pdf"),
        ("mo-trang-1.pdf", PDF_OPEN_AT_PAGE, "pdf"),  # an /OpenAction that is only a page
        ("han-che-in.pdf", PDF_OWNER_PASSWORD, "pdf"),  # opens without a password
        ("anh.png", PNG_SMALL, "png"),
        ("anh.jpg", jpeg(), "jpg"),
    ]:
        response = upload(client, ward_dossier, name, content)
        assert f"Đã tải lên “{name}”." in response.content.decode()
        assert DossierDocument.objects.get(dossier=ward_dossier, original_name=name).kind == kind


def test_file_names_are_nfc_and_safe(client_as, ward_dossier, before_deadline):
    nfd = unicodedata.normalize("NFD", "Tờ trình")
    name = f"..\\..\\C:/Users/{nfd}\u202e <số 1>.pdf"
    upload(client_as("phuongsapa"), ward_dossier, name, PDF_BYTES)
    document = DossierDocument.objects.get(dossier=ward_dossier)
    assert document.original_name == "Tờ trình _số 1_.pdf"
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/tai-lieu/{document.pk}/")
    assert "Tờ trình _số 1_.pdf" in response["Content-Disposition"] or (
        "filename*=utf-8''T%E1%BB%9D%20tr%C3%ACnh%20_s%E1%BB%91%201_.pdf"
        in response["Content-Disposition"]
    )
    assert uploads.safe_name("...") == "tep"
    long = uploads.safe_name("a" * 300 + ".docx")
    assert len(long) == 255 and long.endswith(".docx")


def test_a_failure_after_the_file_is_saved_leaves_nothing_on_disk(
    ward_dossier, user, before_deadline, monkeypatch
):
    from thidua.core import audit

    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(audit, "record", broken)
    before = stored_files()
    with pytest.raises(RuntimeError):
        services.upload_document(
            actor=user("phuongsapa"),
            dossier=ward_dossier,
            version=ward_dossier.version,
            uploaded=SimpleUploadedFile("to-trinh.pdf", PDF_BYTES),
        )
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()
    assert stored_files() == before


def test_a_unit_plan_with_javascript_is_refused_and_a_replaced_file_is_removed(
    client_as, campaign, ward_dossier, django_capture_on_commit_callbacks
):
    url = f"/dot-thi-dua/{campaign.pk}/trien-khai/don-vi/{ward_dossier.unit.pk}/"
    client = client_as("phuongsapa")
    form = {"which": "plan", "kh-number": "12/KH-UBND", "kh-signed_on": "10/03/2020"}
    before = stored_files()
    bad = client.post(url, {**form, "kh-file": SimpleUploadedFile("kh.pdf", PDF_JAVASCRIPT)})
    assert ACTIVE.format("JavaScript") in bad.content.decode()
    assert stored_files() == before
    client.post(url, {**form, "kh-file": SimpleUploadedFile("kh.pdf", PDF_BYTES)})
    first = UnitPlan.objects.get(campaign=campaign, unit=ward_dossier.unit).file.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**form, "kh-file": SimpleUploadedFile("kh.pdf", PDF_OPEN_AT_PAGE)})
    second = UnitPlan.objects.get(campaign=campaign, unit=ward_dossier.unit).file.name
    assert second != first
    assert default_storage.exists(second) and not default_storage.exists(first)


def test_a_story_photo_declaring_too_many_pixels_is_refused(client_as):
    from thidua.portal.models import Story

    client_as("truyenthong").post(
        "/dien-hinh/viet/",
        {"kind": "mo_hinh", "title": "Ảnh quá lớn", "summary": "Tóm tắt", "body": "<p>Bài</p>"},
    )
    story = Story.objects.get(title="Ảnh quá lớn")
    before = stored_files()
    response = client_as("truyenthong").post(
        f"/dien-hinh/{story.pk}/anh/",
        {"image": SimpleUploadedFile("anh.png", PNG_BOMB)},
        follow=True,
    )
    assert "Ảnh quá lớn (100.000 × 100.000 điểm ảnh)" in response.content.decode()
    assert not story.photos.exists() and stored_files() == before


def test_find_orphan_files_lists_and_deletes_only_unreferenced_old_files(
    ward_dossier, user, before_deadline
):
    document = services.upload_document(
        actor=user("phuongsapa"),
        dossier=ward_dossier,
        version=ward_dossier.version,
        uploaded=SimpleUploadedFile("to-trinh.pdf", PDF_BYTES),
    )
    old = default_storage.save("orphans/left-by-a-crash.pdf", ContentFile(PDF_BYTES))
    young = default_storage.save("orphans/being-uploaded.pdf", ContentFile(PDF_BYTES))
    hours_ago = time.time() - 3 * 3600
    for name in (old, document.file.name):
        os.utime(default_storage.path(name), (hours_ago, hours_ago))

    out = io.StringIO()
    call_command("find_orphan_files", stdout=out)
    listed = out.getvalue().splitlines()
    assert old in listed and young not in listed and document.file.name not in listed
    assert default_storage.exists(old)

    out = io.StringIO()
    call_command("find_orphan_files", "--delete", stdout=out)
    assert old in out.getvalue() and "Đã xóa" in out.getvalue()
    assert not default_storage.exists(old)
    assert default_storage.exists(young) and default_storage.exists(document.file.name)
    default_storage.delete(young)
