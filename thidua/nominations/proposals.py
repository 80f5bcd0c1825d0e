"""Other proposals of the same subject in a campaign, for the one-achievement-one-award flag of
the evaluation: (candidate id, proposing unit, form) by subject, for the subjects of the rows in
hand that are proposed more than once in the campaign."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import connection
from django.db.models import Q

from thidua.core.lookups import Ids, ids_condition

from .models import Candidate, Dossier

# From this many candidates in hand, check with one count whether they are the whole campaign.
WHOLE_CAMPAIGN_CHECK = 1_000
FEW = 2000  # candidates in hand (a dossier) whose subjects' ids are passed as ``Ids``


def campaign_proposals(
    campaign, candidates, rows, person_ids, unit_ids
) -> dict[tuple[str, int], list[tuple[int, str, str]]]:
    """``rows``: the evaluation's rows of ``candidates`` (id, person id, unit id first);
    ``person_ids``/``unit_ids``: their subjects' ids, as ``core.lookups.Ids`` or subqueries
    (None for none of a kind). Keys: ("p", person id) or ("u", unit id)."""
    # Subjects proposed once are the rule, so only the repeated ones are fetched in detail:
    # those twice among the rows in hand, and those proposed by another row of the campaign,
    # found through the subject's index (counting proposals per subject over the whole campaign
    # cost a dossier's page more than the rest of its evaluation).
    campaign_candidates = Candidate.objects.filter(dossier__campaign=campaign)
    seen = Counter((row[1], row[2]) for row in rows)
    repeated_people = {p for (p, _u), n in seen.items() if n > 1 and p}
    repeated_units = {u for (_p, u), n in seen.items() if n > 1 and u}
    # A campaign-wide evaluation holds every proposal in hand: nothing is elsewhere, and one
    # count says so for less than the two lookups cost (a dossier's few rows skip the count).
    whole_campaign = len(rows) >= WHOLE_CAMPAIGN_CHECK and len(rows) == campaign_candidates.count()
    in_hand = Ids(row[0] for row in rows) if len(rows) <= FEW else candidates.values("pk")
    for column, ids, found in (
        ("person_id", person_ids, repeated_people),
        ("unit_id", unit_ids, repeated_units),
    ):
        if ids is not None and not whole_campaign:
            found.update(_elsewhere(campaign, column, ids, in_hand))
    proposals = defaultdict(list)
    if repeated_people or repeated_units:
        for other_id, person_id, unit_id, unit_name, form_name in campaign_candidates.filter(
            Q(person_id__in=repeated_people) | Q(unit_id__in=repeated_units)
        ).values_list("id", "person_id", "unit_id", "dossier__unit__name", "award_form__name"):
            proposals[("p", person_id) if person_id else ("u", unit_id)].append(
                (other_id, unit_name, form_name)
            )
    return proposals


def _elsewhere(campaign, column: str, ids, in_hand) -> list[int]:
    """The subjects among ``ids`` (``column``: person_id or unit_id) proposed by a candidate
    of the campaign that is not ``in_hand``. A dossier's subjects come as ``Ids``: PostgreSQL
    estimated a subquery's subjects so badly that it scanned every candidate of the campaign
    (12 ms for a dossier of 300), and Django bound each id of a list one by one. Driven by the
    subject's index (SQLite joined the campaign's dossiers first: 50 ms)."""
    vendor = connection.vendor
    subjects, params = ids_condition(column, ids, vendor)
    others, more = ids_condition("id", in_hand, vendor)
    sql = (
        f"SELECT DISTINCT {column} FROM {Candidate._meta.db_table} "  # noqa: S608
        f"WHERE {subjects} AND dossier_id IN "
        f"(SELECT id FROM {Dossier._meta.db_table} WHERE campaign_id = %s) AND NOT ({others})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, campaign.pk, *more])
        return [subject for (subject,) in cursor.fetchall()]
