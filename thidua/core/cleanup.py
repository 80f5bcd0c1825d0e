"""Clean-up of generated files: documents built in the background, certificate ZIPs and the
lists kept while their upload waits for confirmation.

Only the folders of generated files (``GENERATED_FOLDERS``) are ever touched; uploads, signed
PDFs and every other stored file are not. Two kinds of things go, once older than the limit:

- *stale rows*: a version of a generated document that a newer finished version replaced (the
  old job's row goes with its file). Apps register a ``StaleSource`` for their own kinds
  (``register``): core's generated documents here, the certificate batches in ``decisions``.
- *unreferenced files*: a file under a generated folder that no row of any model names (a
  worker that died after writing, a pending list whose confirmation never came).

The files are listed (``--dry-run``) or deleted by ``manage.py clean_generated``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import GeneratedFile, JobStatus

GENERATED_FOLDERS = ("generated/", "certificates/", "imports/pending/")

# ``(older_than) -> querysets`` of rows to delete with the file in their ``file`` field.
StaleSource = Callable[[datetime], Iterable[models.QuerySet]]
SOURCES: list[StaleSource] = []


def register(source: StaleSource) -> None:
    if source not in SOURCES:
        SOURCES.append(source)


def stale_generated_files(older_than: datetime) -> Iterable[models.QuerySet]:
    """Versions of a generated document replaced by a newer finished version."""
    newer = GeneratedFile.objects.filter(
        kind=OuterRef("kind"),
        object_id=OuterRef("object_id"),
        part=OuterRef("part"),
        status=JobStatus.DONE,
        created_at__gt=OuterRef("created_at"),
    ).exclude(fingerprint=OuterRef("fingerprint"))
    yield GeneratedFile.objects.filter(created_at__lt=older_than).filter(Exists(newer))


register(stale_generated_files)


@dataclass
class Report:
    rows: list[tuple[str, str]] = field(default_factory=list)  # (row label, its file or "")
    files: list[str] = field(default_factory=list)  # unreferenced files


def in_generated_folder(name: str) -> bool:
    return bool(name) and name.startswith(GENERATED_FOLDERS) and ".." not in name.split("/")


def clean(days: float, *, dry_run: bool) -> Report:
    """Delete (or with ``dry_run`` only list) stale rows and unreferenced generated files
    older than ``days`` days."""
    from .management.commands.find_orphan_files import referenced_names, stored_names

    limit = timezone.now() - timedelta(days=days)
    report = Report()
    for source in SOURCES:
        for rows in source(limit):
            for row in rows:
                name = row.file.name if row.file else ""
                report.rows.append((f"{row._meta.label}#{row.pk}", name))
                if dry_run:
                    continue
                row.delete()  # the file after its row: a failed delete leaves both
                if in_generated_folder(name):
                    default_storage.delete(name)
    referenced = referenced_names()
    gone = {name for _label, name in report.rows}
    for folder in GENERATED_FOLDERS:
        for name in stored_names(folder=folder.rstrip("/")):
            if name in referenced or name in gone or not in_generated_folder(name):
                continue
            try:
                if default_storage.get_modified_time(name) > limit:
                    continue
            except (NotImplementedError, OSError):
                continue  # age unknown: kept
            report.files.append(name)
            if not dry_run:
                default_storage.delete(name)
    report.files.sort()
    return report
