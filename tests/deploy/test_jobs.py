"""The reaper of the worker (core/jobs.py), on the suite's database: a job left running past the
timeout is queued again, a recent one is left alone, one that died too often is failed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from thidua.core.jobs import requeue_stale

pytestmark = pytest.mark.django_db


def running(minutes_ago: int, workers: list[str]) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="RUNNING",
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=workers,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="thidua.statistics.tasks.rebuild_statistics",
        backend_name="default",
        run_after=get_date_max(),
    )


def test_stale_jobs_are_queued_again_or_failed_after_too_many_starts():
    lost = running(31, ["a"])
    busy = running(10, ["b"])
    hopeless = running(45, ["c", "d", "e"])
    finished = running(60, ["f"])
    DBTaskResult.objects.filter(pk=finished.pk).update(status="SUCCESSFUL")

    assert requeue_stale(stale_after=1800, max_attempts=3) == 2

    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses == {
        lost.pk: "READY",
        busy.pk: "RUNNING",
        hopeless.pk: "FAILED",
        finished.pk: "SUCCESSFUL",
    }
    assert DBTaskResult.objects.ready().filter(pk=lost.pk).exists()  # a worker will claim it
    hopeless.refresh_from_db()
    assert hopeless.exception_class_path == "thidua.core.jobs.StaleJobError"
    assert "bị dừng giữa chừng 3 lần" in hopeless.traceback
    assert hopeless.task_result.errors[0].exception_class_path.endswith("StaleJobError")
    assert requeue_stale(stale_after=1800, max_attempts=3) == 0
