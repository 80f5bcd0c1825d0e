"""Evaluate many candidates at once: the campaign's criteria through the pure engine, plus the
general rules of the law that apply to every award.

Everything is read in a fixed number of queries whatever the number of candidates (subqueries,
never one query per row), so a dossier of 500 candidates and a campaign of 100,000 cost the
same number of round trips.

General rules (Nghị định 152/2025/NĐ-CP, Điều 4; Công văn 5007/BNV-TĐKT):
- suspended: an open disciplinary review, investigation, inspection, complaint or press
  allegation suspends rewarding (the candidate is "Tạm hoãn");
- one achievement, one award: the same person or collective proposed twice in a campaign,
  by two units or for two forms, is flagged;
- one initiative serves one award: initiatives already used are not counted (engine);
- maternity leave counts as working time (engine, rating years);
- the seed's one-off rule: a candidate who already received this campaign's award is flagged;
- a discipline in the campaign period is flagged for the appraiser.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from thidua.campaigns.criteria import specs_for
from thidua.campaigns.models import Campaign, CriteriaSet, RewardMode
from thidua.core.bulk import gc_paused
from thidua.core.lookups import Ids, among, rows_among
from thidua.eligibility import engine
from thidua.eligibility.engine import Status
from thidua.org.models import Unit
from thidua.participation.services import launched_campaigns
from thidua.records.members import members_with_ratings
from thidua.records.models import (
    AwardRecord,
    Discipline,
    MaternityLeave,
)

from .criteria_rows import criteria_sets
from .flags import Flag, _flags
from .history_facts import read_attestations, read_initiatives, read_open_cases, read_ratings
from .models import Candidate
from .proposals import FEW, campaign_proposals

SUSPENDED = "tam_hoan"
DAT, KHONG_DAT, CAN_XAC_NHAN = Status.DAT.value, Status.KHONG_DAT.value, Status.CAN_XAC_NHAN.value
OVERALL_LABELS = {
    Status.DAT.value: "Đạt",
    Status.KHONG_DAT.value: "Không đạt",
    Status.CAN_XAC_NHAN.value: "Cần xác nhận",
    SUSPENDED: "Tạm hoãn",
}


@dataclass(slots=True)
class CandidateCheck:
    candidate_id: int
    candidate: Candidate | None = None  # the model row, unless evaluated with_objects=False
    # Results are shared by candidates with the same facts: never mutate them.
    results: tuple[tuple[CriteriaSet, engine.CriterionResult], ...] = ()
    flags: list[Flag] = field(default_factory=list)
    attestable: frozenset[str] = frozenset()  # criterion keys a person confirms
    shown: tuple = ()  # the values of the ``columns`` asked for, in their order

    @property
    def status(self) -> str:
        """Tạm hoãn when suspended, else the best result of the criteria sets that apply:
        Đạt, then Cần xác nhận, then Không đạt (none apply: Cần xác nhận)."""
        for flag in self.flags:
            if flag.code == "suspended":
                return SUSPENDED
        pending = failed = False
        for _set, result in self.results:
            status = result.status
            if status == DAT:
                return DAT
            if status == CAN_XAC_NHAN:
                pending = True
            elif status == KHONG_DAT:
                failed = True
        return KHONG_DAT if failed and not pending else CAN_XAC_NHAN

    @property
    def status_label(self) -> str:
        return OVERALL_LABELS[self.status]

    @property
    def reasons(self) -> list[str]:
        """Why the candidate has its overall status, for the dossier's list: the explanations
        of the criteria (leaves) with that status, in the criteria sets that have it; at most
        three, the candidate's page shows every criterion."""
        wanted = self.status
        found: dict[str, None] = {}  # distinct, in the order met
        # Depth first with a stack (a whole campaign asks this of every candidate): the leaves
        # of each set with the wanted status, left to right, until three are found.
        stack = [result for _set, result in reversed(self.results) if result[2] == wanted]
        while stack:
            _key, _text, status, explanation, children = stack.pop()
            if children:
                stack.extend(reversed(children))
            elif status == wanted and explanation:
                found[explanation] = None
                if len(found) == 3:
                    break
        return list(found)


