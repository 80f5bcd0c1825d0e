"""The submission deadline of one unit: the campaign's, or the extension it was granted."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from thidua.campaigns.models import Campaign
from thidua.org.models import Unit

from ..models import Extension


def submission_deadline(campaign: Campaign, unit: Unit) -> tuple[date, Extension | None]:
    extension = Extension.objects.filter(campaign=campaign, unit=unit).first()
    if extension and extension.until > campaign.dossier_deadline:
        return extension.until, extension
    return campaign.dossier_deadline, None


def is_open_for_submission(campaign: Campaign, unit: Unit, today: date | None = None) -> bool:
    # The whole deadline day counts, in Vietnam's time zone (TIME_ZONE = Asia/Ho_Chi_Minh).
    today = today or timezone.localdate()
    return today <= submission_deadline(campaign, unit)[0]
