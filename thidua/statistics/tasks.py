"""Recount the statistics from the data: after a unit moves in the tree (its subtree's counts
belong to other ancestors now), after awards recorded by another route, by command."""

from __future__ import annotations

from django.apps import apps as global_apps
from django_tasks import task

from . import summaries, tally


def rebuild_all(apps=global_apps) -> tuple[int, int]:
    """(award summary rows, dossier tally rows) written."""
    return summaries.rebuild(apps), tally.rebuild(apps)


@task()
def rebuild_statistics() -> None:
    rebuild_all()


def rebuild_when_units_move(sender, **kwargs) -> None:
    from django.db import transaction

    transaction.on_commit(rebuild_statistics.enqueue)
