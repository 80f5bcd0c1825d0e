"""The submission deadline of one unit (the campaign's, or the extension it was granted), and
the office the dossiers go to."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from thidua.campaigns.models import Campaign
from thidua.org.models import Unit
from thidua.org.office_services import document_offices

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


def proposing_offices(campaign: Campaign) -> list[str]:
    """The issuer's offices that propose its commendations, in force by the dossier deadline
    (Phòng Nội vụ of a town, Phòng Văn hóa – Xã hội of a ward): they receive and appraise the
    campaign's dossiers."""
    return [o.name for o in document_offices(campaign.issuer, campaign.dossier_deadline).proposers]


def appraising_office(campaign: Campaign) -> str:
    """The office that receives and appraises the campaign's dossiers, as pages and messages
    name it: its proposing offices, else the receiving unit."""
    if offices := proposing_offices(campaign):
        return " và ".join(offices)
    if campaign.receiving_unit is not None:
        return campaign.receiving_unit.name
    return "cơ quan tiếp nhận hồ sơ"
