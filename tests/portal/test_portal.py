"""The public portal: awarded people searchable without diacritics, exemplary models after
review, and nothing personal beyond name, unit and award."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from thidua.decisions import services
from thidua.org.models import Person
from thidua.portal.models import Story

from ..core.files import PNG_SMALL

pytestmark = pytest.mark.django_db


def test_awards_are_public_only_once_signed_and_found_without_diacritics(draft_decision, user):
    public = Client()
    assert "Lý Thị Mẩy" not in public.get("/cong-khai/khen-thuong/?q=ly thi may").content.decode()
    services.approve(actor=user("chutich"), decision=draft_decision)
    for query, name in [
        ("ly thi may", "Lý Thị Mẩy"),
        ("SUNG A PAO", "Sùng A Páo"),
        ("hoàng văn", "Hoàng Văn Quý"),
        ("thon lao chai", "Thôn Lao Chải"),
    ]:
        page = public.get("/cong-khai/khen-thuong/", {"q": query}).content.decode()
        assert name in page, query
        assert "Giấy khen của Chủ tịch UBND thị xã" in page and "01/QĐ-UBND" in page
    listing = public.get("/cong-khai/khen-thuong/").content.decode()
    assert "Quyết định số 01/QĐ-UBND" in listing
    page = public.get(f"/cong-khai/quyet-dinh/{draft_decision.pk}/").content.decode()
    for person in Person.objects.filter(
        full_name__in=["Lý Thị Mẩy", "Sùng A Páo", "Hoàng Văn Quý"]
    ):
        assert person.date_of_birth.strftime("%d/%m/%Y") not in page
        assert person.get_ethnicity_display() not in page or person.ethnicity == "01"
        assert person.position not in page  # position is not shown publicly
    assert "Xã Tả Van" in page  # the unit is


def test_story_is_sanitised_reviewed_then_published(client_as):
    writer = client_as("truyenthong")
    saved = writer.post(
        "/dien-hinh/viet/",
        {
            "kind": "mo_hinh",
            "title": "Mô hình du lịch cộng đồng ở Lao Chải",
            "summary": "Người dân giữ gìn bản sắc, tăng thu nhập.",
            "body": '<p onclick="steal()">Gia đình anh <strong>Sùng A Páo</strong></p><script>alert(1)</script>'
            '<a href="javascript:alert(1)">xem</a>',
        },
        follow=True,
    )
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

    bad = writer.post(
        f"/dien-hinh/{story.pk}/anh/",
        {"image": SimpleUploadedFile("anh.jpg", b"MZ\x90\x00exe")},
        follow=True,
    )
    assert "không được chấp nhận" in bad.content.decode() or "cần tệp" in bad.content.decode()
    png = io.BytesIO(PNG_SMALL)  # a real PNG: images are checked before they are stored
    writer.post(
        f"/dien-hinh/{story.pk}/anh/",
        {"image": SimpleUploadedFile("anh.png", png.getvalue()), "caption": "Homestay"},
    )
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


def test_public_api_has_names_units_and_awards_only(draft_decision, user):
    services.approve(actor=user("chutich"), decision=draft_decision)
    data = Client().get("/api/v1/public/awards", {"q": "ly thi may"}).json()
    assert data["count"] == 1
    row = data["results"][0]
    assert (
        row["name"] == "Lý Thị Mẩy"
        and row["unit"] == "Xã Tả Van"
        and row["decision"] == "01/QĐ-UBND"
    )
    assert set(row) == {
        "order",
        "name",
        "unit",
        "award",
        "collective",
        "decision",
        "decided_on",
        "issuer",
    }
    everything = str(
        Client()
        .get("/api/v1/public/awards", {"decision_id": draft_decision.pk, "limit": 100})
        .json()
    )
    assert "Lý Thị Mẩy" in everything
    may = Person.objects.get(full_name="Lý Thị Mẩy")
    assert (
        may.date_of_birth.isoformat() not in everything
        and str(may.date_of_birth.year) not in everything
    )


def test_unsigned_decisions_stay_private_and_the_api_wants_a_name_or_a_decision(draft_decision):
    public = Client()
    assert public.get(f"/cong-khai/quyet-dinh/{draft_decision.pk}/").status_code == 404
    assert "01/QĐ-UBND" not in public.get("/cong-khai/khen-thuong/").content.decode()
    assert (
        public.get("/api/v1/public/awards", {"decision_id": draft_decision.pk}).status_code == 404
    )
    assert public.get("/api/v1/public/decisions").json()["count"] == 0
    refused = public.get("/api/v1/public/awards")
    assert refused.status_code == 400 and "Nhập tên cần tìm" in refused.json()["detail"]


def _recipients(decision, count: int, name: str):
    from thidua.core.text import ascii_key
    from thidua.decisions.models import Recipient

    start = decision.recipients.count() + 1
    people = list(Person.objects.values_list("pk", flat=True)[:50])
    Recipient.objects.bulk_create(
        Recipient(
            decision=decision,
            order=start + n,
            person_id=people[n % 50],
            name=f"{name} {n}",
            search_name=ascii_key(f"{name} {n}"),
            achievement="Hoàn thành xuất sắc nhiệm vụ",
            amount=0,
        )
        for n in range(count)
    )
    # As signing would have counted them.
    type(decision).objects.filter(pk=decision.pk).update(
        recipient_count=decision.recipients.count()
    )


def test_public_pages_read_a_fixed_number_of_queries_and_page_through(draft_decision, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.approve(actor=user("chutich"), decision=draft_decision)
    public = Client()
    urls = [
        "/cong-khai/khen-thuong/",
        "/cong-khai/khen-thuong/?q=kiem+thu",
        f"/cong-khai/quyet-dinh/{draft_decision.pk}/",
        "/api/v1/public/awards?q=kiem+thu",
    ]

    def queries():
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert public.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    _recipients(draft_decision, 3, "Kiểm Thử Lan")
    queries()  # on PostgreSQL a process's first search also reads the pairs' statistics
    before = queries()
    _recipients(draft_decision, 120, "Kiểm Thử Hoa")
    assert queries() == before
    found = public.get("/cong-khai/khen-thuong/", {"q": "kiem thu", "trang": 3})
    assert found.context["page"].paginator.count == 123 and len(found.context["rows"]) == 23
    last = public.get(f"/cong-khai/quyet-dinh/{draft_decision.pk}/", {"trang": 99})
    assert last.context["page"].number == 3 and last.context["rows"]
    api = public.get("/api/v1/public/awards", {"q": "kiem thu hoa 11", "limit": 5}).json()
    assert api["count"] == 11 and len(api["results"]) == 5  # "11" and 110…119


def test_a_search_matching_too_many_asks_for_more_of_the_name(draft_decision, user, monkeypatch):
    from thidua.portal import public

    services.approve(actor=user("chutich"), decision=draft_decision)
    _recipients(draft_decision, 30, "Kiểm Thử Hoa")
    monkeypatch.setattr(public, "SEARCH_LIMIT", 20)
    response = Client().get("/cong-khai/khen-thuong/", {"q": "kiem thu", "trang": 2})
    assert response.context["page"].paginator.count == 20 and response.context["more"]
    assert "Có hơn 20 kết quả" in response.content.decode()
    names = [a.name for a in response.context["rows"]]
    assert names and all(name.startswith("Kiểm Thử Hoa") for name in names)
    data = Client().get("/api/v1/public/awards", {"q": "kiem thu"}).json()
    assert data["more"] and data["count"] == 20
    exact = Client().get("/api/v1/public/awards", {"q": "kiem thu hoa 29"}).json()
    assert (exact["count"], exact["more"]) == (1, False)


@pytest.mark.parametrize(
    "query", ['"', "-", "*", "(", "a:b", "\\", "' OR 1=1 --", "%_", "NEAR", "thi AND"]
)
def test_odd_searches_answer_calmly(draft_decision, user, query):
    services.approve(actor=user("chutich"), decision=draft_decision)
    response = Client().get("/cong-khai/khen-thuong/", {"q": query})
    assert response.status_code == 200
    assert Client().get("/api/v1/public/awards", {"q": query}).status_code == 200
