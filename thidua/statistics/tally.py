"""Keep ``DossierTally`` in step with dossiers and candidates.

Every service that creates a dossier, moves it through its workflow, or adds, removes or
appraises candidates sends ``nominations.signals.dossiers_changed`` with the dossiers it
touched, inside its transaction; ``recount_changed`` (connected in ``apps.py``) recounts them.
``recount`` compares each dossier with what the tallies hold for it (``DossierCount``) and adds
the difference to the rows of the dossier's unit and all its ancestors: a few UPDATEs, however
many dossiers and candidates the country has."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models import Count, F, Q

from thidua.org.models import path_ids

ELIGIBLE = "du"  # Appraisal.ELIGIBLE: the migration's historical models have no enum


def _figures(dossier_ids, apps):
    """(pk, campaign, unit path, status, candidates, eligible) of these dossiers, now."""
    Dossier = apps.get_model("nominations", "Dossier")
    Candidate = apps.get_model("nominations", "Candidate")
    dossiers = Dossier.objects.all()
    candidates = Candidate.objects.all()
    if dossier_ids is not None:
        # Locks the dossiers (PostgreSQL) so that two recounts of one dossier do not both
        # add the same difference; SQLite's write transactions are serial anyway.
        dossiers = dossiers.select_for_update(of=("self",)).filter(pk__in=dossier_ids)
        candidates = candidates.filter(dossier_id__in=dossier_ids)
    counts = {
        r["dossier_id"]: (r["n"], r["eligible"])
        for r in candidates.values("dossier_id").annotate(
            n=Count("id"), eligible=Count("id", filter=Q(appraisal=ELIGIBLE))
        )
    }
    for pk, campaign_id, path, status in dossiers.values_list(
        "pk", "campaign_id", "unit__path", "status"
    ):
        yield (pk, campaign_id, path, status, *counts.get(pk, (0, 0)))


def recount(dossier_ids) -> None:
    DossierTally = global_apps.get_model("statistics", "DossierTally")
    DossierCount = global_apps.get_model("statistics", "DossierCount")
    ids = list(dossier_ids)
    with transaction.atomic():
        figures = list(_figures(ids, global_apps))
        before = {c.dossier_id: c for c in DossierCount.objects.filter(dossier_id__in=ids)}
        for pk, campaign_id, path, status, candidates, eligible in figures:
            change = Counter({status: 1, "candidates": candidates, "eligible": eligible})
            if old := before.get(pk):
                change.subtract(
                    {old.status: 1, "candidates": old.candidates, "eligible": old.eligible}
                )
            changes = {name: F(name) + n for name, n in change.items() if n}
            if not changes:
                continue
            units = path_ids(path)
            DossierTally.objects.bulk_create(
                [DossierTally(unit_id=u, campaign_id=campaign_id) for u in units],
                ignore_conflicts=True,
            )
            DossierTally.objects.filter(unit_id__in=units, campaign_id=campaign_id).update(
                **changes
            )
            DossierCount.objects.update_or_create(
                dossier_id=pk,
                defaults={"status": status, "candidates": candidates, "eligible": eligible},
            )


def recount_changed(sender, dossier_ids, **kwargs) -> None:
    """Receiver of ``dossiers_changed``: runs in the sender's transaction."""
    recount(dossier_ids)


def rebuild(apps=global_apps) -> int:
    """Recount every dossier (``apps``: a migration's historical models)."""
    DossierTally = apps.get_model("statistics", "DossierTally")
    DossierCount = apps.get_model("statistics", "DossierCount")
    tallies: dict[tuple, Counter] = defaultdict(Counter)
    counts = []
    with transaction.atomic():
        DossierTally.objects.all().delete()
        DossierCount.objects.all().delete()
        for pk, campaign_id, path, status, candidates, eligible in _figures(None, apps):
            counts.append(
                DossierCount(dossier_id=pk, status=status, candidates=candidates, eligible=eligible)
            )
            for unit_id in path_ids(path):
                tallies[(unit_id, campaign_id)].update(
                    {status: 1, "candidates": candidates, "eligible": eligible}
                )
        DossierCount.objects.bulk_create(counts, batch_size=2000)
        DossierTally.objects.bulk_create(
            [DossierTally(unit_id=u, campaign_id=c, **n) for (u, c), n in tallies.items()],
            batch_size=2000,
        )
    return len(tallies)
