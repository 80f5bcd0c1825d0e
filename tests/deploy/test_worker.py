"""The worker on PostgreSQL: it survives connections terminated by the server and a database
that goes away and comes back, and a job whose worker was killed (kill -9) runs again."""

from __future__ import annotations

import signal
import sys
import time

import psycopg
import pytest

from .conftest import PG_HOST, PG_PORT, free_port, wait_for
from .tcp_proxy import TcpProxy

TABLE = "django_tasks_database_dbtaskresult"


def db(site):
    return psycopg.connect(
        f"postgresql://postgres@{PG_HOST}:{PG_PORT}/{site.name}", autocommit=True
    )


def enqueue(site, task: str, folder, env=None) -> str:
    code = f"from tests.deploy.slow_task import {task}; print({task}.enqueue({str(folder)!r}).id)"
    return site.manage("shell", "-c", code, env=env).stdout.strip().splitlines()[-1]


def job(site, job_id: str) -> tuple[str, list]:
    with db(site) as conn:
        return conn.execute(
            f"SELECT status, worker_ids FROM {TABLE} WHERE id = %s", [job_id]
        ).fetchone()


def worker(site, name: str, *args: str, env=None):
    return site.start(
        [
            sys.executable,
            "manage.py",
            "run_worker",
            "--interval",
            "0.2",
            "--no-startup-delay",
            *args,
        ],
        env=env,
        log=f"{name}.log",
    )


@pytest.fixture
def folder(tmp_path):
    return tmp_path


def test_the_worker_reconnects_after_its_connection_is_terminated(site, folder):
    app = f"thidua_worker_{free_port()}"
    env = {"DATABASE_URL": f"{site.env['DATABASE_URL']}?application_name={app}"}
    process = worker(site, "worker-terminated", env=env)
    count = f"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{app}'"
    with db(site) as conn:
        wait_for(lambda: conn.execute(count).fetchone()[0] > 0, what="the worker's connection")
        kill = f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{app}'"
        for cut in range(3):
            # Cut again as soon as the worker is connected again (it waits longer each time).
            killed = wait_for(lambda: conn.execute(kill).fetchall(), what=f"reconnection {cut}")
            assert all(row[0] for row in killed)
        job_id = enqueue(site, "quick", folder)
        wait_for(lambda: job(site, job_id)[0] == "SUCCESSFUL", what="the job after the cut")
        assert conn.execute(count).fetchone()[0] == 1  # connected again
    assert (folder / "quick").read_text() == "ok"
    assert process.poll() is None, site.log("worker-terminated.log")
    process.send_signal(signal.SIGTERM)
    assert process.wait(15) == 0


def test_the_worker_waits_for_a_database_that_goes_away_and_comes_back(site, folder):
    proxy = TcpProxy((PG_HOST, PG_PORT), free_port())
    proxy.start()
    via_proxy = f"postgres://postgres@127.0.0.1:{proxy.port}/{site.name}"
    process = worker(site, "worker-outage", env={"DATABASE_URL": via_proxy})
    try:
        first = enqueue(site, "quick", folder)
        wait_for(lambda: job(site, first)[0] == "SUCCESSFUL", what="a job before the outage")
        proxy.cut()  # the database "restarts": connections dropped, new ones refused
        try:
            wait_for(
                lambda: "Database unavailable" in site.log("worker-outage.log"),
                what="the worker to notice the outage",
            )
        except AssertionError:
            raise AssertionError(site.log("worker-outage.log")) from None
        time.sleep(1.5)
        assert process.poll() is None, site.log("worker-outage.log")
        (folder / "quick").unlink()
        second = enqueue(site, "quick", folder)  # queued directly, not through the proxy
        proxy.start()
        wait_for(lambda: job(site, second)[0] == "SUCCESSFUL", 60, what="the job after the outage")
        assert (folder / "quick").read_text() == "ok"
        assert process.poll() is None
    finally:
        proxy.cut()
        process.kill()


def test_a_job_left_running_by_a_killed_worker_runs_again(site, folder):
    first = worker(site, "worker-killed", "--stale-after", "3")
    job_id = enqueue(site, "hang_first_time", folder)
    wait_for(lambda: (folder / "started-1").exists(), what="the first run")
    assert job(site, job_id)[0] == "RUNNING"
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    assert job(site, job_id)[0] == "RUNNING"  # what kill -9 leaves behind
    second = worker(site, "worker-reaper", "--stale-after", "3")
    wait_for(lambda: job(site, job_id)[0] == "SUCCESSFUL", 30, what="the job to run again")
    status, worker_ids = job(site, job_id)
    assert len(worker_ids) == 2 and len(set(worker_ids)) == 2
    assert (folder / "done").read_text() == "2"
    assert sorted(p.name for p in folder.glob("started-*")) == ["started-1", "started-2"]
    assert "left running by a lost worker" in site.log("worker-reaper.log")
    second.terminate()
