"""`thidua restore FILE`: put back a backup made by `thidua backup` (replaces the data)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core import backup


class Command(BaseCommand):
    help = "Khôi phục dữ liệu từ tệp sao lưu (thay toàn bộ dữ liệu hiện có)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *, archive, interactive, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp sao lưu {path}.")
        if interactive:
            answer = input("Toàn bộ dữ liệu hiện có sẽ bị thay thế. Gõ 'yes' để tiếp tục: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Đã hủy.")
        try:
            manifest = backup.restore(path)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã khôi phục bản sao lưu ngày {manifest['created']} "
            f"({manifest['vendor']}, {manifest['media_files']} tệp)."
        )
