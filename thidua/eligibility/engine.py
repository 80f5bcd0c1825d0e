"""The criteria engine: pure Python over plain facts, no Django.

A criterion is data (``CriterionSpec``: a kind, the plan's own wording, parameters and, for
groups, children). ``evaluate`` turns one candidate's ``Facts`` into a ``CriterionResult`` per
criterion, đạt / không đạt / cần xác nhận, each with a Vietnamese explanation. ``KINDS``
describes every kind and its parameters so that forms and the API are built from it.

This module is the engine's one door; the parts live beside it: ``facts`` (what goes in and
out), ``kinds`` (the registry, parameter checks, summaries), ``rules`` (each kind's rule) and
``plan`` (many candidates at once, sharing results).
"""

from __future__ import annotations

from .facts import (
    Attestation,
    CriterionResult,
    CriterionSpec,
    DisciplineFact,
    Facts,
    InitiativeFact,
    MemberFact,
    Status,
)
from .kinds import (
    KIND_CHOICES,
    KINDS,
    RATING_KINDS,
    KindSpec,
    ParamSpec,
    clean_params,
    code_from_label,
    describe,
    validate_params,
)
from .plan import Plan
from .rules import (
    EVALUATORS,
    all_of,
    attestable_when_missing,
    evaluate,
    evaluate_all,
    months_before,
    not_rated_yet,
)

__all__ = [
    "EVALUATORS",
    "KINDS",
    "KIND_CHOICES",
    "Attestation",
    "CriterionResult",
    "CriterionSpec",
    "DisciplineFact",
    "Facts",
    "InitiativeFact",
    "MemberFact",
    "RATING_KINDS",
    "attestable_when_missing",
    "code_from_label",
    "not_rated_yet",
    "KindSpec",
    "ParamSpec",
    "Plan",
    "Status",
    "all_of",
    "clean_params",
    "describe",
    "evaluate",
    "evaluate_all",
    "months_before",
    "validate_params",
]
