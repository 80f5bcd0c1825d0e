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

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from thidua.campaigns.criteria import specs_for
from thidua.campaigns.models import Campaign, CriteriaSet, RewardMode
from thidua.eligibility import engine
from thidua.eligibility.engine import Status
from thidua.records.models import (
    AnnualRating,
    AwardRecord,
    Discipline,
    Initiative,
    MaternityLeave,
    ReviewCase,
)

from .models import Candidate, CandidateAttestation

SUSPENDED = "tam_hoan"
OVERALL_LABELS = {
    Status.DAT.value: "Đạt",
    Status.KHONG_DAT.value: "Không đạt",
    Status.CAN_XAC_NHAN.value: "Cần xác nhận",
    SUSPENDED: "Tạm hoãn",
}


@dataclass(frozen=True)
class Flag:
    code: str
    level: str  # "danger" | "warning" | "info"
    text: str


@dataclass
class CandidateCheck:
    candidate: Candidate
    results: list[tuple[CriteriaSet, engine.CriterionResult]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    attestable: set[str] = field(default_factory=set)  # criterion keys a person confirms

    @property
    def status(self) -> str:
        if any(f.code == "suspended" for f in self.flags):
            return SUSPENDED
        statuses = {r.status for _s, r in self.results}
        for best in (Status.DAT, Status.CAN_XAC_NHAN, Status.KHONG_DAT):
            if best in statuses:
                return best.value
        return Status.CAN_XAC_NHAN.value

    @property
    def status_label(self) -> str:
        return OVERALL_LABELS[self.status]


def _fits(criteria_set: CriteriaSet, candidate: Candidate) -> bool:
    category = criteria_set.subject_category
    if candidate.person_id:
        return (
            category.kind == "ca_nhan" and candidate.person.category in category.person_categories
        )
    return category.kind == "tap_the" and candidate.unit.kind in category.unit_kinds


def evaluate_candidates(
    campaign: Campaign, candidates: QuerySet[Candidate], today=None
) -> list[CandidateCheck]:
    """One CandidateCheck per candidate of ``candidates`` (a queryset of this campaign)."""
    today = today or timezone.localdate()
    rows = list(
        candidates.select_related("person", "unit", "award_form", "dossier__unit").order_by(
            "dossier__unit__path", "order", "id"
        )
    )
    if not rows:
        return []
    person_ids = candidates.filter(person__isnull=False).values("person_id")
    unit_ids = candidates.filter(unit__isnull=False).values("unit_id")

    sets_by_form: dict[int, list[tuple[CriteriaSet, list, set]]] = defaultdict(list)
    day = campaign.period_end
    for criteria_set in (
        CriteriaSet.objects.filter(award_form__campaign=campaign)
        .select_related("subject_category")
        .prefetch_related("criteria")
        .order_by("subject_category__order", "pk")
    ):
        if criteria_set.is_valid_on(day):
            attested = {str(c.pk) for c in criteria_set.criteria.all() if c.kind == "attested"}
            sets_by_form[criteria_set.award_form_id].append(
                (criteria_set, specs_for(criteria_set), attested)
            )

    ratings = {"p": defaultdict(dict), "u": defaultdict(dict)}
    for person_id, unit_id, year, level in AnnualRating.objects.filter(
        Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids)
    ).values_list("person_id", "unit_id", "year", "level"):
        if person_id:
            ratings["p"][person_id][year] = level
        else:
            ratings["u"][unit_id][year] = level

    initiatives = defaultdict(list)
    for i in Initiative.objects.filter(person_id__in=person_ids):
        initiatives[i.person_id].append(
            engine.InitiativeFact(key=str(i.pk), title=i.title, recognized_on=i.recognized_on,
                                  authority_level=i.authority_level, used_for=i.used_for or None)
        )  # fmt: skip

    disciplines_of_person, disciplines_in_unit = defaultdict(list), defaultdict(list)
    for d in Discipline.objects.filter(
        Q(person_id__in=person_ids) | Q(person__unit_id__in=unit_ids)
    ).values("person_id", "person__unit_id", "person__full_name", "form", "decided_on", "ends_on"):
        fact = engine.DisciplineFact(d["form"], d["decided_on"], d["ends_on"])
        disciplines_of_person[d["person_id"]].append(fact)
        disciplines_in_unit[d["person__unit_id"]].append(
            engine.DisciplineFact(d["form"], d["decided_on"], d["ends_on"], d["person__full_name"])
        )

    maternity = defaultdict(set)
    for leave in MaternityLeave.objects.filter(person_id__in=person_ids):
        maternity[leave.person_id] |= leave.years()

    open_cases = defaultdict(list)
    for case in ReviewCase.objects.filter(
        Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids),
        opened_on__lte=today,
    ).filter(Q(closed_on__isnull=True) | Q(closed_on__gte=today)):
        open_cases[("p", case.person_id) if case.person_id else ("u", case.unit_id)].append(case)

    awarded = defaultdict(list)
    if campaign.reward_mode == RewardMode.ONE_OFF:
        for award in AwardRecord.objects.filter(
            Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids)
        ).filter(Q(campaign=campaign) | Q(campaign_title=campaign.title)):
            awarded[("p", award.person_id) if award.person_id else ("u", award.unit_id)].append(
                award
            )

    attestations = defaultdict(dict)
    for a in CandidateAttestation.objects.filter(candidate__in=candidates).select_related("by"):
        by = (a.by.get_full_name() or a.by.username) if a.by else ""
        attestations[a.candidate_id][str(a.criterion_id)] = engine.Attestation(
            a.confirmed, a.note, by
        )

    proposals = defaultdict(list)
    for other in (
        Candidate.objects.filter(dossier__campaign=campaign)
        .filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids))
        .values("id", "person_id", "unit_id", "dossier__unit__name", "award_form__name")
    ):
        key = ("p", other["person_id"]) if other["person_id"] else ("u", other["unit_id"])
        proposals[key].append(other)

    checks = []
    for candidate in rows:
        is_person = candidate.person_id is not None
        key = ("p", candidate.person_id) if is_person else ("u", candidate.unit_id)
        facts = engine.Facts(
            subject_kind="individual" if is_person else "collective",
            reference_date=campaign.period_end,
            period_start=campaign.period_start,
            ratings=ratings[key[0]][key[1]],
            initiatives=initiatives[candidate.person_id] if is_person else [],
            disciplines=disciplines_of_person[candidate.person_id]
            if is_person
            else disciplines_in_unit[candidate.unit_id],
            numbers=_numbers(candidate.facts),
            attestations=attestations[candidate.pk],
            maternity_years=maternity[candidate.person_id] if is_person else set(),
        )
        check = CandidateCheck(candidate)
        for criteria_set, specs, attested in sets_by_form.get(candidate.award_form_id, []):
            if _fits(criteria_set, candidate):
                check.results.append((criteria_set, engine.evaluate_all(specs, facts)))
                check.attestable |= attested
        check.flags = _flags(
            campaign,
            candidate,
            facts,
            open_cases[key],
            awarded[key],
            [p for p in proposals[key] if p["id"] != candidate.pk],
        )
        checks.append(check)
    return checks


