"""What the public may see of awards: signed decisions, and for each awarded person or
collective the name, unit, award and decision. Nothing else (no date of birth, no ethnicity).

Rows are plain values, not model instances: these queries serve the whole country."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.db import connection

from thidua.core.text import ascii_key
from thidua.decisions.models import Decision, DecisionKind, DecisionStatus, Recipient

from . import pg_search

PAGE = 50


def _words(q: str) -> list[str]:
    """The query as the index sees names: lower case, no accents, letters and digits."""
    return re.findall(r"[a-z0-9]+", ascii_key(q))


def _matches(words: list[str]) -> tuple[dict[str, str], list]:
    """The parts of SEARCH_SQL that find the recipients ``r0`` whose name has every word of
    the query at the start of one of its words, accents ignored ("hoang thi" finds "Hoàng Thị
    Yến"), and its parameters. SQLite answers from its FTS5 index, PostgreSQL from its
    index of pairs of words or its trigram index (pg_search)."""
    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{w}"*' for w in words)
        return SQLITE_MATCHES, [match]
    condition, params = pg_search.condition(words, SEARCH_LIMIT + 1)
    return {**POSTGRES_MATCHES, "condition": condition}, params


# The rows of the portal's lists: plain slotted classes, built fifty to a page (a frozen
# dataclass sets each field through object.__setattr__, three times slower).
@dataclass(slots=True)
class PublicDecision:
    id: int
    number: str
    decided_on: date
    issuer: str
    award: str
    campaign: str
    awarded: int


@dataclass(slots=True)
class PublicAward:
    """What the public may know of an award: name, unit, award, decision. Nothing else."""

    order: int  # number in the decision's list
    name: str
    unit: str
    award: str
    collective: bool
    decision: str
    decided_on: date
    issuer: str


def _number(kind: str, number, symbol: str, external: str) -> str:
    return external if kind == DecisionKind.HIGHER else f"{number:02d}/{symbol}"


DECISION_FIELDS = (
    "pk",
    "kind",
    "number",
    "symbol",
    "external_number",
    "signed_on",
    "issuer_name",
    "award_form__name",
    "campaign__title",
    "recipient_count",
)


def signed_decisions(campaign_id: int | None = None):
    rows = Decision.objects.filter(status=DecisionStatus.APPROVED)
    if campaign_id:
        rows = rows.filter(campaign_id=campaign_id)
    return rows.order_by("-signed_on", "-pk").values_list(*DECISION_FIELDS)


def public_decision(row) -> PublicDecision:
    pk, kind, number, symbol, external, signed_on, issuer, award, campaign, awarded = row
    return PublicDecision(
        id=pk,
        number=_number(kind, number, symbol, external),
        decided_on=signed_on,
        issuer=issuer,
        award=award,
        campaign=campaign,
        awarded=awarded,
    )


# The list of signed decisions, newest first from the partial index of signed decisions
# (decisions 0011), counted in the same statement; names of award and campaign per row shown.
DECISIONS_SQL = """
SELECT d.id, d.kind, d.number, d.symbol, d.external_number, d.signed_on, d.issuer_name,
       (SELECT f.name FROM campaigns_awardform f WHERE f.id = d.award_form_id),
       (SELECT c.title FROM campaigns_campaign c WHERE c.id = d.campaign_id), d.recipient_count,
       COUNT(*) OVER ()
FROM decisions_decision d
WHERE d.status = %s{campaign}
ORDER BY d.signed_on DESC, d.id DESC
LIMIT %s OFFSET %s
"""


def decisions_page(campaign_id: int | None, offset: int, limit: int) -> tuple[int, list]:
    """(number of signed decisions, one page of them): counted in the same query."""
    params: list = [DecisionStatus.APPROVED.value]
    if campaign_id:
        params.append(campaign_id)
    sql = DECISIONS_SQL.format(campaign=" AND d.campaign_id = %s" if campaign_id else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        rows = cursor.fetchall()
    if rows or not offset:
        return (rows[0][-1] if rows else 0), [public_decision(r[:-1]) for r in rows]
    total, _ = decisions_page(campaign_id, 0, 1)  # asked past the end: count from the start
    return total, []


# The campaigns offered as a filter: those with a signed decision, newest first.
CAMPAIGNS_SQL = """
SELECT DISTINCT c.id, c.title, c.period_start FROM campaigns_campaign c
JOIN decisions_decision d ON c.id = d.campaign_id
WHERE d.status = %s
ORDER BY c.period_start DESC
"""


def signed_campaigns() -> list[tuple[int, str]]:
    """(id, title) of the campaigns with a signed decision, newest period first."""
    with connection.cursor() as cursor:
        cursor.execute(CAMPAIGNS_SQL, [DecisionStatus.APPROVED.value])
        return [(pk, title) for pk, title, _start in cursor.fetchall()]


def signed_decision(pk: int) -> PublicDecision | None:
    row = signed_decisions().filter(pk=pk).first()
    return public_decision(row) if row else None


def public_award(row) -> PublicAward:
    """From a row of SEARCH_SQL."""
    (
        name,
        person_unit,
        parent,
        person_id,
        order,
        award,
        kind,
        number,
        symbol,
        external,
        signed_on,
        issuer,
    ) = row[:12]
    return PublicAward(
        order=order,
        name=name,
        unit=(person_unit if person_id else parent) or "",
        award=award,
        collective=not person_id,
        decision=_number(kind, number, symbol, external),
        decided_on=signed_on,
        issuer=issuer,
    )


# A name search lists at most this many matches (the newest); past it, the visitor is asked
# for more of the name. A common word ("thị") matches a quarter of the country: counting and
# sorting all of those would cost a hundred times a precise search and help no one.
SEARCH_LIMIT = 500


# The portal's two lists are single statements, written out: Django took longer to compile
# them than the database to run them, and with the names of units and awards as joins
# PostgreSQL spent longer choosing the join order than running the query (bench/). Names are
# looked up per row shown instead.
# Each name is two nested lookups by primary key, and only for the rows it concerns (a person's
# unit, a collective's parent): written as joins and run for every row, PostgreSQL hashed or
# merged the whole unit table twice a row (0.1 ms a row, 9 of a search's 10 ms at province scale).
# A province's unit table is small enough that PostgreSQL reads it rather than its index: LIMIT 1
# (the key is unique) stops that read at the unit found, half the table on average.
PERSON_UNIT = (
    "(CASE WHEN r.person_id IS NOT NULL THEN (SELECT u.name FROM org_unit u"
    " WHERE u.id = (SELECT p.unit_id FROM org_person p WHERE p.id = r.person_id) LIMIT 1) END)"
)
COLLECTIVE_PARENT = (
    "(CASE WHEN r.unit_id IS NOT NULL THEN (SELECT u.name FROM org_unit u WHERE u.id ="
    " (SELECT c.parent_id FROM org_unit c WHERE c.id = r.unit_id LIMIT 1) LIMIT 1) END)"
)

# The newest matches, at most SEARCH_LIMIT + 1 of them, read once, then counted, and ordered
# for reading; the page's rows are named (units, award, decision) after the page is cut: named
# before, every match cost four lookups (two thirds of a common search at national scale).
SEARCH_SQL = f"""
WITH m AS {{materialized}}(
    SELECT {{columns}} FROM {{source}}
    WHERE {{condition}} AND d0.status = %s AND r0.revoked_on IS NULL{{campaign}}
    ORDER BY {{newest}} DESC LIMIT %s)
SELECT r.name, {PERSON_UNIT}, {COLLECTIVE_PARENT}, r.person_id, r."order",
       (SELECT f.name FROM campaigns_awardform f WHERE f.id = d.award_form_id),
       d.kind, d.number, d.symbol, d.external_number, d.signed_on, d.issuer_name,
       (SELECT COUNT(*) FROM m)
FROM {{page}} JOIN decisions_decision d ON d.id = r.decision_id
ORDER BY d.signed_on DESC, r.decision_id, r."order"
"""  # noqa: S608 - fixed text; every value is a parameter
_PAGE = 'SELECT {} FROM m ORDER BY m.signed_on DESC, m.decision_id, m."order" LIMIT %s OFFSET %s'
_KEYS = 'r0.id, d0.signed_on, r0.decision_id, r0."order"'

# SQLite reads its text index in the order of its row ids, newest first, and stops at the
# matches asked for (as ``r0.id IN (…)`` it listed every match first: a quarter of the country
# for "thi"); CROSS JOIN keeps that order of the loops. Only the keys of the matches are read,
# from their own index (decisions 0016: from the table, 500 matches were 500 table pages), and
# sorted; the page's rows are read from the table after the cut.
SQLITE_MATCHES = {
    # SQLite materializes a CTE read twice by itself; its MATERIALIZED needs 3.35 (Django: 3.31).
    "materialized": "",
    "columns": _KEYS,
    "source": "decisions_recipient_fts t"
    " CROSS JOIN decisions_recipient r0 INDEXED BY decisions_recipient_public_keys"
    " ON r0.id = t.rowid CROSS JOIN decisions_decision d0 ON d0.id = r0.decision_id",
    "condition": "decisions_recipient_fts MATCH %s",
    "newest": "t.rowid",
    "page": f"({_PAGE.format('m.id')}) page JOIN decisions_recipient r ON r.id = page.id",
}
# PostgreSQL reads the matches' rows to check them: they carry what the page shows of them
# (joined again by key, PostgreSQL hashed the whole recipient table to find the page's rows).
POSTGRES_MATCHES = {
    "materialized": "MATERIALIZED ",
    "columns": f"{_KEYS}, r0.name, r0.person_id, r0.unit_id",
    "source": "decisions_recipient r0 JOIN decisions_decision d0 ON d0.id = r0.decision_id",
    "newest": "r0.id",
    "page": f"({_PAGE.format('m.*')}) r",
}

# A signed decision and one page of its recipients in the decision's order. A decision's
# annex is numbered 1…n (services._add_recipients, never renumbered), so page k starts at
# order 50·(k − 1) + 1, sought in the (decision, order) index: skipping the rows before it
# cost page 1992 of 1993 two milliseconds on SQLite. Whether the numbers run 1…n is read
# from the same index (lowest 1, highest the decision's count of recipients); if not, the page
# starts at the order found by skipping that many entries of the index, as before. Each value
# is its own subquery, so the start is a constant of the index search (compared with d's
# count, PostgreSQL filtered every row of the decision instead). The names are read for the
# page's rows only.
DECISION_SQL = f"""
SELECT d.id, d.kind, d.number, d.symbol, d.external_number, d.signed_on, d.issuer_name,
       (SELECT f.name FROM campaigns_awardform f WHERE f.id = d.award_form_id),
       (SELECT c.title FROM campaigns_campaign c WHERE c.id = d.campaign_id), d.recipient_count,
       r."order", r.name, {PERSON_UNIT}, {COLLECTIVE_PARENT}, r.person_id
FROM decisions_decision d JOIN decisions_recipient r ON r.decision_id = d.id
WHERE d.id = %(pk)s AND d.status = %(status)s AND r."order" >= CASE
    WHEN (SELECT MIN(r1."order") FROM decisions_recipient r1 WHERE r1.decision_id = %(pk)s) = 1
     AND (SELECT MAX(r2."order") FROM decisions_recipient r2 WHERE r2.decision_id = %(pk)s)
         = (SELECT d2.recipient_count FROM decisions_decision d2 WHERE d2.id = %(pk)s)
    THEN %(offset)s + 1
    ELSE (SELECT r0."order" FROM decisions_recipient r0 WHERE r0.decision_id = %(pk)s
          ORDER BY r0."order" LIMIT 1 OFFSET %(offset)s) END
ORDER BY r."order"
LIMIT %(limit)s
"""  # noqa: S608 - fixed text; every value is a parameter


def search_awards(q: str, campaign_id: int | None, offset: int, limit: int) -> tuple[int, list]:
    """(number of matches up to SEARCH_LIMIT + 1, one page of them, newest decision first)."""
    words = _words(q)
    if not words:
        return 0, []
    # The list ends at the SEARCH_LIMIT-th match, whatever the page size (the API's ``limit``):
    # the extra match read is only there to tell that there are more.
    limit = max(0, min(limit, SEARCH_LIMIT - offset))
    parts, params = _matches(words)
    params.append(DecisionStatus.APPROVED.value)
    if campaign_id:
        params.append(campaign_id)
    sql = SEARCH_SQL.format(  # only our own SQL; values are parameters
        **parts, campaign=" AND d0.campaign_id = %s" * bool(campaign_id)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, SEARCH_LIMIT + 1, limit, offset])
        page = cursor.fetchall()
    if page or not offset:
        return (page[0][-1] if page else 0), [public_award(r) for r in page]
    total, _ = search_awards(q, campaign_id, 0, 1)  # asked past the end: count from the start
    return total, []


def decision_page(
    pk: int, offset: int, limit: int
) -> tuple[PublicDecision | None, list[PublicAward]]:
    """A signed decision (None if there is none) and one page of its recipients, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            DECISION_SQL,
            {"pk": pk, "status": DecisionStatus.APPROVED.value, "offset": offset, "limit": limit},
        )
        rows = cursor.fetchall()
    if not rows:  # past the last page, or no such signed decision
        return signed_decision(pk), []
    decision = public_decision(rows[0][:10])
    return decision, [
        PublicAward(
            order=order,
            name=name,
            unit=(person_unit if person_id else parent) or "",
            award=decision.award,
            collective=not person_id,
            decision=decision.number,
            decided_on=decision.decided_on,
            issuer=decision.issuer,
        )
        for *_, order, name, person_unit, parent, person_id in rows
    ]


