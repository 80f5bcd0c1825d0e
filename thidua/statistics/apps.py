from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "thidua.statistics"
    label = "statistics"
    verbose_name = "Thống kê"

    def ready(self):
        from thidua.org.models import unit_moved

        from .tasks import rebuild_when_units_move

        unit_moved.connect(rebuild_when_units_move, dispatch_uid="statistics-rebuild")

        # Dossier tallies: nominations announces the dossiers each service changed.
        from thidua.nominations.signals import dossiers_changed

        from .tally import recount_changed

        dossiers_changed.connect(recount_changed, dispatch_uid="statistics-dossier-tally")
