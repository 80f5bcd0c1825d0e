"""The public portal: awarded people searchable without diacritics, exemplary models after
review, and nothing personal beyond name, unit and award."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from thidua.decisions import services
from thidua.org.models import Person
from thidua.portal.models import Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(closed_meeting, user):
    decision = services.prepare_decision(actor=user("noivu"), meeting=closed_meeting,
                                         award_form=closed_meeting.campaign.award_forms.get(
                                             name="Giấy khen của Chủ tịch UBND thị xã"),
                                         signed_on=date(2020, 10, 30))  # fmt: skip
    return decision


def test_awards_are_public_only_once_signed_and_found_without_diacritics(signed, user):
    public = Client()
    assert "Lý Thị Mẩy" not in public.get("/cong-khai/khen-thuong/?q=ly thi may").content.decode()
    services.approve(actor=user("chutich"), decision=signed)
    for query, name in [("ly thi may", "Lý Thị Mẩy"), ("SUNG A PAO", "Sùng A Páo"), ("hoàng văn", "Hoàng Văn Quý"),
                        ("thon lao chai", "Thôn Lao Chải")]:  # fmt: skip
        page = public.get("/cong-khai/khen-thuong/", {"q": query}).content.decode()
        assert name in page, query
        assert "Giấy khen của Chủ tịch UBND thị xã" in page and "1/QĐ-UBND" in page
    page = public.get("/cong-khai/khen-thuong/").content.decode()
    for person in Person.objects.filter(
        full_name__in=["Lý Thị Mẩy", "Sùng A Páo", "Hoàng Văn Quý"]
    ):
        assert person.date_of_birth.strftime("%d/%m/%Y") not in page
        assert person.get_ethnicity_display() not in page or person.ethnicity == "01"
        assert person.position not in page  # position is not shown publicly
    assert "Xã Tả Van" in page  # the unit is


def test_story_is_sanitised_reviewed_then_published(client_as):
    writer = client_as("truyenthong")
    saved = writer.post("/dien-hinh/viet/", {
        "kind": "mo_hinh", "title": "Mô hình du lịch cộng đồng ở Lao Chải",
        "summary": "Người dân giữ gìn bản sắc, tăng thu nhập.",
        "body": '<p onclick="steal()">Gia đình anh <strong>Sùng A Páo</strong></p><script>alert(1)</script>'
                '<a href="javascript:alert(1)">xem</a>',
    }, follow=True)  # fmt: skip
    assert "Đã lưu bài viết" in saved.content.decode()
    story = Story.objects.get(title__startswith="Mô hình du lịch")
    assert (
        "<script" not in story.body
        and "onclick" not in story.body
        and "javascript:" not in story.body
    )
    assert "<strong>Sùng A Páo</strong>" in story.body
    public = Client()
    assert public.get(f"/cong-khai/dien-hinh/{story.pk}/").status_code == 404

    bad = writer.post(f"/dien-hinh/{story.pk}/anh/", {"image": SimpleUploadedFile("anh.jpg", b"MZ\x90\x00exe")},
                      follow=True)  # fmt: skip
    assert "không được chấp nhận" in bad.content.decode() or "cần tệp" in bad.content.decode()
    png = io.BytesIO()
    png.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    writer.post(f"/dien-hinh/{story.pk}/anh/", {"image": SimpleUploadedFile("anh.png", png.getvalue()),
                                                "caption": "Homestay"})  # fmt: skip
    photo = story.photos.get()
    assert public.get(f"/cong-khai/anh/{photo.pk}/").status_code == 404  # not published yet

    writer.post(f"/dien-hinh/{story.pk}/thao-tac/submit/")
    assert writer.post(f"/dien-hinh/{story.pk}/thao-tac/publish/").status_code == 403
    assert client_as("phuongsapa").get(f"/dien-hinh/{story.pk}/").status_code == 404
    client_as("noivu").post(f"/dien-hinh/{story.pk}/thao-tac/publish/")
    story.refresh_from_db()
    assert story.status == "published"
    page = public.get(f"/cong-khai/dien-hinh/{story.pk}/").content.decode()
    assert "Mô hình du lịch cộng đồng ở Lao Chải" in page and "<strong>Sùng A Páo</strong>" in page
    assert public.get(f"/cong-khai/anh/{photo.pk}/").status_code == 200
    found = public.get("/cong-khai/dien-hinh/", {"q": "du lich cong dong"}).content.decode()
    assert "Mô hình du lịch cộng đồng ở Lao Chải" in found


def test_only_the_media_centre_writes(client_as):
    assert client_as("phuongsapa").get("/dien-hinh/viet/").status_code == 403
    assert client_as("noivu").get("/dien-hinh/viet/").status_code == 403


def test_public_api_has_names_units_and_awards_only(signed, user):
    services.approve(actor=user("chutich"), decision=signed)
    data = Client().get("/api/v1/public/awards", {"q": "ly thi may"}).json()
    assert data["count"] == 1
    row = data["results"][0]
    assert (
        row["name"] == "Lý Thị Mẩy"
        and row["unit"] == "Xã Tả Van"
        and row["decision"] == "1/QĐ-UBND"
    )
    assert set(row) == {"name", "unit", "award", "collective", "decision", "decided_on", "issuer"}
    everything = str(Client().get("/api/v1/public/awards", {"limit": 100}).json())
    may = Person.objects.get(full_name="Lý Thị Mẩy")
    assert (
        may.date_of_birth.isoformat() not in everything
        and str(may.date_of_birth.year) not in everything
    )
