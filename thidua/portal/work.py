"""Exemplary stories waiting for review or returned to their writer."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.core.notify import Notice
from thidua.core.worklist import WorkItem
from thidua.org import access
from thidua.org.access import Perm

from .models import Story, StoryStatus

TO_REVIEW = "Bài điển hình chờ duyệt"
RETURNED = "Bài điển hình bị trả lại"


def _item(kind: str, story: Story) -> WorkItem:
    return WorkItem(
        kind,
        story.title,
        reverse("portal:story_detail", args=[story.pk]),
        story.updated_at,
        detail=story.review_note if kind == RETURNED else story.owner_unit.name,
    )


def work_for(user, today: date) -> list[WorkItem]:
    items = []
    reviewing = access.scope_paths(user, Perm.PUBLISH_STORIES)
    if reviewing:
        waiting = Story.objects.filter(access.path_q(reviewing, "owner_unit__path"))
        for story in waiting.filter(status=StoryStatus.REVIEW).select_related("owner_unit")[:50]:
            items.append(_item(TO_REVIEW, story))
    writing = access.scope_paths(user, Perm.WRITE_STORIES)
    if writing:
        mine = Story.objects.filter(access.path_q(writing, "owner_unit__path"))
        returned = mine.filter(status=StoryStatus.DRAFT).exclude(review_note="")
        for story in returned.select_related("owner_unit")[:50]:
            items.append(_item(RETURNED, story))
    return items


def notify_submitted(entry: AuditEntry) -> list[Notice]:
    story: Story = entry.subject  # type: ignore[attr-defined]
    users = access.users_with(Perm.PUBLISH_STORIES, story.owner_unit)
    url = reverse("portal:story_detail", args=[story.pk])
    return [Notice(users, f"Bài điển hình chờ duyệt: {story.title}", url)]


def notify_returned(entry: AuditEntry) -> list[Notice]:
    story: Story = entry.subject  # type: ignore[attr-defined]
    users = access.users_with(Perm.WRITE_STORIES, story.owner_unit)
    url = reverse("portal:story_detail", args=[story.pk])
    return [Notice(users, f"Bài điển hình bị trả lại: {story.title}", url)]
