"""Who writes exemplary stories (the unit's media centre), who reviews and publishes them (the
emulation office), and the story's state table."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from thidua.core.errors import ServiceError
from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit

from .models import Story, StoryStatus


class StoryError(ServiceError):
    pass


# The story's workflow, one row per action: the buttons of the story's page and the services'
# checks both read it. Returning and unpublishing give the story back to its writer as a draft.
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        source=(StoryStatus.DRAFT,),
        target=StoryStatus.REVIEW,
        perm=Perm.WRITE_STORIES,
        label="Gửi duyệt",
        confirm="",
    ),
    "publish": Transition(
        source=(StoryStatus.REVIEW,),
        target=StoryStatus.PUBLISHED,
        perm=Perm.PUBLISH_STORIES,
        label="Duyệt và đăng",
        confirm="",
    ),
    "return": Transition(
        source=(StoryStatus.REVIEW,),
        target=StoryStatus.DRAFT,
        perm=Perm.PUBLISH_STORIES,
        label="Trả lại để sửa",
        confirm="",
        needs_reason=True,
    ),
    "unpublish": Transition(
        source=(StoryStatus.PUBLISHED,),
        target=StoryStatus.DRAFT,
        perm=Perm.PUBLISH_STORIES,
        label="Gỡ bài",
        confirm="",
    ),
}


def can(user: Actor, story: Story, perm: str | None) -> bool:
    return access.in_scope(user, story.owner_unit, perm)


def can_write(user: Actor, story: Story) -> bool:
    return can(user, story, Perm.WRITE_STORIES)


def can_publish(user: Actor, story: Story) -> bool:
    return can(user, story, Perm.PUBLISH_STORIES)


def available_actions(user: Actor, story: Story) -> list[tuple[str, Transition]]:
    return [
        (name, t)
        for name, t in TRANSITIONS.items()
        if story.status in t.source and can(user, story, t.perm)
    ]


def check(user: Actor, story: Story, action: str) -> Transition:
    """The row of ``action`` if ``user`` may take it now: 404 for an unknown action, 403
    without the permission, StoryError in the wrong state."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise Http404("Thao tác không tồn tại.")
    if not can(user, story, transition.perm):
        raise PermissionDenied("Vai trò của bạn không được thực hiện thao tác này.")
    if story.status not in transition.source:
        raise StoryError(wrong_state(transition))
    return transition


def wrong_state(transition: Transition) -> str:
    return f"Bài không ở trạng thái “{StoryStatus(transition.source[0]).label}”."


def writer_units(user: Actor) -> list[Unit]:
    """The media centres ``user`` writes for."""
    return access.assigned_units(user, Perm.WRITE_STORIES)


def stories_for(user: Actor) -> QuerySet[Story]:
    """The stories of the units ``user`` writes or reviews for, whatever their state."""
    paths = access.scope_paths(user, Perm.WRITE_STORIES) + access.scope_paths(
        user, Perm.PUBLISH_STORIES
    )
    return Story.objects.filter(access.path_q(paths, "owner_unit__path"))


def get_story_or_404(user: Actor, pk: int) -> Story:
    story = stories_for(user).filter(pk=pk).first()
    if story is None:
        raise Http404("Không tìm thấy bài viết.")
    return story
