"""Award counts kept summarised, so statistics read a few thousand rows, not every award.

Rows are additive: each signed decision appends the counts of its awards, and the statistics
sum them. ``thidua rebuild_statistics`` recomputes everything from the award history."""

from __future__ import annotations

from django.db import models

from thidua.campaigns.models import Campaign
from thidua.org.models import Unit


class AwardSummary(models.Model):
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="+"
    )  # the awarded subject's unit
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
