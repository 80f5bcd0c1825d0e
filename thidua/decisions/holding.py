"""The decisions' answer to ``council.holds.awards_held``: recipients still in force (on a
draft or a signed decision) of a campaign's forms, with the decision that holds them."""

from __future__ import annotations

from thidua.council.holds import Key

from .models import DecisionKind, DecisionStatus, Recipient


def recipients_holding(
    sender: object,
    campaign_id: int,
    form_ids: set[int],
    person_ids: set[int],
    unit_ids: set[int],
    **kw: object,
) -> dict[Key, str]:
    rows = (
        Recipient.objects.filter(
            campaign_id=campaign_id, award_form_id__in=form_ids, revoked_on__isnull=True
        )
        .exclude(decision__kind=DecisionKind.REVOCATION)
        .values_list(
            "person_id",
            "unit_id",
            "award_form_id",
            "decision__kind",
            "decision__status",
            "decision__number",
            "decision__symbol",
            "decision__external_number",
            "decision__signed_on",
        )
    )
    found: dict[Key, str] = {}
    for person_id, unit_id, form_id, kind, status, number, symbol, external, day in rows:
        if person_id in person_ids:
            k: Key = ("p", person_id, form_id)
        elif not person_id and unit_id in unit_ids:
            k = ("u", unit_id, form_id)
        else:
            continue
        if kind == DecisionKind.HIGHER:
            found[k] = f"Quyết định số {external} (của cấp trên, ngày {day:%d/%m/%Y})"
        elif status == DecisionStatus.APPROVED:
            found[k] = f"Quyết định số {number:02d}/{symbol} ngày {day:%d/%m/%Y}"
        else:
            found[k] = f"dự thảo Quyết định …/{symbol} (chưa ký)"
    return found
