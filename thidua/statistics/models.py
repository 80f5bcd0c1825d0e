"""Counts kept summarised, so statistics read one row per unit shown, not every award or
candidate of the country.

Both tables count a unit's whole subtree: a row of unit U holds what happened in U and every
unit under it. A page for a user whose scope is a province reads the province's rows (totals)
and its children's rows (the table by unit), whatever the size of the data.

``AwardSummary`` rows are additive: each signed decision appends the counts of its awards, for
the awarded subject's unit and every ancestor, and the statistics sum them. ``DossierTally``
rows are updated in place by ``tally.recount`` whenever a dossier or its candidates change.
``thidua rebuild_statistics`` recomputes both from the data (run by itself after a unit moves).
"""

from __future__ import annotations

from django.db import models

from thidua.campaigns.models import Campaign
from thidua.nominations.models import Dossier
from thidua.org.models import Unit


class AwardSummary(models.Model):
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="+"
    )  # the awarded subject's unit, or one of its ancestors
    year = models.PositiveSmallIntegerField(db_index=True)
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    award_name = models.CharField(max_length=200)
    authority_level = models.CharField(max_length=20)
    individuals = models.PositiveIntegerField(default=0)
    collectives = models.PositiveIntegerField(default=0)
    women = models.PositiveIntegerField(default=0)
    minorities = models.PositiveIntegerField(default=0)
    workers = models.PositiveIntegerField(default=0)
    leaders = models.PositiveIntegerField(default=0)


class DossierTally(models.Model):
    """Dossiers by status and their candidates, in one campaign, for a unit's subtree. The
    status columns are named after ``DossierStatus`` values."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    draft = models.IntegerField(default=0)
    submitted = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)
    appraised = models.IntegerField(default=0)
    candidates = models.IntegerField(default=0)
    eligible = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "campaign"], name="dossier_tally_unit_campaign")
        ]


class DossierCount(models.Model):
    """What the tallies hold for one dossier: ``recount`` adds the difference to now."""

    dossier = models.OneToOneField(
        Dossier, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    status = models.CharField(max_length=20)
    candidates = models.IntegerField(default=0)
    eligible = models.IntegerField(default=0)
