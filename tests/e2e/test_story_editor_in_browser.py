"""The media centre writes a story in the rich-text editor: bold, a list, one of the story's
photos; the saved text keeps them, sanitised (and the editor has no serious axe violation)."""

from __future__ import annotations

import pytest

from .test_accessibility import serious_violations, with_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_story_written_in_the_editor(live_server, page, login):
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from thidua.portal.models import Story, StoryPhoto

    from ..core.files import PNG_SMALL

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    base = live_server.url
    with_axe(page)
    login(page, base, "truyenthong")
    page.goto(base + "/dien-hinh/viet/")
    page.locator("#id_title").fill("Mô hình homestay Lao Chải")
    page.locator("#id_summary").fill("Tăng thu nhập cho người dân.")
    editor = page.locator(".ql-editor")
    editor.click()
    page.keyboard.type("Gia đình anh ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Sùng A Páo")
    page.keyboard.press("Control+b")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Danh sách dấu chấm").click()
    page.keyboard.type("Giữ bản sắc")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu bài viết").wait_for()
    story = Story.objects.get(title="Mô hình homestay Lao Chải")
    assert story.body == (
        "<p>Gia đình anh <strong>Sùng A Páo</strong></p><ul><li>Giữ bản sắc</li></ul>"
    )

    photo = StoryPhoto(story=story, token="a" * 32, kind="png", caption="Homestay")
    photo.image.save("anh.png", ContentFile(PNG_SMALL), save=True)
    page.goto(f"{base}/dien-hinh/{story.pk}/sua/")
    assert serious_violations(page) == []
    page.locator(".ql-editor p").first.click()
    page.keyboard.press("End")
    page.get_by_role("button", name="Homestay").click()
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu bài viết").wait_for()
    story.refresh_from_db()
    assert f'<img src="/cong-khai/anh/{photo.pk}/">' in story.body
    assert "<strong>Sùng A Páo</strong>" in story.body and "<li>Giữ bản sắc</li>" in story.body
