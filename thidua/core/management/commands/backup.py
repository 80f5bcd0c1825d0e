"""`thidua backup [--output FILE]`: the database and the uploaded files in one .tar.gz."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from thidua.core import backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp đã tải lên vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive file, or a folder (default THIDUA_BACKUP_DIR or <data dir>/backups).",
        )

    def handle(self, *, output, **options):
        folder = Path(os.environ.get("THIDUA_BACKUP_DIR", settings.DATA_DIR / "backups"))
        target = Path(output) if output else folder
        if target.is_dir() or not output:
            target = target / backup.default_name()
        try:
            manifest = backup.backup(target)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã sao lưu vào {target} ({manifest['vendor']}, {manifest['media_files']} tệp)."
        )
