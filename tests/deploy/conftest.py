"""A deployed server for the tests of this folder: its own PostgreSQL database
(thidua_deploy_<pid>, dropped at the end), migrated, with the demo data taken to a signed
decision, static files collected, and production settings (DEBUG off, HTTPS behind a proxy).
Everything runs in subprocesses, as on a server; the tests skip, with the reason printed, when
PostgreSQL does not answer on 127.0.0.1:5432 (and fail under CI=true)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_HOST, PG_PORT = "127.0.0.1", 5432
ADMIN_URL = f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres"


def pg_reachable() -> bool:
    try:
        socket.create_connection((PG_HOST, PG_PORT), 2).close()
    except OSError:
        return False
    return True


def require_postgres() -> None:
    if pg_reachable():
        return
    reason = f"PostgreSQL not reachable on {PG_HOST}:{PG_PORT}: deploy test SKIPPED"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def admin_sql(*statements: str) -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def create_database(name: str) -> None:
    drop_database(name)
    admin_sql(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    admin_sql(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
        f'DROP DATABASE IF EXISTS "{name}"',
    )


def production_env(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("THIDUA_", "DJANGO_", "GUNICORN_")) and k != "DATABASE_URL"
    }
    env.update(
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
        DJANGO_SETTINGS_MODULE="thidua.settings",
        THIDUA_DEBUG="false",
        THIDUA_SECRET_KEY=secrets.token_urlsafe(50),
        THIDUA_ALLOWED_HOSTS="127.0.0.1,localhost",
        THIDUA_BEHIND_PROXY="true",
        THIDUA_DATA_DIR=str(data_dir),
        DATABASE_URL=database_url,
        # The site is walked with the demo's password logins (2FA has its own tests; the
        # history script votes and signs through the services, which ask for enrolment).
        THIDUA_REQUIRE_2FA="false",
    )
    env.update(extra)
    return env


@dataclass
class Site:
    name: str
    env: dict[str, str]
    data_dir: Path
    decision_id: int = 0
    processes: list = field(default_factory=list)

    @property
    def media(self) -> Path:
        return self.data_dir / "media"

    def manage(self, *args: str, env: dict | None = None, check: bool = True, timeout=600):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result

    def module(self, name: str, *args: str, env: dict | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "-m", name, *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def fingerprint(self, env: dict | None = None) -> dict:
        return json.loads(self.module("tests.deploy.fingerprint", env=env).strip().splitlines()[-1])

    def start(self, command: list[str], env: dict | None = None, log: str = "process.log"):
        handle = open(self.data_dir / log, "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command, cwd=ROOT, env={**self.env, **(env or {})}, stdout=handle, stderr=handle
        )
        self.processes.append(process)
        return process

    def log(self, name: str) -> str:
        return (self.data_dir / name).read_text(errors="replace")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture(scope="session")
def site():
    """The deployed site, built once for the folder's tests."""
    require_postgres()
    name = f"thidua_deploy_{os.getpid()}"
    data_dir = Path(tempfile.mkdtemp(prefix="thidua-deploy-"))
    create_database(name)
    deployed = Site(
        name=name,
        env=production_env(f"postgres://postgres@{PG_HOST}:{PG_PORT}/{name}", data_dir),
        data_dir=data_dir,
    )
    try:
        # Static files need no database: collected while the database is being filled.
        static = deployed.start(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            log="collectstatic.log",
        )
        deployed.manage("migrate", "--noinput")
        deployed.manage("seed_demo", "--stage=dossiers", "--verbosity", "0")
        deployed.decision_id = int(deployed.module("tests.deploy.history").split()[-1])
        assert static.wait(600) == 0, deployed.log("collectstatic.log")
        yield deployed
    finally:
        for process in deployed.processes:
            stop(process)
        drop_database(name)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def server(site):
    """gunicorn with the production settings and two workers on the deployed site, started
    once for the folder's tests; its port. It serves ``tests.deploy.clock_wsgi``: the
    production application, with the clock a request's ``X-Test-Clock`` header sets."""
    from .web import Browser

    port = free_port()
    process = site.start(
        [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "tests.deploy.clock_wsgi"],
        env={"THIDUA_BIND": f"127.0.0.1:{port}", "THIDUA_WEB_WORKERS": "2"},
        log="gunicorn.log",
    )

    def up():
        assert process.poll() is None, site.log("gunicorn.log")
        try:
            return Browser(port).get("/suc-khoe/", proxy=False)[0].status == 200
        except OSError:
            return False

    wait_for(up, 60, every=0.1, what="gunicorn")
    return port


def wait_for(predicate, timeout: float = 30, every: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
