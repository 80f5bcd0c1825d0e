"""Many candidates at once.

A campaign evaluates the same criteria for thousands of candidates, most of whom present the
same relevant facts (the same two ratings, no initiative, no discipline). ``Plan`` evaluates
like ``evaluate`` but remembers each criterion's result per distinct relevant facts, in a
memo the caller shares across candidates. Results are immutable, so sharing them is safe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from .facts import CriterionResult, CriterionSpec, Facts
from .kinds import KINDS, defaults
from .rules import EVALUATORS, evaluate, group_result

# What of a candidate's facts a criterion reads, as a hashable key.
FactKey = Callable[[Facts], object]
# Results shared across candidates: (plan, key of the facts) → result.
Memo = dict[tuple["Plan", object], CriterionResult]


def fact_key(spec: CriterionSpec, params: Mapping[str, Any]) -> FactKey:
    """What of the facts the criterion reads, as a hashable key. A new kind must say here
    what it reads, or two candidates could share a wrong result."""
    match spec.kind:
        case "attested" | "discretionary":
            return lambda f: f.attestations.get(spec.key)
        case "rating_streak":
            offset, count = params.get("last_year_offset", 1), params["years"]
            cached: list[Any] = [None, ()]  # (reference year, years checked), same for a campaign

            def key(f: Facts) -> tuple[object, ...]:
                year = f.reference_date.year
                if cached[0] != year:
                    end = year - offset
                    cached[:] = [year, tuple(range(end - count + 1, end + 1))]
                years = cached[1]
                ratings = f.ratings.get
                if f.maternity_years:
                    return year, tuple(map(ratings, years)), tuple(f.maternity_years & set(years))
                return year, tuple(map(ratings, years))

            if offset == 0:  # the reference year may not be rated yet: a confirmation decides
                return lambda f: (key(f), f.attestations.get(spec.key))
            return key
        case "members_rated":
            year_offset = params.get("year_offset") or 0

            def members_key(f: Facts) -> tuple[object, ...]:
                ref = f.reference_date
                year = ref.year - year_offset
                if f.members is None:
                    return ref, None, f.attestations.get(spec.key)
                day = min(date(year, 12, 31), ref)
                levels = sorted(m.ratings.get(year) or "" for m in f.members if m.member_on(day))
                return ref, tuple(levels), f.attestations.get(spec.key)

            return members_key
        case "unit_rated":
            unit_offset = params.get("year_offset") or 0
            return lambda f: (
                f.reference_date,
                f.subject_kind,
                f.ratings.get(f.reference_date.year - unit_offset),
                f.attestations.get(spec.key),
            )
        case "initiative_count":
            return lambda f: (f.reference_date, tuple(f.initiatives))
        case "number_at_least":
            return lambda f: f.numbers.get(params["fact"])
        case "no_discipline":
            return lambda f: (
                f.reference_date,
                f.period_start,
                f.subject_kind,
                tuple(f.disciplines),
            )
        case "launched_all_campaigns":
            return lambda f: (
                None if f.campaigns_asked is None else tuple(f.campaigns_asked),
                frozenset(f.campaigns_launched),
            )
    raise ValueError(f"No fact key for criterion kind {spec.kind!r}: add one to fact_key.")


class Plan:
    """A criterion compiled for repeated evaluation with a shared memo."""

    def __init__(self, spec: CriterionSpec) -> None:
        self.spec = spec
        kind = KINDS.get(spec.kind)
        self.is_group = bool(kind and kind.is_group)
        self.children = tuple(Plan(child) for child in spec.children) if self.is_group else ()
        self.params = {**defaults(kind), **spec.params} if kind and not self.is_group else {}
        self.key: FactKey | None = (
            fact_key(spec, self.params) if kind and not self.is_group else None
        )
        self.rule = EVALUATORS[spec.kind] if self.key is not None else None
        # A group is looked up once, by the keys of all its leaves, when they all have one.
        leaves = self.leaves()
        keys = [leaf.key for leaf in leaves if leaf.key is not None]
        self.leaf_keys: list[FactKey] | None = keys if len(keys) == len(leaves) else None
        self._alone = self._compile()

    def leaves(self) -> list[Plan]:
        return (
            [leaf for child in self.children for leaf in child.leaves()]
            if self.is_group
            else [self]
        )

    def __call__(self, facts: Facts, memo: Memo) -> CriterionResult:
        if not self.is_group:
            return self._leaf(facts, memo, self.key(facts) if self.key else None)
        if self.leaf_keys is None:
            return self._group(facts, memo, None)
        keys = [leaf_key(facts) for leaf_key in self.leaf_keys]
        key = (self, tuple(keys))
        result = memo.get(key)
        if result is None:
            result = memo[key] = self._group(facts, memo, iter(keys))
        return result

    def alone(self, facts: Facts) -> CriterionResult:
        """The result for one candidate on its own: nothing looked up or remembered (the same
        result as ``__call__``, without the keys a shared memo needs)."""
        return self._alone(facts)

    def _compile(self) -> Callable[[Facts], CriterionResult]:
        """``alone`` as a closure over what does not change between candidates: a campaign
        runs it once per candidate and criterion."""
        spec = self.spec
        if self.is_group:
            children = [child._compile() for child in self.children]
            if not children:
                return lambda facts: group_result(spec, ())
            return lambda facts: group_result(spec, tuple([child(facts) for child in children]))
        rule = self.rule
        if rule is None:
            return lambda facts: evaluate(spec, facts)
        params, key, text = self.params, spec.key, spec.text
        new = tuple.__new__

        def leaf(facts: Facts) -> CriterionResult:
            return new(CriterionResult, (key, text, *rule(spec, params, facts), ()))

        return leaf

    def _group(self, facts: Facts, memo: Memo, keys: Iterator[object] | None) -> CriterionResult:
        # ``keys``: the leaf keys already computed, in the order of ``leaves()``.
        children = tuple(
            child._group(facts, memo, keys)
            if child.is_group
            else child._leaf(facts, memo, next(keys) if keys else None)
            for child in self.children
        )
        return group_result(self.spec, children)

    def _leaf(self, facts: Facts, memo: Memo, known_key: object) -> CriterionResult:
        if self.key is None:
            return evaluate(self.spec, facts)
        key = (self, known_key if known_key is not None else self.key(facts))
        result = memo.get(key)
        if result is None:
            status, explanation = EVALUATORS[self.spec.kind](self.spec, self.params, facts)
            result = memo[key] = CriterionResult(self.spec.key, self.spec.text, status, explanation)
        return result