@dataclass(frozen=True)
class AwardCheck:
    """An award's public verification page (the certificate's QR): who, which award, which
    decision, and whether it is in force. No other personal data."""

    name: str
    award: str
    decision_id: int
    decision: str
    decided_on: date
    issuer: str
    signer: str
    revoked_by: str  # the revoking decision's number and date; empty while in force
    amended_by: str = ""  # the replacing decision's number and date, if the award was amended
    replacement_token: str = ""  # the replacing award's own verification page


def award_check(token: str) -> AwardCheck | None:
    row = (
        Recipient.objects.filter(public_token=token, decision__status=DecisionStatus.APPROVED)
        .values_list(
            "name",
            "decision__award_form__name",
            "decision_id",
            "decision__kind",
            "decision__number",
            "decision__symbol",
            "decision__external_number",
            "decision__signed_on",
            "decision__issuer_name",
            "decision__signer_title",
            "decision__signer_name",
            "revoked_on",
            "revoked_by__number",
            "revoked_by__symbol",
            "revoked_by__signed_on",
            "replaced_by__decision__number",
            "replaced_by__decision__symbol",
            "replaced_by__decision__signed_on",
            "replaced_by__public_token",
        )
        .first()
    )
    if row is None:
        return None
    name, award, decision_id, kind, number, symbol, external, signed_on = row[:8]
    issuer, title, signer, revoked_on, r_number, r_symbol, r_signed_on = row[8:15]
    a_number, a_symbol, a_signed_on, a_token = row[15:]
    revoked_by = amended_by = ""
    if revoked_on is not None:
        revoked_by = f"Quyết định số {r_number:02d}/{r_symbol} ngày {r_signed_on:%d/%m/%Y}"
    if a_token:
        amended_by = f"Quyết định số {a_number:02d}/{a_symbol} ngày {a_signed_on:%d/%m/%Y}"
    return AwardCheck(
        name=name,
        award=award,
        decision_id=decision_id,
        decision=_number(kind, number, symbol, external),
        decided_on=signed_on,
        issuer=issuer,
        signer=f"{title.capitalize()} {signer}".strip() if signer else title.capitalize(),
        revoked_by=revoked_by,
        amended_by=amended_by,
        replacement_token=a_token or "",
    )
