"""The background worker that survives: django-tasks-db's worker loop, plus

- a database that restarts or drops connections makes it wait and reconnect (with a growing
  pause, up to a minute) instead of exiting;
- a job left "running" by a worker that died (kill -9, a lost machine) is put back in the queue
  after ``stale_after`` seconds, and marked failed with a Vietnamese message once it has been
  started ``max_attempts`` times (tasks are written to be run again safely).

`thidua run_worker` (core/management/commands/run_worker.py) runs it.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from typing import Any

from django.db import DatabaseError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger("thidua.worker")


class StaleJobError(Exception):
    """A job whose worker vanished too many times."""


def requeue_stale(*, stale_after: int, max_attempts: int, now: datetime | None = None) -> int:
    """Put jobs running for longer than ``stale_after`` seconds back in the queue (or fail them
    after ``max_attempts`` starts). Returns how many rows were touched."""
    cutoff = (now or timezone.now()) - timedelta(seconds=stale_after)
    touched = 0
    stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    for row in stale.only("id", "started_at", "worker_ids"):
        same = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        if len(row.worker_ids) >= max_attempts:
            message = (
                f"Công việc bị dừng giữa chừng {len(row.worker_ids)} lần (tiến trình nền mất "
                "kết nối hoặc bị tắt); đã ngừng chạy lại. Kiểm tra nhật ký rồi tạo lại."
            )
            changed = same.update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=f"{__name__}.StaleJobError",
                traceback=f"{__name__}.StaleJobError: {message}\n",
            )
            if changed:
                logger.error("Job %s failed: its worker vanished %d times", row.pk, max_attempts)
        else:
            changed = same.update(status=TaskResultStatus.READY)
            if changed:
                logger.warning("Job %s was left running by a lost worker: queued again", row.pk)
        touched += changed
    return touched


def close_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            connection.connection = None  # already broken: forget it, the next query reconnects


class ResilientWorker(Worker):
    def __init__(
        self, *, stale_after: int, max_attempts: int, max_wait: float = 60, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.stale_after = stale_after
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.reap_every = max(1.0, min(60.0, stale_after / 2))
        self.last_reap = 0.0
        self.failures = 0

    def run(self) -> None:
        logger.info("Starting worker worker_id=%s", self.worker_id)
        while self.running:
            try:
                done = self.step()
                self.failures = 0
            except DatabaseError as exc:
                self.failures += 1
                wait = min(self.max_wait, self.interval * 2 ** min(self.failures, 6) or 1)
                logger.warning(
                    "Database unavailable (%s): reconnecting in %.0f s", str(exc).strip(), wait
                )
                close_connections()
                time.sleep(wait)
                continue
            if done:
                return

    def step(self) -> bool:
        """One turn of the loop: reap, claim and run one job; True when the worker should stop."""
        close_old_connections()  # past CONN_MAX_AGE or failing the health check: reopen
        if time.monotonic() - self.last_reap >= self.reap_every:
            requeue_stale(stale_after=self.stale_after, max_attempts=self.max_attempts)
            self.last_reap = time.monotonic()
        task_result = self.claim_one()
        if task_result is not None:
            self.run_task(task_result)
        elif self.batch:
            return True
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            return True
        if self.running and task_result is None:
            time.sleep(self.interval)
        return False

    def claim_one(self) -> DBTaskResult | None:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)  # no other worker runs it now
                return task_result
        except OperationalError as exc:
            if is_locked_database_exception(exc):  # SQLite busy: try again on the next turn
                return None
            raise
