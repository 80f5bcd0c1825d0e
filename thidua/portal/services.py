"""Write, review and publish exemplary models. Rich text is sanitised when saved (nh3)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import nh3
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.core import audit, uploads
from thidua.core.text import ascii_key

from . import policy
from .models import Story, StoryPhoto, StoryStatus
from .policy import StoryError

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
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}}
IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def photo_urls(story: Story) -> list[tuple[str, str]]:
    """(address, caption) of the story's own photos: the only images its text may show."""
    if not story.pk:
        return []
    return [(reverse("portal:photo", args=[p.pk]), p.caption) for p in story.photos.all()]


def sanitize(html: str, images: Iterable[str] = ()) -> str:
    """Paragraphs, headings, bold, lists, links and quotes; images only from ``images`` (the
    story's own photo addresses, as the editor inserts them): any other picture is dropped."""
    allowed = set(images)

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            path = urlsplit(value).path if value.startswith(("http://", "https://")) else value
            return path if path in allowed else None
        return value

    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS | ({"img"} if allowed else set()),
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto"},
    )
    return IMAGE_WITHOUT_SOURCE.sub("", cleaned)


def save_story(*, actor: User, story: Story, **fields: Any) -> Story:
    """Write a new story for the story's unit, or edit one not yet published."""
    if not policy.can_write(actor, story):
        raise PermissionDenied(
            "Chỉ Trung tâm Truyền thông của đơn vị được sửa bài."
            if story.pk
            else "Chỉ Trung tâm Truyền thông được viết bài."
        )
    if story.pk and story.status == StoryStatus.PUBLISHED:
        raise StoryError("Bài đã đăng: không sửa được.")
    for name, value in fields.items():
        setattr(story, name, value)
    story.body = sanitize(story.body, [url for url, _c in photo_urls(story)])
    story.search_text = ascii_key(f"{story.title} {story.summary}")
    if not story.pk:
        story.author = actor
    with transaction.atomic():
        story.save()
        audit.record(actor=actor, action="portal.story.saved", obj=story)
    return story


def add_photo(
    *, actor: User, story: Story, uploaded: UploadedFile, caption: str = ""
) -> StoryPhoto:
    if not policy.can_write(actor, story):
        raise PermissionDenied("Chỉ Trung tâm Truyền thông của đơn vị được thêm ảnh.")
    try:
        kind = uploads.detect_kind(uploaded, allowed=("png", "jpg"))
    except ValidationError as error:
        raise StoryError(error.messages) from error
    photo = StoryPhoto(
        story=story, token=secrets.token_hex(16), kind=kind.code, caption=caption.strip()
    )
    with uploads.discard_on_error() as files, transaction.atomic():
        files.save(photo.image, "anh", uploaded)
        photo.save()
        audit.record(
            actor=actor, action="portal.story.photo_added", obj=story, message=photo.caption
        )
    return photo


def move(*, actor: User, story: Story, action: str, note: str = "") -> Story:
    """Take the action of the story's state table named ``action`` (submit, publish, return,
    unpublish), with the reviewer's note."""
    transition = policy.check(actor, story, action)
    changes: dict[str, Any] = {"status": transition.target, "review_note": note.strip()}
    if transition.target == StoryStatus.PUBLISHED:
        changes["published_at"] = timezone.now()
    with transaction.atomic():
        # Conditional on the state: of two reviewers clicking at once, one moves the story.
        if not Story.objects.filter(pk=story.pk, status__in=transition.source).update(**changes):
            raise StoryError(policy.wrong_state(transition))
        story.refresh_from_db()
        audit.record(actor=actor, action=f"portal.story.{action}", obj=story, message=note)
    return story
