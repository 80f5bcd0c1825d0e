from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "thidua.statistics"
    label = "statistics"
    verbose_name = "Thống kê"
