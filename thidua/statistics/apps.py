from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "thidua.statistics"
    label = "statistics"
    verbose_name = "Thống kê"

    def ready(self):
        # Statistics sit above the steps they count: the steps announce what changed with a
        # signal sent inside their transaction, and the summaries follow in the same one.
        from thidua.decisions.signals import awards_recorded, awards_revoked
        from thidua.nominations.signals import dossiers_changed
        from thidua.org.models import unit_moved
        from thidua.records.signals import awards_changed, awards_entered

        from .summaries import count_recorded_awards, recount_revoked_awards
        from .tally import recount_changed
        from .tasks import rebuild_when_units_move

        unit_moved.connect(rebuild_when_units_move, dispatch_uid="statistics-rebuild")
        dossiers_changed.connect(recount_changed, dispatch_uid="statistics-dossier-tally")
        awards_recorded.connect(count_recorded_awards, dispatch_uid="statistics-awards")
        awards_revoked.connect(recount_revoked_awards, dispatch_uid="statistics-revoked")
        awards_entered.connect(count_recorded_awards, dispatch_uid="statistics-entered-awards")
        awards_changed.connect(rebuild_when_units_move, dispatch_uid="statistics-awards-changed")
