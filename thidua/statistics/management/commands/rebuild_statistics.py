from django.core.management.base import BaseCommand

from thidua.statistics.tasks import rebuild_all


class Command(BaseCommand):
    help = "Tính lại các bảng tổng hợp thống kê từ lịch sử khen thưởng và hồ sơ đề nghị."

    def handle(self, *args, **options):
        awards, dossiers = rebuild_all()
        self.stdout.write(f"Đã tổng hợp {awards} dòng khen thưởng, {dossiers} dòng hồ sơ.")
