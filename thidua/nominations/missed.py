"""Who is being missed: per award form of a campaign, the people and collectives of a scope
whose recorded history already meets the criteria but whom no unit proposed, and those
proposed who fail them, with the reason.

Non-candidates are judged on facts built from the records (ratings, initiatives, disciplines,
maternity leave, open review cases, awards), the same way ``evaluation`` builds them for
candidates, through the same compiled plans; proposed candidates go through
``evaluation.evaluate_candidates`` itself. Everything is read in a fixed number of queries
whatever the number of people (the page asserts it at 1,000 people)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from thidua.campaigns.criteria import specs_for
from thidua.campaigns.models import AwardForm, Campaign, CriteriaSet, RewardMode
from thidua.campaigns.policy import get_campaign_or_404
from thidua.core.bulk import gc_paused
from thidua.eligibility import engine
from thidua.eligibility.engine import Status
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Person, Unit
from thidua.participation.policy import can_oversee
from thidua.participation.services import launched_campaigns
from thidua.records.models import (
    AwardRecord,
    Discipline,
    MaternityLeave,
    ReviewCase,
)

from .evaluation import SUSPENDED, evaluate_candidates
from .flags import _flags
from .history_facts import read_initiatives, read_ratings
from .models import Candidate

FAILING = (Status.KHONG_DAT.value, SUSPENDED)


@dataclass
class Finding:
    name: str
    unit_name: str
    is_person: bool
    status: str  # "dat" | "can_xac_nhan" | "khong_dat" | "tam_hoan"
    reasons: list[str] = field(default_factory=list)
    other_forms: list[str] = field(default_factory=list)  # proposed for these forms instead
    candidate: Candidate | None = None

    @property
    def status_label(self) -> str:
        from .evaluation import OVERALL_LABELS

        return OVERALL_LABELS[self.status]


@dataclass
class FormReview:
    form: AwardForm
    missed: list[Finding] = field(default_factory=list)
    failing: list[Finding] = field(default_factory=list)


# -- scope -------------------------------------------------------------------------------------


def review_scopes(user: Actor, campaign: Campaign) -> list[Unit]:
    """The units whose people ``user`` reviews in ``campaign``: the issuer for Phòng Nội vụ,
    each unit the user heads (SUBMIT_DOSSIERS) inside the issuer's subtree."""
    scopes: list[Unit] = [campaign.issuer] if can_oversee(user, campaign) else []
    for unit in access.assigned_units(user, Perm.SUBMIT_DOSSIERS):
        if unit.path.startswith(campaign.issuer.path) and all(u.pk != unit.pk for u in scopes):
            scopes.append(unit)
    return scopes


def get_review_or_404(user: Actor, campaign_pk: int, unit_pk: int | None) -> tuple:
    """(campaign, scope, scopes): 404 for a campaign or a unit out of the user's reach, 403 for
    a campaign the user sees but reviews no unit of, and for a unit inside the user's scope
    that is not one they review (a head asking for a tổ dân phố of their ward)."""
    campaign = get_campaign_or_404(user, campaign_pk)
    unit = None
    if unit_pk is not None:
        unit = Unit.objects.filter(pk=unit_pk).first()
        if unit is None or not access.in_scope(user, unit, Perm.VIEW_UNITS):
            raise Http404("Không tìm thấy đơn vị.")
    scopes = review_scopes(user, campaign)
    if not scopes:
        raise PermissionDenied(
            "Chỉ Phòng Nội vụ của cơ quan phát động và thủ trưởng đơn vị xem được rà soát này."
        )
    if unit is None:
        return campaign, scopes[0], scopes
    for scope in scopes:
        if scope.pk == unit.pk:
            return campaign, scope, scopes
    raise PermissionDenied(
        f"Không rà soát riêng được {unit.name}: chọn một trong các phạm vi rà soát của bạn ("
        + ", ".join(s.name for s in scopes)
        + ")."
    )


