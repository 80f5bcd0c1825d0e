"""One archive with the database and the uploaded files, and its way back.

PostgreSQL: `pg_dump --format=custom` (restored with `pg_restore --clean`); any other database
(SQLite): Django's `dumpdata` with natural keys, loaded into freshly migrated tables. The media
folder goes in beside it when uploads are on the local disk (object storage keeps its own
versions). `thidua backup` and `thidua restore` call these functions.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

FORMAT = 1
PG_DUMP = "database.pgdump"
JSON_DUMP = "database.json"
# Rows every migration recreates, or that mean nothing on another server.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "django_tasks_database"]


class BackupError(Exception):
    pass


def is_postgresql(alias: str = "default") -> bool:
    return connections[alias].vendor == "postgresql"


def pg_env(alias: str = "default") -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump/pg_restore from the Django settings."""
    db = settings.DATABASES[alias]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args, env


def local_media_root() -> Path | None:
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def default_name() -> str:
    return f"thidua-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"


def backup(output: Path) -> dict[str, Any]:
    """Write the archive; returns its manifest."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-backup-") as work:
        work_dir = Path(work)
        if is_postgresql():
            dump = work_dir / PG_DUMP
            args, env = pg_env()
            run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-acl",
                    "--file",
                    str(dump),
                    *args,
                ],
                env,
            )
        else:
            dump = work_dir / JSON_DUMP
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=EXCLUDED,
                output=str(dump),
                verbosity=0,
            )
        media = local_media_root()
        media = media if media and media.exists() else None
        files = sorted(p for p in media.rglob("*") if p.is_file()) if media else []
        manifest = {
            "format": FORMAT,
            "created": datetime.now().astimezone().isoformat(timespec="seconds"),
            "database": dump.name,
            "vendor": connections["default"].vendor,
            "media_files": len(files),
            "media": "object storage (not in this archive)"
            if local_media_root() is None
            else "local",
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(dump, arcname=dump.name)
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(media).as_posix()}")  # type: ignore[arg-type]
        partial.replace(output)  # a half-written archive never carries the final name
    return manifest


def restore(archive_path: Path) -> dict[str, Any]:
    """Replace the database's content and add the archive's files to the media folder."""
    with tarfile.open(archive_path, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        manifest = json.loads(archive.extractfile("manifest.json").read())  # type: ignore[union-attr]
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}")
        work_dir = Path(work)
        archive.extractall(work_dir, filter="data")  # refuses absolute paths and ../
        dump = work_dir / manifest["database"]
        if manifest["database"] == PG_DUMP:
            if not is_postgresql():
                raise BackupError(
                    "This backup was made from PostgreSQL: restore it into PostgreSQL."
                )
            args, env = pg_env()
            connections.close_all()
            run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-acl",
                    "--single-transaction",
                    *args,
                    str(dump),
                ],
                env,
            )
        else:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(dump), verbosity=0)
        media_dir = work_dir / "media"
        media = local_media_root()
        if media_dir.exists():
            if media is None:
                raise BackupError("The archive holds local files but media is on object storage.")
            shutil.copytree(media_dir, media, dirs_exist_ok=True)
    return manifest


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
