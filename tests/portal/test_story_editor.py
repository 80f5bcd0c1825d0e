"""Stories are written in Quill (vendored); the text keeps paragraphs, lists, bold and the
story's own photos, and nothing else (nh3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.portal.models import Story
from thidua.portal.services import sanitize

from ..core.files import PNG_SMALL

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "thidua" / "static"


def test_sanitize_keeps_structure_and_only_the_allowed_images():
    html = (
        "<p>Đoạn <strong>đậm</strong></p><ul><li>một</li></ul><ol><li>hai</li></ol>"
        '<p><img src="/cong-khai/anh/7/" alt="Homestay" onerror="x()"></p>'
        '<p><img src="https://evil.example/a.png"><img src="data:image/png;base64,AAAA"></p>'
        '<p><img src="http://127.0.0.1:8000/cong-khai/anh/7/"></p>'
    )
    assert sanitize(html, ["/cong-khai/anh/7/"]) == (
        "<p>Đoạn <strong>đậm</strong></p><ul><li>một</li></ul><ol><li>hai</li></ol>"
        '<p><img src="/cong-khai/anh/7/" alt="Homestay"></p><p></p>'
        '<p><img src="/cong-khai/anh/7/"></p>'
    )
    assert sanitize('<p><img src="/cong-khai/anh/7/"></p>') == "<p></p>"  # no photos: no images


def test_the_form_loads_the_editor_with_the_storys_photos_and_no_inline_script(client_as):
    writer = client_as("truyenthong")
    writer.post(
        "/dien-hinh/viet/",
        {"kind": "mo_hinh", "title": "Bài có ảnh", "summary": "Tóm tắt", "body": "<p>x</p>"},
    )
    story = Story.objects.get(title="Bài có ảnh")
    writer.post(
        f"/dien-hinh/{story.pk}/anh/",
        {"image": SimpleUploadedFile("anh.png", PNG_SMALL), "caption": "Homestay"},
    )
    photo = story.photos.get()
    page = writer.get(f"/dien-hinh/{story.pk}/sua/").content.decode()
    assert 'data-rich-text="1"' in page
    assert f"/cong-khai/anh/{photo.pk}/" in page and "Homestay" in page
    assert "/static/vendor/quill/quill.js" in page and "/static/js/story-editor.js" in page
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []  # no inline script
    assert " onclick=" not in page
    body = (
        f'<p>Mở đầu</p><ul><li>Ý một</li></ul><p><img src="/cong-khai/anh/{photo.pk}/"></p>'
        '<p><img src="/cong-khai/anh/999/"></p>'
    )
    writer.post(
        f"/dien-hinh/{story.pk}/sua/",
        {"kind": "mo_hinh", "title": "Bài có ảnh", "summary": "Tóm tắt", "body": body},
    )
    story.refresh_from_db()
    assert story.body == (
        f'<p>Mở đầu</p><ul><li>Ý một</li></ul><p><img src="/cong-khai/anh/{photo.pk}/"></p><p></p>'
    )


def test_quill_is_vendored_with_its_licence():
    quill = STATIC / "vendor" / "quill"
    assert (quill / "quill.js").read_text()[:200].count("license") == 1
    assert (
        "BSD" in (quill / "LICENSE").read_text()
        or "Redistribution" in (quill / "LICENSE").read_text()
    )
    assert (quill / "quill.snow.css").exists()
