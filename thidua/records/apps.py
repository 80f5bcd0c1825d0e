from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "thidua.records"
    label = "records"
    verbose_name = "Lịch sử thi đua, khen thưởng"
