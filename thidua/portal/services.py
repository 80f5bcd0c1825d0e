"""Write, review and publish exemplary models. Rich text is sanitised when saved (nh3)."""

from __future__ import annotations

import secrets

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.core import audit, uploads
from thidua.core.errors import ServiceError
from thidua.core.text import ascii_key
from thidua.org import access
from thidua.org.access import Perm

from .models import Story, StoryPhoto, StoryStatus

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "blockquote",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


class StoryError(ServiceError):
    pass


def sanitize(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
    )


def can_write(user, story: Story) -> bool:
    return access.in_scope(user, story.owner_unit, Perm.WRITE_STORIES)


def can_publish(user, story: Story) -> bool:
    return access.in_scope(user, story.owner_unit, Perm.PUBLISH_STORIES)


def save_story(*, actor, story: Story, **fields) -> Story:
    if story.pk and not can_write(actor, story):
        raise PermissionDenied("Chỉ Trung tâm Truyền thông của đơn vị được sửa bài.")
    if story.pk and story.status == StoryStatus.PUBLISHED:
        raise StoryError("Bài đã đăng: không sửa được.")
    for name, value in fields.items():
        setattr(story, name, value)
    story.body = sanitize(story.body)
    story.search_text = ascii_key(f"{story.title} {story.summary}")
    if not story.pk:
        story.author = actor
        if not access.in_scope(actor, story.owner_unit, Perm.WRITE_STORIES):
            raise PermissionDenied("Chỉ Trung tâm Truyền thông được viết bài.")
    story.save()
    audit.record(actor=actor, action="portal.story.saved", obj=story)
    return story


def add_photo(*, actor, story: Story, uploaded, caption: str = "") -> StoryPhoto:
    if not can_write(actor, story):
        raise PermissionDenied("Chỉ Trung tâm Truyền thông của đơn vị được thêm ảnh.")
    try:
        kind = uploads.detect_kind(uploaded, allowed=("png", "jpg"))
    except ValidationError as error:
        raise StoryError(error.messages) from error
    photo = StoryPhoto(
        story=story, token=secrets.token_hex(16), kind=kind.code, caption=caption.strip()
    )
    photo.image.save("anh", uploaded, save=True)
    return photo


# The story's workflow: (from, to, permission check, audit action).
TRANSITIONS = {
    "submit": (StoryStatus.DRAFT, StoryStatus.REVIEW, can_write, "Gửi duyệt"),
    "publish": (StoryStatus.REVIEW, StoryStatus.PUBLISHED, can_publish, "Duyệt và đăng"),
    "return": (StoryStatus.REVIEW, StoryStatus.DRAFT, can_publish, "Trả lại để sửa"),
    "unpublish": (StoryStatus.PUBLISHED, StoryStatus.DRAFT, can_publish, "Gỡ bài"),
}


def move(*, actor, story: Story, action: str, note: str = "") -> Story:
    source, target, allowed, label = TRANSITIONS[action]
    if not allowed(actor, story):
        raise PermissionDenied("Vai trò của bạn không được thực hiện thao tác này.")
    with transaction.atomic():
        changes = {"status": target, "review_note": note.strip()}
        if target == StoryStatus.PUBLISHED:
            changes["published_at"] = timezone.now()
        if not Story.objects.filter(pk=story.pk, status=source).update(**changes):
            raise StoryError(f"Bài không ở trạng thái “{StoryStatus(source).label}”.")
        story.refresh_from_db()
        audit.record(actor=actor, action=f"portal.story.{action}", obj=story, message=note)
    return story
