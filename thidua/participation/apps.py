from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "thidua.participation"
    label = "participation"
    verbose_name = "Triển khai và báo cáo kết quả của đơn vị"
