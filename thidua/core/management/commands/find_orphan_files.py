"""List (and with --delete remove) the media files that no row references.

Every file field of every model is read (names only, one query per field), then the storage
is walked. Files younger than --older-than hours (default 1) are left alone: an upload being
stored right now has its file before its row is committed."""

from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone


def referenced_names() -> set[str]:
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names.update(
                    model._default_manager.exclude(**{field.name: ""})
                    .exclude(**{f"{field.name}__isnull": True})
                    .values_list(field.name, flat=True)
                )
    return names


def stored_names(storage=default_storage, folder: str = "") -> list[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    found = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        found += stored_names(storage, f"{folder}/{sub}" if folder else sub)
    return found


def orphan_files(older_than: timedelta = timedelta(hours=1)) -> list[str]:
    """Names of stored files no row references, older than ``older_than``."""
    referenced = referenced_names()
    limit = timezone.now() - older_than
    orphans = []
    for name in stored_names():
        if name in referenced:
            continue
        try:
            if default_storage.get_modified_time(name) > limit:
                continue
        except (NotImplementedError, OSError):
            pass
        orphans.append(name)
    return sorted(orphans)


class Command(BaseCommand):
    help = "Liệt kê (và với --delete thì xóa) các tệp đã lưu mà không bản ghi nào dùng đến."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="xóa các tệp mồ côi tìm thấy")
        parser.add_argument(
            "--older-than",
            type=float,
            default=1.0,
            help="chỉ xét tệp cũ hơn số giờ này (mặc định 1 giờ)",
        )

    def handle(self, *args, delete: bool = False, older_than: float = 1.0, **options):
        orphans = orphan_files(timedelta(hours=older_than))
        for name in orphans:
            if delete:
                default_storage.delete(name)
            self.stdout.write(name)
        verb = "Đã xóa" if delete else "Tìm thấy"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {len(orphans)} tệp không bản ghi nào dùng đến.")
        )
