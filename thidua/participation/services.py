"""One function per action on a unit's participation: each checks permission and state
(``policy.check``), writes in one transaction and records an audit entry."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core import audit, uploads
from thidua.org.access import Actor
from thidua.org.models import Unit
from thidua.org.unit_services import not_in_force

from . import policy
from .errors import ParticipationError
from .models import ResultReport, UnitPlan

__all__ = ["ParticipationError", "launched_campaigns", "record_plan", "submit_report"]


def _attach(
    record: UnitPlan | ResultReport, uploaded: UploadedFile | None, files: uploads.SavedFiles
) -> None:
    if uploaded is None:
        return
    try:
        kind = uploads.detect_kind(uploaded, allowed=("pdf", "docx"))
    except ValidationError as error:
        raise ParticipationError(error.messages) from error
    old, storage = record.file.name, record.file.storage
    record.token, record.file_kind = secrets.token_hex(16), kind.code
    files.save(record.file, "tep", uploaded)
    if old:  # the replaced file goes once the new one is committed
        transaction.on_commit(lambda: storage.delete(old))


def record_plan(
    *,
    actor: Actor,
    campaign: Campaign,
    unit: Unit,
    number: str,
    signed_on: date,
    launched_on: date | None = None,
    uploaded: UploadedFile | None = None,
) -> UnitPlan:
    policy.check(actor, campaign, unit)
    if launched_on and launched_on < signed_on:
        raise ParticipationError("Ngày phát động không thể trước ngày ban hành kế hoạch.")
    if closed := not_in_force(unit, launched_on or signed_on):
        raise ParticipationError(f"{closed} Không ban hành, phát động kế hoạch được.")
    with uploads.discard_on_error() as files, transaction.atomic():
        plan = UnitPlan.objects.filter(campaign=campaign, unit=unit).first() or UnitPlan(
            campaign=campaign, unit=unit
        )
        plan.number = number.strip()
        plan.signed_on, plan.launched_on = signed_on, launched_on
        plan.recorded_by_id = actor.pk
        _attach(plan, uploaded, files)
        plan.save()
        audit.record(
            actor=actor,
            action="participation.plan.recorded",
            obj=campaign,
            message=f"{unit}: Kế hoạch {plan.number}",
            data={"unit_id": unit.pk},
        )
    return plan


def submit_report(
    *,
    actor: Actor,
    campaign: Campaign,
    unit: Unit,
    summary: str,
    collectives_rewarded: int,
    individuals_rewarded: int,
    models_built: int,
    uploaded: UploadedFile | None = None,
) -> ResultReport:
    policy.check(actor, campaign, unit)
    if not summary.strip():
        raise ParticipationError("Nhập tóm tắt kết quả thực hiện phong trào thi đua.")
    with uploads.discard_on_error() as files, transaction.atomic():
        report = ResultReport.objects.filter(campaign=campaign, unit=unit).first() or ResultReport(
            campaign=campaign, unit=unit
        )
        report.summary, report.submitted_by_id = summary.strip(), actor.pk
        report.collectives_rewarded = collectives_rewarded
        report.individuals_rewarded = individuals_rewarded
        report.models_built = models_built
        _attach(report, uploaded, files)
        report.save()
        audit.record(
            actor=actor,
            action="participation.report.submitted",
            obj=campaign,
            message=str(unit),
            data={"unit_id": unit.pk},
        )
    return report


def launched_campaigns(
    units: Iterable[Unit], campaign: Campaign
) -> tuple[dict[int, list[tuple[str, str]]], dict[int, set[str]]]:
    """For the criterion "phát động đầy đủ các đợt thi đua": per unit id, the campaigns it was
    asked to run (launched by an ancestor, overlapping ``campaign``'s period) and those it
    launched (a plan with a launch date)."""
    units = list(units)
    overlapping = list(
        Campaign.objects.filter(
            status__in=[CampaignStatus.LAUNCHED, CampaignStatus.CLOSED],
            period_start__lte=campaign.period_end,
            period_end__gte=campaign.period_start,
        ).select_related("issuer")
    )
    asked = {
        u.pk: [
            (str(c.pk), c.title)
            for c in overlapping
            if u.path.startswith(c.issuer.path) and u.pk != c.issuer_id
        ]
        for u in units
    }
    launched: dict[int, set[str]] = {u.pk: set() for u in units}
    for unit_id, campaign_id in UnitPlan.objects.filter(
        unit__in=[u.pk for u in units], launched_on__isnull=False
    ).values_list("unit_id", "campaign_id"):
        launched[unit_id].add(str(campaign_id))
    return asked, launched
