from django.core.management.base import BaseCommand

from thidua.demo.finish import finish_2020


class Command(BaseCommand):
    help = (
        "Đưa đợt thi đua mẫu năm 2020 đến khi hoàn thành: Hội đồng họp và bỏ phiếu, Chủ tịch ký "
        "quyết định, in Giấy khen, đăng bài điển hình lên cổng thông tin."
    )

    def handle(self, *args, **options):
        decision = finish_2020()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã ký Quyết định số {decision.number_symbol} ({decision.recipients.count()} tập "
                "thể, cá nhân) và đăng bài điển hình. Xem cổng thông tin tại /cong-khai/; đăng "
                "nhập “chutich” để xem quyết định đã ký."
            )
        )
