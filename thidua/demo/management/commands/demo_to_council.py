from django.core.management.base import BaseCommand

from thidua.demo.scenario import appraise_demo_dossiers


class Command(BaseCommand):
    help = "Đưa đợt thi đua mẫu đến bước họp Hội đồng: nộp và thẩm định xong hai hồ sơ mẫu."

    def handle(self, *args, **options):
        campaign = appraise_demo_dossiers()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nộp và thẩm định các hồ sơ mẫu của “{campaign.title}”. Đăng nhập “thuky” để tạo phiên họp."
            )
        )
