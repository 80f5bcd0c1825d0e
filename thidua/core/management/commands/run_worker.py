"""`thidua run_worker`: the background worker for production (systemd, compose). Same options as
django-tasks-db's `db_worker`, but it waits for the database instead of exiting when it is down
or drops the connection, and runs again the jobs of workers that died (see core/jobs.py)."""

from __future__ import annotations

from django.conf import settings
from django_tasks_db.management.commands import db_worker

from thidua.core.jobs import ResilientWorker


class Command(db_worker.Command):
    help = (
        "Chạy tiến trình nền (Giấy khen, thống kê…); tự kết nối lại khi cơ sở dữ liệu mất kết nối."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--stale-after",
            type=int,
            default=settings.THIDUA_TASK_STALE_AFTER,
            help="Seconds after which a job left running by a lost worker is run again.",
        )
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=settings.THIDUA_TASK_MAX_ATTEMPTS,
            help="Starts after which such a job is marked failed instead.",
        )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        stale_after,
        max_attempts,
        **options,
    ):
        self.configure_logging(verbosity)
        import logging

        worker_logger = logging.getLogger("thidua.worker")
        worker_logger.setLevel(logging.INFO if verbosity else logging.WARNING)
        if not worker_logger.handlers:
            worker_logger.addHandler(logging.StreamHandler(self.stdout))
            worker_logger.propagate = False
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            stale_after=stale_after,
            max_attempts=max_attempts,
        )
        worker.configure_signals()
        worker.run()
