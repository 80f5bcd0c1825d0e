"""Phòng Nội vụ of the issuing unit over a campaign's dossiers: extensions and reminders."""

from __future__ import annotations

from datetime import date

from django.core.mail import send_mass_mail
from django.db import transaction

from thidua.campaigns.models import Campaign
from thidua.core import audit
from thidua.org.access import Actor
from thidua.org.models import RoleAssignment, Unit

from .. import policy
from ..errors import DossierError
from ..models import Extension


def grant_extension(
    *, actor: Actor, campaign: Campaign, unit: Unit, until: date, reason: str
) -> Extension:
    policy.check_oversight(actor, campaign)
    reason = (reason or "").strip()
    if not reason:
        raise DossierError("Nhập lý do gia hạn.")
    if until <= campaign.dossier_deadline:
        raise DossierError(
            f"Ngày gia hạn phải sau hạn nộp chung ({campaign.dossier_deadline:%d/%m/%Y})."
        )
    if not unit.path.startswith(campaign.issuer.path):
        raise DossierError("Đơn vị không thuộc phạm vi của đợt thi đua này.")
    with transaction.atomic():
        extension, _ = Extension.objects.update_or_create(
            campaign=campaign,
            unit=unit,
            defaults={"until": until, "reason": reason, "granted_by": actor},
        )
        audit.record(
            actor=actor,
            action="nominations.extension.granted",
            obj=campaign,
            message=f"{unit}: đến ngày {until:%d/%m/%Y} – {reason}",
            data={"unit_id": unit.pk},
        )
    return extension


def send_reminders(*, actor: Actor, campaign: Campaign, units: list[Unit]) -> int:
    """E-mail the officers of units that have not submitted; the unit also sees it in the app."""
    policy.check_oversight(actor, campaign)
    deadline = campaign.dossier_deadline
    messages: list[tuple[str, str, None, list[str]]] = []
    reminded = 0
    submitted = set(
        campaign.dossiers.exclude(status__in=policy.EDITABLE).values_list("unit_id", flat=True)
    )
    with transaction.atomic():
        for unit in units:
            if unit.pk in submitted:
                continue
            reminded += 1
            audit.record(
                actor=actor,
                action="nominations.reminder.sent",
                obj=campaign,
                message=str(unit),
                data={"unit_id": unit.pk},
            )
            emails = list(
                RoleAssignment.objects.filter(unit=unit)
                .exclude(user__email="")
                .values_list("user__email", flat=True)
            )
            if emails:
                messages.append(
                    (
                        f"Nhắc nộp hồ sơ khen thưởng: {campaign.title}"[:200],
                        f"Phòng Nội vụ đề nghị {unit} hoàn thiện và nộp hồ sơ đề nghị khen "
                        f"thưởng của đợt thi đua “{campaign.title}” trước ngày "
                        f"{deadline:%d/%m/%Y}.",
                        None,
                        emails,
                    )
                )
    if messages:
        send_mass_mail(messages, fail_silently=True)
    return reminded