def _numbers(raw: dict) -> dict[str, float]:
    numbers = {}
    for name, value in (raw or {}).items():
        try:
            numbers[name] = float(value)
        except (TypeError, ValueError):
            continue
    return numbers


def _flags(campaign, candidate, facts, cases, awards, other_proposals) -> list[Flag]:
    flags = []
    for case in cases:
        flags.append(
            Flag(
                "suspended",
                "danger",
                f"Tạm hoãn xét khen thưởng: {case.get_kind_display().lower()} từ ngày "
                f"{case.opened_on:%d/%m/%Y}{' (' + case.note + ')' if case.note else ''} "
                "(Nghị định 152/2025/NĐ-CP, Điều 4).",
            )
        )
    for award in awards:
        flags.append(
            Flag(
                "already_awarded",
                "danger",
                f"Đã được khen thưởng {award.award_name} trong đợt thi đua này (Quyết định số "
                f"{award.decision_number} ngày {award.decided_on:%d/%m/%Y}): kế hoạch quy định "
                "khen thưởng một lần.",
            )
        )
    for other in other_proposals:
        flags.append(
            Flag(
                "duplicate",
                "warning",
                f"Đề nghị trùng: cũng được {other['dossier__unit__name']} đề nghị "
                f"{other['award_form__name']}. Một thành tích chỉ đề nghị một hình thức khen thưởng.",
            )
        )
    start, end = campaign.period_start, campaign.period_end
    for d in facts.disciplines:
        if d.decided_on <= end and (d.ends_on is None or d.ends_on >= start):
            who = f"{d.person_name}: " if d.person_name else ""
            flags.append(
                Flag(
                    "discipline",
                    "warning",
                    f"Có kỷ luật trong thời gian thi đua: {who}{_discipline_label(d.form)} ngày "
                    f"{d.decided_on:%d/%m/%Y}.",
                )
            )
    if facts.maternity_years & set(range(start.year - 5, end.year + 1)):
        flags.append(
            Flag(
                "maternity",
                "info",
                "Có thời gian nghỉ thai sản: được tính là thời gian công tác "
                "(Nghị định 152/2025/NĐ-CP, Điều 4).",
            )
        )
    return flags


def _discipline_label(form: str) -> str:
    from thidua.records.levels import DISCIPLINE_FORMS, label

    return label(DISCIPLINE_FORMS, form)
