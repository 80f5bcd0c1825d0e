from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "thidua.statistics"
    label = "statistics"
    verbose_name = "Thống kê"

    def ready(self):
        from thidua.org.models import unit_moved

        from .tasks import rebuild_when_units_move

        unit_moved.connect(rebuild_when_units_move, dispatch_uid="statistics-rebuild")

        # Signed decisions write awards into the history: append their counts (decisions sits
        # below statistics and announces it with a signal instead of calling us).
        from thidua.decisions.signals import awards_recorded

        from . import summaries

        def count_recorded_awards(sender, awards, **kwargs) -> None:
            summaries.add(awards)

        awards_recorded.connect(count_recorded_awards, weak=False, dispatch_uid="statistics-awards")
