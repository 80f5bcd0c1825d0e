from django.core.management.base import BaseCommand

from thidua.statistics.summaries import rebuild


class Command(BaseCommand):
    help = "Tính lại bảng tổng hợp thống kê khen thưởng từ toàn bộ lịch sử khen thưởng."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã tổng hợp {rebuild()} dòng.")
