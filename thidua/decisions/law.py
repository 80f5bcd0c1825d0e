"""Law as dated data: which legal instruments an award decision cites and which reward
coefficient its money uses, both chosen by the decision's SIGNING date (so changing the date
on a draft changes both), from tables the administrator keeps (``admin_views``)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from thidua.campaigns.models import AwardForm, Campaign
from thidua.core.docx import agency_title
from thidua.org.models import Unit

from .models import Decision, KindCoefficient, LegalInstrument, RewardCoefficient

# The level of an issuing unit, by its kind (the codes of ``records.levels.AUTHORITY_LEVELS``).
ISSUER_LEVELS = {"ubnd_tinh": "tinh", "ubnd_huyen": "huyen", "ubnd_xa": "xa"}


def issuer_level(unit: Unit) -> str:
    return ISSUER_LEVELS.get(unit.kind, "co_so")


def valid_on(day: date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def instruments_for(issuer: Unit, day: date) -> list[LegalInstrument]:
    """The instruments in force on ``day`` for ``issuer``: its level among their levels (or
    none given), and the issuer inside their unit's subtree (or no unit given)."""
    level = issuer_level(issuer)
    rows = LegalInstrument.objects.filter(valid_on(day)).select_related("unit")
    return [
        row
        for row in rows
        if (not row.levels or level in row.levels)
        and (row.unit is None or issuer.path.startswith(row.unit.path))
    ]


def coefficient_for(award_form: AwardForm, day: date) -> KindCoefficient | RewardCoefficient | None:
    """The decree's coefficient of the form's kind in force on ``day``; for a form without a
    kind (or a kind the table does not hold on that day), the form's own dated coefficient."""
    if award_form.reward_kind:
        row = (
            KindCoefficient.objects.filter(valid_on(day), reward_kind=award_form.reward_kind)
            .order_by("-valid_from")
            .first()
        )
        if row is not None:
            return row
    return award_form.coefficients.filter(valid_on(day)).order_by("-valid_from").first()


def two_digits(number: str) -> str:
    """Numbers below 10 get a leading zero (Nghị định 30/2020, Phụ lục I): "5" → "05"."""
    return number.zfill(2) if number.isdigit() else number


def plan_line(campaign: Campaign) -> str:
    """ "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân phường Sa Pa về …"."""
    number = f" số {two_digits(campaign.number)}/{campaign.symbol}" if campaign.number else ""
    signed = f" ngày {campaign.signed_on:%d/%m/%Y}" if campaign.signed_on else ""
    agency = agency_title(campaign.issuer).replace("UBND", "Ủy ban nhân dân")
    title = f"{campaign.title[0].lower()}{campaign.title[1:]}"
    return f"Căn cứ Kế hoạch{number}{signed} của {agency} về {title}"


def _end(line: str, mark: str) -> str:
    return line.strip().rstrip(";.,: ") + mark


def decision_bases(decision: Decision, proposal: str = "") -> list[str]:
    """Every "Căn cứ …" line of the decision, then the proposal ("Theo đề nghị của …"): the
    instruments in force on the signing date, the plan with its number and date, the council's
    minutes, the lines the clerk added; each ending with ";", the last with "."."""
    lines = [row.text for row in instruments_for(decision.issuer, decision.signed_on)]
    lines.append(plan_line(decision.campaign))
    meeting = decision.meeting
    if meeting is not None:
        lines.append(
            f"Căn cứ Biên bản họp xét khen thưởng của {meeting.council.name} ngày "
            f"{meeting.held_on:%d/%m/%Y}"
        )
    lines += [x for x in decision.legal_bases.splitlines() if x.strip()]
    if proposal:
        lines.append(proposal)
    seen: set[str] = set()
    unique = []
    for line in lines:
        key = _end(line, "")
        if key not in seen:
            seen.add(key)
            unique.append(key)
    return [_end(line, ";" if n < len(unique) else ".") for n, line in enumerate(unique, 1)]