# -- the review --------------------------------------------------------------------------------


def review(campaign: Campaign, scope: Unit, today: date | None = None) -> list[FormReview]:
    with gc_paused():
        return _review(campaign, scope, today or timezone.localdate())


def _review(campaign: Campaign, scope: Unit, today: date) -> list[FormReview]:
    forms = list(campaign.award_forms.order_by("order", "pk"))
    by_form = {f.pk: FormReview(f) for f in forms}
    start, end = campaign.period_start, campaign.period_end

    # Proposed in the scope: the engine's own verdict on each candidate.
    candidates = Candidate.objects.filter(dossier__campaign=campaign).filter(
        Q(person__unit__path__startswith=scope.path) | Q(unit__path__startswith=scope.path)
    )
    for check in evaluate_candidates(campaign, candidates, today):
        cand = check.candidate
        if check.status in FAILING and cand is not None and cand.award_form_id in by_form:
            subject = cand.person or cand.unit
            by_form[cand.award_form_id].failing.append(
                Finding(
                    str(subject),
                    cand.person.unit.name if cand.person else cand.dossier.unit.name,
                    cand.person_id is not None,
                    check.status,
                    _reasons(check.results) + [f.text for f in check.flags if f.level == "danger"],
                    candidate=cand,
                )
            )

    # Everyone proposed in the whole campaign, by any unit, for any form.
    proposed: dict[tuple[str, int], list[int]] = defaultdict(list)
    for person_id, unit_id, form_id in Candidate.objects.filter(
        dossier__campaign=campaign
    ).values_list("person_id", "unit_id", "award_form_id"):
        proposed[("p", person_id) if person_id else ("u", unit_id)].append(form_id)

    people = list(
        Person.objects.filter(unit__path__startswith=scope.path)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=end))
        .order_by("unit__path", "full_name")
        .values_list("pk", "full_name", "category", "unit__name")
    )
    units = [
        u
        for u in Unit.objects.filter(path__startswith=scope.path)
        .exclude(pk=campaign.issuer_id)
        .select_related("parent")
        .order_by("path")
        if u.is_valid_on(end)
    ]
    person_q = Person.objects.filter(unit__path__startswith=scope.path).values("pk")
    unit_q = Unit.objects.filter(path__startswith=scope.path).values("pk")

    plans: dict[int, list[tuple[CriteriaSet, engine.Plan]]] = defaultdict(list)
    for cs in (
        CriteriaSet.objects.filter(award_form__campaign=campaign)
        .select_related("subject_category")
        .prefetch_related("criteria")
        .order_by("subject_category__order", "pk")
    ):
        if cs.is_valid_on(end):
            plans[cs.award_form_id].append((cs, engine.Plan(engine.all_of(specs_for(cs)))))

    ratings = read_ratings(person_q, unit_q)
    initiatives = read_initiatives(person_q)
    disc_person, disc_unit = defaultdict(list), defaultdict(list)
    for person_id, unit_id, name, kind_of, on, ends in Discipline.objects.filter(
        person__unit__path__startswith=scope.path
    ).values_list(
        "person_id", "person__unit_id", "person__full_name", "form", "decided_on", "ends_on"
    ):
        disc_person[person_id].append(engine.DisciplineFact(kind_of, on, ends))
        disc_unit[unit_id].append(engine.DisciplineFact(kind_of, on, ends, name))
    maternity: dict[int, set[int]] = defaultdict(set)
    for leave in MaternityLeave.objects.filter(person_id__in=person_q):
        maternity[leave.person_id] |= leave.years()
    suspended = set()
    for person_id, unit_id in (
        ReviewCase.objects.filter(Q(person_id__in=person_q) | Q(unit_id__in=unit_q))
        .filter(opened_on__lte=today)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=today))
        .values_list("person_id", "unit_id")
    ):
        suspended.add(("p", person_id) if person_id else ("u", unit_id))
    if campaign.reward_mode == RewardMode.ONE_OFF:
        for person_id, unit_id in (
            AwardRecord.objects.filter(Q(person_id__in=person_q) | Q(unit_id__in=unit_q))
            .filter(revoked_on__isnull=True)
            .filter(Q(campaign=campaign) | Q(campaign_title=campaign.title))
            .values_list("person_id", "unit_id")
        ):
            suspended.add(("p", person_id) if person_id else ("u", unit_id))
    asked, launched = launched_campaigns(units, campaign)

    names = {f.pk: f.name for f in forms}
    memo: dict = {}
    subjects: list[tuple[tuple[str, int], str, str, str | None, str | None, engine.Facts]] = []
    for pk, full_name, person_category, unit_name in people:
        facts = engine.Facts(
            "individual",
            end,
            start,
            ratings["p"].get(pk, {}),
            initiatives.get(pk, []),
            disc_person.get(pk, []),
            {},
            None,
            set(),
            {},
            maternity.get(pk, set()),
        )
        subjects.append((("p", pk), full_name, unit_name, person_category, None, facts))
    for unit in units:
        facts = engine.Facts(
            "collective",
            end,
            start,
            ratings["u"].get(unit.pk, {}),
            [],
            disc_unit.get(unit.pk, []),
            {},
            asked.get(unit.pk),
            launched.get(unit.pk, set()),
            {},
            set(),
        )
        parent = unit.parent.name if unit.parent else unit.name
        subjects.append((("u", unit.pk), unit.name, parent, None, unit.kind, facts))

    for form in forms:
        form_plans = plans.get(form.pk, ())
        for key, subject_name, unit_name, category, kind, facts in subjects:
            if form.pk in proposed.get(key, ()) or key in suspended:
                continue
            fitting = [(cs, p) for cs, p in form_plans if cs.subject_category.fits(category, kind)]
            if not fitting:
                continue
            results = [p(facts, memo) for _cs, p in fitting]
            statuses = {r.status for r in results}
            if Status.DAT in statuses:
                status = Status.DAT.value
            elif Status.CAN_XAC_NHAN in statuses and any(
                leaf.status == Status.DAT for r in results for leaf in _leaves(r)
            ):  # the history meets what it can tell; the rest waits for a confirmation
                status = Status.CAN_XAC_NHAN.value
            else:
                continue
            others = [names[f] for f in proposed.get(key, ()) if f in names]
            reasons = [] if status == Status.DAT.value else _open_points(results)
            if facts.disciplines:  # the appraiser's warning, as on a candidate
                flags = _flags(campaign, facts, (), (), ())
                reasons += [f.text for f in flags if f.code == "discipline"]
            by_form[form.pk].missed.append(
                Finding(subject_name, unit_name, key[0] == "p", status, reasons, others)
            )
    return list(by_form.values())


def _leaves(result: engine.CriterionResult) -> Iterator[engine.CriterionResult]:
    if not result.children:
        yield result
    for child in result.children:
        yield from _leaves(child)


def _reasons(results: Iterable[tuple[CriteriaSet, engine.CriterionResult]]) -> list[str]:
    """Why a candidate fails: the unmet leaf criteria with the engine's explanation."""
    found: list[str] = []
    for _cs, result in results:
        for leaf in _leaves(result):
            if leaf.status == Status.KHONG_DAT:
                text = f"{leaf.text}: {leaf.explanation}" if leaf.explanation else leaf.text
                if text not in found:
                    found.append(text)
    return found


def _open_points(results: Iterable[engine.CriterionResult]) -> list[str]:
    """What still needs confirming for a subject who may meet the criteria."""
    found: list[str] = []
    for result in results:
        for leaf in _leaves(result):
            if leaf.status == Status.CAN_XAC_NHAN and leaf.text not in found:
                found.append(leaf.text)
    return found
