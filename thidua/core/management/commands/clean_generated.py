"""Delete the generated files no longer needed (see ``core.cleanup``): older versions of
background-built documents and certificate ZIPs, and unreferenced files under the generated
folders, older than --days days. --dry-run lists them without deleting anything."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from thidua.core.cleanup import clean


class Command(BaseCommand):
    help = (
        "Xóa các tệp được tạo tự động (tài liệu tạo ở nền, tệp ZIP Giấy khen, danh sách chờ"
        " xác nhận) đã cũ và không còn được dùng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=float,
            default=30.0,
            help="chỉ xét tệp cũ hơn số ngày này (mặc định 30 ngày)",
        )
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không xóa gì")

    def handle(self, *args, days: float = 30.0, dry_run: bool = False, **options):
        if days < 0:
            raise CommandError("Số ngày phải từ 0 trở lên.")
        report = clean(days, dry_run=dry_run)
        for label, name in report.rows:
            self.stdout.write(f"{label} {name}".rstrip())
        for name in report.files:
            self.stdout.write(name)
        verb = "Sẽ xóa" if dry_run else "Đã xóa"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(report.rows)} phiên bản cũ và {len(report.files)} tệp"
                f" không còn được dùng (cũ hơn {days:g} ngày)."
            )
        )
