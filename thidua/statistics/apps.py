from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "thidua.statistics"
    label = "statistics"
    verbose_name = "Thống kê"

    def ready(self):
        from thidua.org.models import unit_moved

        from .tasks import rebuild_when_units_move

        unit_moved.connect(rebuild_when_units_move, dispatch_uid="statistics-rebuild")
