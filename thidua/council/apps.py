from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "thidua.council"
    label = "council"
    verbose_name = "Hội đồng Thi đua – Khen thưởng"
