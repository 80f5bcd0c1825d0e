"""What waits for a user: each app registers a source of work items, the home page lists them.

The ground floor knows no app above it: apps call ``register`` from their ``ready()`` with a
function ``source(user, today) -> list[WorkItem]`` that reads its own tables in a fixed number
of queries (whatever the number of items)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone


@dataclass(frozen=True)
class WorkItem:
    kind: str  # the group's Vietnamese heading, e.g. "Hồ sơ bị trả lại để bổ sung"
    title: str
    url: str
    when: datetime | date | None = None  # newest first
    detail: str = ""
    due: date | None = None  # a deadline, shown as working days left


@dataclass
class WorkGroup:
    kind: str
    items: list[WorkItem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


Source = Callable[..., list[WorkItem]]
_SOURCES: list[Source] = []


def register(source: Source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def _sort_key(item: WorkItem) -> float:
    when = item.when
    if when is None:
        return 0.0
    if isinstance(when, datetime):
        return when.timestamp()
    return datetime(
        when.year, when.month, when.day, tzinfo=timezone.get_current_timezone()
    ).timestamp()


def groups_for(user, today: date | None = None) -> list[WorkGroup]:
    """The user's work, grouped by kind in the order the sources registered, newest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    groups: dict[str, WorkGroup] = {}
    for source in _SOURCES:
        for item in source(user, today):
            groups.setdefault(item.kind, WorkGroup(item.kind)).items.append(item)
    for group in groups.values():
        group.items.sort(key=_sort_key, reverse=True)
    return list(groups.values())
