"""engine.Plan (many candidates, shared memo) must give exactly what engine.evaluate gives."""

import random
from datetime import date

import pytest

from thidua.eligibility import engine
from thidua.eligibility.engine import (
    Attestation,
    CriterionSpec,
    DisciplineFact,
    Facts,
    InitiativeFact,
    Plan,
    evaluate,
)
from thidua.eligibility.kinds import defaults
from thidua.eligibility.plan import fact_key

TREE = engine.all_of(
    [
        CriterionSpec("1", "attested", "Chấp hành tốt"),
        CriterionSpec(
            "2",
            "any_of",
            "Một trong các thành tích",
            {},
            (
                CriterionSpec(
                    "3", "rating_streak", "Hai năm tốt", {"years": 2, "min_level": "tot"}
                ),
                CriterionSpec(
                    "4",
                    "initiative_count",
                    "Một sáng kiến",
                    {"min_count": 1, "min_authority": "co_so", "window_months": 24},
                ),
            ),
        ),
        CriterionSpec(
            "5",
            "number_at_least",
            "Hộ thoát nghèo",
            {"fact": "ho", "fact_label": "Số hộ thoát nghèo", "min": 3},
        ),
        CriterionSpec("6", "no_discipline", "Không bị kỷ luật", {"min_form": "khien_trach"}),
        CriterionSpec("7", "discretionary", "Hội đồng chọn"),
        CriterionSpec("8", "launched_all_campaigns", "Phát động đủ"),
    ]
)


def random_facts(rng: random.Random) -> Facts:
    levels = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"]
    return Facts(
        subject_kind=rng.choice(["individual", "collective"]),
        reference_date=rng.choice([date(2020, 10, 31), date(2021, 10, 31)]),
        period_start=date(2020, 3, 1),
        ratings={y: rng.choice(levels) for y in range(2016, 2021) if rng.random() < 0.9},
        initiatives=[
            InitiativeFact(
                str(i),
                f"Sáng kiến {i % 3}",
                date(2019, rng.randint(1, 12), 1),
                rng.choice(["co_so", "huyen"]),
                rng.choice([None, "CSTĐ 2019"]),
            )
            for i in range(rng.choice([0, 0, 1, 2]))
        ],
        disciplines=[
            DisciplineFact("khien_trach", date(2020, rng.randint(1, 12), 1))
            for _ in range(rng.choice([0, 0, 0, 1]))
        ],
        numbers=rng.choice([{}, {"ho": 2}, {"ho": 3}]),
        campaigns_asked=rng.choice([None, [("a", "Đợt A")]]),
        campaigns_launched=rng.choice([set(), {"a"}]),
        attestations=rng.choice(
            [{}, {"1": Attestation(True, "ok", "Lan")}, {"7": Attestation(False)}]
        ),
        maternity_years=rng.choice([set(), {2019}]),
    )


def test_plan_with_a_shared_memo_equals_evaluate_for_every_candidate():
    rng = random.Random(7)
    plan, memo = Plan(TREE), {}
    cases = [random_facts(rng) for _ in range(3000)]
    for facts in cases:
        assert plan(facts, memo) == evaluate(TREE, facts)
    # The memo did share work: a criterion reading one attestation or one number has at most
    # as many results as there are distinct values, whatever the number of candidates.
    attested = plan.children[0]
    number = plan.children[2]
    assert len([k for k in memo if k[0] is attested]) <= 3
    assert len([k for k in memo if k[0] is number]) <= 3


def test_every_kind_says_what_it_reads():
    for code, kind in engine.KINDS.items():
        if not kind.is_group:
            fact_key(CriterionSpec("k", code, "t"), defaults(kind))


def test_a_kind_without_a_fact_key_is_refused():
    with pytest.raises(ValueError, match="No fact key"):
        fact_key(CriterionSpec("k", "new_kind", "t"), {})
