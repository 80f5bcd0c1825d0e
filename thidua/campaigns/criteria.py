"""Bridge between stored criteria rows and the pure eligibility engine."""

from __future__ import annotations

from thidua.eligibility import engine

from .models import CriteriaSet, Criterion


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


def specs_for(criteria_set: CriteriaSet) -> list[engine.CriterionSpec]:
    """The set's top-level criteria as engine specs (uses prefetched rows when present)."""
    children_of: dict[int | None, list[Criterion]] = {}
    for criterion in criteria_set.criteria.all():
        children_of.setdefault(criterion.parent_id, []).append(criterion)
    return [to_spec(c, children_of) for c in children_of.get(None, [])]


def describe(criterion: Criterion) -> str:
    return engine.describe(engine.CriterionSpec(key=str(criterion.pk), kind=criterion.kind, text=criterion.text,
                                                params=criterion.params))  # fmt: skip
