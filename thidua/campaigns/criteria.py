"""Bridge between stored criteria rows and the pure eligibility engine."""

from __future__ import annotations

from collections.abc import Iterable

from thidua.eligibility import engine
from thidua.org.models import Person, Unit
from thidua.records.members import members_with_ratings
from thidua.records.models import AnnualRating, Discipline, Initiative

from .models import Campaign, CriteriaSet, Criterion


def to_spec(
    criterion: Criterion, children_of: dict[int | None, list[Criterion]]
) -> engine.CriterionSpec:
    return engine.CriterionSpec(
        key=str(criterion.pk),
        kind=criterion.kind,
        text=criterion.text,
        params=criterion.params,
        children=tuple(to_spec(child, children_of) for child in children_of.get(criterion.pk, [])),
    )


def specs_for(
    criteria_set: CriteriaSet, criteria: Iterable[Criterion] | None = None
) -> list[engine.CriterionSpec]:
    """The set's top-level criteria as engine specs (uses prefetched rows when present);
    ``criteria``: the set's rows already read, in their order."""
    children_of: dict[int | None, list[Criterion]] = {}
    for criterion in criteria_set.criteria.all() if criteria is None else criteria:
        children_of.setdefault(criterion.parent_id, []).append(criterion)
    return [to_spec(c, children_of) for c in children_of.get(None, [])]


def describe(criterion: Criterion) -> str:
    return engine.describe(
        engine.CriterionSpec(
            key=str(criterion.pk), kind=criterion.kind, text=criterion.text, params=criterion.params
        )
    )


def facts_for(subject: Person | Unit, campaign: Campaign) -> engine.Facts:
    """The facts the engine needs about a person or a collective, read from the history."""
    if isinstance(subject, Person):
        ratings = AnnualRating.objects.filter(person=subject)
        disciplines = Discipline.objects.filter(person=subject)
        initiatives = [
            engine.InitiativeFact(
                key=str(i.pk),
                title=i.title,
                recognized_on=i.recognized_on,
                authority_level=i.authority_level,
                used_for=i.used_for or None,
            )
            for i in Initiative.objects.filter(person=subject)
        ]
    else:
        ratings = AnnualRating.objects.filter(unit=subject)
        disciplines = Discipline.objects.filter(person__unit=subject).select_related("person")
        initiatives = []
    is_person = isinstance(subject, Person)
    members = (
        None
        if is_person
        else tuple(
            engine.MemberFact(*row)
            for row in members_with_ratings([subject.pk]).get(subject.pk, [])
        )
    )
    return engine.Facts(
        subject_kind="individual" if is_person else "collective",
        reference_date=campaign.period_end,
        period_start=campaign.period_start,
        ratings={r.year: r.level for r in ratings},
        initiatives=initiatives,
        disciplines=[
            engine.DisciplineFact(
                form=d.form,
                decided_on=d.decided_on,
                ends_on=d.ends_on,
                person_name="" if is_person else d.person.full_name,
            )
            for d in disciplines
        ],
        members=members,
    )


def matching_sets(subject: Person | Unit, campaign: Campaign) -> list[CriteriaSet]:
    """Criteria sets of the campaign for the subject's category, valid at the end of the period."""
    day = campaign.period_end
    sets = (
        CriteriaSet.objects.filter(award_form__campaign=campaign)
        .select_related("award_form", "subject_category")
        .prefetch_related("criteria")
        .order_by("award_form__order", "subject_category__order")
    )
    if isinstance(subject, Person):
        person_category, unit_kind = subject.category, None
    else:
        person_category, unit_kind = None, subject.kind
    return [
        criteria_set
        for criteria_set in sets
        if criteria_set.subject_category.fits(person_category, unit_kind)
        and criteria_set.is_valid_on(day)
    ]


def check(
    subject: Person | Unit, campaign: Campaign
) -> list[tuple[CriteriaSet, engine.CriterionResult]]:
    facts = facts_for(subject, campaign)
    return [(s, engine.evaluate_all(specs_for(s), facts)) for s in matching_sets(subject, campaign)]