def evaluate_candidates(
    campaign: Campaign,
    candidates: QuerySet[Candidate],
    today=None,
    *,
    with_objects: bool = True,
    share: bool = True,
    columns: Sequence[str] = (),
) -> list[CandidateCheck]:
    """One CandidateCheck per candidate of ``candidates`` (a queryset of this campaign), by
    dossier, then in the order of its list. ``with_objects=False`` skips loading the model rows
    that pages and documents show: campaign-wide work (statistics, the council's docket) needs
    only ids and results. ``share=False`` evaluates each candidate on its own (no result shared
    between candidates with the same facts: what bench/run.py measures). ``columns``: more
    values of each candidate (``values_list`` names) read in the same query, in ``shown``."""
    with gc_paused():
        return _evaluate_candidates(campaign, candidates, today, with_objects, share, columns)


def _evaluate_candidates(
    campaign, candidates, today, with_objects, share, columns
) -> list[CandidateCheck]:
    today = today or timezone.localdate()
    # The numbers as JSON text, decoded only when there are some: most candidates have none.
    rows = list(
        candidates.order_by("dossier_id", "order", "id")
        .annotate(facts_text=Cast("facts", TextField()))
        .values_list(
            "pk",
            "person_id",
            "unit_id",
            "award_form_id",
            "facts_text",
            "person__category",
            "unit__kind",
            *columns,
        )
    )
    if not rows:
        return []
    objects = (
        candidates.select_related("person__unit", "unit", "award_form", "dossier__unit").in_bulk()
        if with_objects
        else {}
    )
    # Subqueries of the subjects, None for none of a kind: its queries are not even built. (Id
    # lists were slower for a dossier of 300 but in one query below: Django prepares each id.)
    people = {row[1] for row in rows if row[1]}
    collectives = {row[2] for row in rows if row[2]}
    has_collectives = bool(collectives)
    unit_ids = candidates.filter(unit__isnull=False).values("unit_id") if collectives else None
    # A dossier's few subjects as one parameter (``core.lookups``); a campaign's as subqueries.
    few = len(rows) <= FEW
    person_ids = (
        (Ids(people) if few else candidates.filter(person__isnull=False).values("person_id"))
        if people
        else None
    )
    unit_q = Ids(collectives) if few and collectives else unit_ids
    subjects = _subjects_q(person_ids, unit_q)

    sets_by_form: dict[int, list[tuple[CriteriaSet, engine.Plan, set]]] = defaultdict(list)
    day = campaign.period_end
    counts_members = False
    for criteria_set, criteria in criteria_sets(campaign):
        if not criteria_set.is_valid_on(day):
            continue
        attested = {
            str(c.pk)
            for c in criteria
            if c.kind == "attested" or engine.attestable_when_missing(c.kind, c.params, day)
        }
        counts_members = counts_members or any(c.kind == "members_rated" for c in criteria)
        sets_by_form[criteria_set.award_form_id].append(
            (criteria_set, engine.Plan(engine.all_of(specs_for(criteria_set, criteria))), attested)
        )

    ratings = read_ratings(person_ids, unit_q)
    initiatives = read_initiatives(person_ids)

    # Two queries, not one OR: PostgreSQL read the OR two to three times slower (measured).
    disciplines_of_person, disciplines_in_unit = defaultdict(list), defaultdict(list)
    fields = ("form", "decided_on", "ends_on")
    for person_id, form, decided_on, ends_on in (
        rows_among(Discipline, ("person_id", *fields), "person_id", person_ids, "decided_on DESC")
        if people
        else ()
    ):
        disciplines_of_person[person_id].append(engine.DisciplineFact(form, decided_on, ends_on))
    for unit_id, name, form, decided_on, ends_on in (
        Discipline.objects.filter(among("person__unit_id", unit_q)).values_list(
            "person__unit_id", "person__full_name", *fields
        )
        if collectives
        else ()
    ):
        disciplines_in_unit[unit_id].append(engine.DisciplineFact(form, decided_on, ends_on, name))

    # Members of the collectives with their ratings: only when a criterion counts them.
    members: dict[int, tuple[engine.MemberFact, ...]] = {}
    if counts_members and has_collectives:
        for collective_id, rows_of_unit in members_with_ratings(unit_ids).items():
            members[collective_id] = tuple(engine.MemberFact(*m) for m in rows_of_unit)

    maternity = defaultdict(set)  # the years of each person's leaves
    for person_id, starts_on, ends_on in (
        rows_among(MaternityLeave, ("person_id", "starts_on", "ends_on"), "person_id", person_ids)
        if people
        else ()
    ):
        maternity[person_id].update(MaternityLeave.years_between(starts_on, ends_on))

    open_cases = read_open_cases(person_ids, unit_q, today)

    awarded = defaultdict(list)
    if campaign.reward_mode == RewardMode.ONE_OFF and subjects:
        for award in AwardRecord.objects.filter(subjects, revoked_on__isnull=True).filter(
            Q(campaign=campaign) | Q(campaign_title=campaign.title)
        ):
            awarded[("p", award.person_id) if award.person_id else ("u", award.unit_id)].append(
                award
            )

    attestations = read_attestations(
        Ids(row[0] for row in rows) if few else candidates.order_by().values("pk")
    )

    proposals = campaign_proposals(campaign, candidates, rows, person_ids, unit_q)

    # Which criteria sets apply depends only on (form, person category or unit kind): decide
    # once per combination, not once per candidate.
    applicable: dict[tuple, tuple] = {}

    def sets_for(form_id, person_category, unit_kind):
        found = [
            (cs, plan, attested)
            for cs, plan, attested in sets_by_form.get(form_id, ())
            if cs.subject_category.fits(person_category, unit_kind)
        ]
        return tuple((cs, plan) for cs, plan, _a in found), frozenset().union(
            *(a for *_x, a in found)
        )

    # Collectives: the campaigns they were asked to run and those they launched (their plans).
    # (Three queries: none when only people are proposed.)
    asked, launched = (
        launched_campaigns(Unit.objects.filter(pk__in=unit_ids), campaign)
        if has_collectives
        else ({}, {})
    )

    memo: dict = {}  # criterion results shared by candidates with the same relevant facts
    empty: dict = {}
    no_years: set = set()
    reference, start = campaign.period_end, campaign.period_start
    checks = []
    for row in rows:
        pk, person_id, unit_id, form_id, raw_facts, person_category, unit_kind = (
            row[:7] if columns else row
        )
        is_person = person_id is not None
        # Facts are built positionally: this loop runs once per candidate of a whole campaign.
        if is_person:
            key, unit_kind = ("p", person_id), None
            subject_ratings = ratings["p"].get(person_id, empty)
            facts = engine.Facts(
                "individual",
                reference,
                start,
                subject_ratings,
                initiatives.get(person_id, ()),
                disciplines_of_person.get(person_id, ()),
                _numbers(raw_facts) if raw_facts and raw_facts != "{}" else empty,
                None,
                no_years,
                attestations.get(pk, empty),
                maternity.get(person_id, no_years),
            )
        else:
            key, person_category = ("u", unit_id), None
            facts = engine.Facts(
                "collective",
                reference,
                start,
                ratings["u"].get(unit_id, empty),
                (),
                disciplines_in_unit.get(unit_id, ()),
                _numbers(raw_facts) if raw_facts and raw_facts != "{}" else empty,
                asked.get(unit_id),
                launched.get(unit_id, no_years),
                attestations.get(pk, empty),
                no_years,
                members.get(unit_id, ()) if counts_members else None,
            )
        combination = (form_id, person_category, unit_kind)
        sets = applicable.get(combination)
        if sets is None:
            sets = applicable[combination] = sets_for(*combination)
        plans, attestable = sets
        check = CandidateCheck(
            pk,
            objects.get(pk),
            tuple([(cs, plan(facts, memo)) for cs, plan in plans])
            if share
            else tuple([(cs, plan.alone(facts)) for cs, plan in plans]),
            [],
            attestable,
        )
        if columns:
            check.shown = row[7:]
        others = proposals.get(key)
        if others:
            others = [p for p in others if p[0] != pk]
        if (
            others
            or facts.disciplines
            or facts.maternity_years
            or key in open_cases
            or key in awarded
        ):
            check.flags = _flags(
                campaign, facts, open_cases.get(key, ()), awarded.get(key, ()), others or ()
            )
        checks.append(check)
    return checks


def _subjects_q(person_ids, unit_ids) -> Q:
    """Rows of the people or of the collectives given (subqueries, None for none of a kind)."""
    q = Q()
    if person_ids is not None:
        q |= among("person_id", person_ids)
    if unit_ids is not None:
        q |= among("unit_id", unit_ids)
    return q


def _numbers(text: str) -> dict[str, float]:
    numbers = {}
    raw = json.loads(text)
    for name, value in (raw if isinstance(raw, dict) else {}).items():
        try:
            numbers[name] = float(value)
        except (TypeError, ValueError):
            continue
    return numbers
