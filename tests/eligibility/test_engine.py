"""The criteria engine, criterion by criterion, with the edge cases the law and the seed raise.
Pure Python: no database."""

from datetime import date

import pytest

from thidua.eligibility import engine
from thidua.eligibility.engine import (
    Attestation,
    CriterionSpec,
    DisciplineFact,
    Facts,
    InitiativeFact,
    Status,
    clean_params,
    describe,
    evaluate,
    evaluate_all,
    months_before,
)

REF = date(2020, 10, 31)


def spec(kind, params=None, children=(), key="c1", text="Tiêu chuẩn"):
    return CriterionSpec(
        key=key, kind=kind, text=text, params=params or {}, children=tuple(children)
    )


def facts(**kw):
    kw.setdefault("subject_kind", "individual")
    kw.setdefault("reference_date", REF)
    return Facts(**kw)


# --- rating streak -----------------------------------------------------------------------
STREAK = spec("rating_streak", {"years": 2, "min_level": "tot", "last_year_offset": 1})


def test_two_good_years_pass_and_excellent_counts_as_good():
    result = evaluate(STREAK, facts(ratings={2018: "tot", 2019: "xuat_sac"}))
    assert result.status == Status.DAT
    assert "Năm 2018: Hoàn thành tốt nhiệm vụ" in result.explanation
    assert "năm 2019: Hoàn thành xuất sắc nhiệm vụ" in result.explanation


def test_one_year_below_fails_naming_the_year():
    result = evaluate(STREAK, facts(ratings={2018: "hoan_thanh", 2019: "tot"}))
    assert result.status == Status.KHONG_DAT
    assert "năm 2018: Hoàn thành nhiệm vụ" in result.explanation


def test_missing_year_needs_confirmation():
    result = evaluate(STREAK, facts(ratings={2019: "tot"}))
    assert result.status == Status.CAN_XAC_NHAN
    assert "Chưa có kết quả đánh giá năm 2018" in result.explanation


def test_a_low_year_wins_over_a_missing_one():
    assert evaluate(STREAK, facts(ratings={2019: "khong_hoan_thanh"})).status == Status.KHONG_DAT


def test_offset_zero_includes_the_reference_year():
    streak = spec("rating_streak", {"years": 2, "min_level": "tot", "last_year_offset": 0})
    assert evaluate(streak, facts(ratings={2018: "tot", 2019: "tot"})).status == Status.CAN_XAC_NHAN
    assert evaluate(streak, facts(ratings={2019: "tot", 2020: "tot"})).status == Status.DAT


def test_offset_defaults_to_one():
    streak = spec("rating_streak", {"years": 1, "min_level": "tot"})
    assert evaluate(streak, facts(ratings={2019: "tot"})).status == Status.DAT


# --- initiatives -------------------------------------------------------------------------
INITIATIVE = spec(
    "initiative_count", {"min_count": 1, "min_authority": "huyen", "window_months": 24}
)


def initiative(day, level="huyen", used_for=None, title="Sáng kiến A"):
    return InitiativeFact(
        key=title, title=title, recognized_on=day, authority_level=level, used_for=used_for
    )


def test_initiative_on_the_reference_date_counts():
    result = evaluate(INITIATIVE, facts(initiatives=[initiative(REF)]))
    assert result.status == Status.DAT and "“Sáng kiến A” (31/10/2020)" in result.explanation


def test_initiative_one_day_outside_the_window_does_not_count():
    # The window is (31/10/2018, 31/10/2020]: 31/10/2018 itself is outside, 01/11/2018 inside.
    assert (
        evaluate(INITIATIVE, facts(initiatives=[initiative(date(2018, 11, 1))])).status
        == Status.DAT
    )
    result = evaluate(INITIATIVE, facts(initiatives=[initiative(date(2018, 10, 31))]))
    assert result.status == Status.KHONG_DAT
    assert "ngoài khoảng xét" in result.explanation and "31/10/2018" in result.explanation


def test_initiative_after_the_reference_date_does_not_count():
    assert (
        evaluate(INITIATIVE, facts(initiatives=[initiative(date(2020, 11, 1))])).status
        == Status.KHONG_DAT
    )


def test_initiative_recognised_too_low_does_not_count():
    result = evaluate(INITIATIVE, facts(initiatives=[initiative(date(2020, 1, 1), level="co_so")]))
    assert result.status == Status.KHONG_DAT and "chưa đủ cấp" in result.explanation


def test_an_initiative_serves_one_award_only():
    used = initiative(date(2020, 1, 1), used_for="Chiến sĩ thi đua cơ sở năm 2019")
    result = evaluate(INITIATIVE, facts(initiatives=[used]))
    assert result.status == Status.KHONG_DAT
    assert "đã dùng làm căn cứ khen thưởng: Chiến sĩ thi đua cơ sở năm 2019" in result.explanation


def test_higher_authority_counts():
    assert (
        evaluate(INITIATIVE, facts(initiatives=[initiative(date(2020, 1, 1), level="tinh")])).status
        == Status.DAT
    )


def test_month_arithmetic_clamps_to_month_end():
    assert months_before(date(2020, 3, 31), 1) == date(2020, 2, 29)
    assert months_before(date(2021, 3, 31), 1) == date(2021, 2, 28)
    assert months_before(date(2020, 1, 15), 13) == date(2018, 12, 15)


# --- numbers (the seed's households and workers rule) ------------------------------------
HOUSEHOLDS = spec(
    "all_of",
    children=[
        spec(
            "number_at_least",
            {
                "fact": "ho_thoat_ngheo",
                "fact_label": "Số hộ được giúp đỡ thoát nghèo",
                "min": 3,
                "unit": "hộ",
            },
            key="h",
        ),
        spec(
            "number_at_least",
            {"fact": "lao_dong", "fact_label": "Số lao động địa phương", "min": 5, "unit": "người"},
            key="w",
        ),
    ],
)


def test_three_households_and_five_workers_pass():
    assert (
        evaluate(HOUSEHOLDS, facts(numbers={"ho_thoat_ngheo": 3, "lao_dong": 5})).status
        == Status.DAT
    )


def test_two_households_fail_with_the_numbers_explained():
    result = evaluate(HOUSEHOLDS, facts(numbers={"ho_thoat_ngheo": 2, "lao_dong": 5}))
    assert result.status == Status.KHONG_DAT
    assert (
        result.children[0].explanation
        == "Số hộ được giúp đỡ thoát nghèo: 2 hộ, cần tối thiểu 3 hộ."
    )


def test_missing_figure_needs_confirmation():
    result = evaluate(HOUSEHOLDS, facts(numbers={"ho_thoat_ngheo": 4}))
    assert result.status == Status.CAN_XAC_NHAN
    assert result.children[1].explanation == "Chưa nhập số liệu: Số lao động địa phương."


# --- discipline --------------------------------------------------------------------------
PERIOD_START = date(2020, 3, 1)


def no_discipline(min_form="khien_trach", months=0):
    return spec("no_discipline", {"min_form": min_form, "window_months": months})


def test_reprimand_in_the_period_fails():
    result = evaluate(
        no_discipline(),
        facts(
            period_start=PERIOD_START,
            disciplines=[DisciplineFact("khien_trach", date(2020, 5, 12))],
        ),
    )
    assert result.status == Status.KHONG_DAT and "Khiển trách ngày 12/05/2020" in result.explanation


def test_reprimand_is_below_a_warning_threshold():
    result = evaluate(
        no_discipline("canh_cao"),
        facts(
            period_start=PERIOD_START,
            disciplines=[DisciplineFact("khien_trach", date(2020, 5, 12))],
        ),
    )
    assert result.status == Status.DAT


def test_expired_discipline_does_not_count():
    old = DisciplineFact("canh_cao", date(2018, 1, 10), ends_on=date(2019, 1, 9))
    assert (
        evaluate(no_discipline(), facts(period_start=PERIOD_START, disciplines=[old])).status
        == Status.DAT
    )


def test_discipline_still_in_force_counts_though_decided_before():
    running = DisciplineFact("khien_trach", date(2019, 9, 1), ends_on=date(2020, 8, 31))
    assert (
        evaluate(no_discipline(), facts(period_start=PERIOD_START, disciplines=[running])).status
        == Status.KHONG_DAT
    )


def test_collective_wording_names_the_member():
    result = evaluate(
        no_discipline(),
        facts(
            subject_kind="collective",
            period_start=PERIOD_START,
            disciplines=[DisciplineFact("khien_trach", date(2020, 6, 1), person_name="Lý Thị Mẩy")],
        ),
    )
    assert "Lý Thị Mẩy: Khiển trách" in result.explanation
    clean = evaluate(no_discipline(), facts(subject_kind="collective", period_start=PERIOD_START))
    assert clean.status == Status.DAT and clean.explanation.startswith(
        "Không có cá nhân nào bị kỷ luật"
    )


def test_window_in_months_overrides_the_period():
    old = DisciplineFact("khien_trach", date(2019, 12, 1), ends_on=date(2019, 12, 31))
    assert (
        evaluate(
            no_discipline(months=12), facts(period_start=PERIOD_START, disciplines=[old])
        ).status
        == Status.KHONG_DAT
    )
    assert (
        evaluate(
            no_discipline(months=0), facts(period_start=PERIOD_START, disciplines=[old])
        ).status
        == Status.DAT
    )


# --- campaigns launched ------------------------------------------------------------------
LAUNCHED = spec("launched_all_campaigns")
ASKED = [("1", "Đợt thi đua 70 năm giải phóng Sa Pa"), ("2", "Phong trào Dân vận khéo")]


def test_all_campaigns_launched_pass():
    result = evaluate(LAUNCHED, facts(campaigns_asked=ASKED, campaigns_launched={"1", "2"}))
    assert result.status == Status.DAT and "đủ 2 đợt" in result.explanation


def test_a_campaign_not_launched_fails_with_its_title():
    result = evaluate(LAUNCHED, facts(campaigns_asked=ASKED, campaigns_launched={"1"}))
    assert result.status == Status.KHONG_DAT and "Phong trào Dân vận khéo" in result.explanation


def test_unknown_plans_need_confirmation():
    assert evaluate(LAUNCHED, facts()).status == Status.CAN_XAC_NHAN


# --- attested and discretionary ----------------------------------------------------------
def test_attested_waits_for_a_person_then_follows_them():
    assert evaluate(spec("attested"), facts()).status == Status.CAN_XAC_NHAN
    yes = evaluate(
        spec("attested"),
        facts(attestations={"c1": Attestation(True, "Biên bản họp cơ quan", "Oanh")}),
    )
    assert (
        yes.status == Status.DAT
        and "Biên bản họp cơ quan" in yes.explanation
        and "Oanh" in yes.explanation
    )
    assert (
        evaluate(spec("attested"), facts(attestations={"c1": Attestation(False)})).status
        == Status.KHONG_DAT
    )


def test_discretionary_is_the_councils_choice():
    result = evaluate(spec("discretionary"), facts())
    assert result.status == Status.CAN_XAC_NHAN and "Hội đồng TĐKT lựa chọn" in result.explanation


# --- groups ------------------------------------------------------------------------------
PASS = spec("number_at_least", {"fact": "a", "fact_label": "A", "min": 1}, key="p")
FAIL = spec("number_at_least", {"fact": "b", "fact_label": "B", "min": 9}, key="f")
ASK = spec("attested", key="q")
NUMBERS = {"a": 1, "b": 1}


@pytest.mark.parametrize(
    ("kind", "children", "expected"),
    [
        ("all_of", [PASS, PASS], Status.DAT),
        ("all_of", [PASS, FAIL], Status.KHONG_DAT),
        ("all_of", [PASS, ASK], Status.CAN_XAC_NHAN),
        ("all_of", [FAIL, ASK], Status.KHONG_DAT),
        ("any_of", [FAIL, PASS], Status.DAT),
        ("any_of", [FAIL, ASK], Status.CAN_XAC_NHAN),
        ("any_of", [FAIL, FAIL], Status.KHONG_DAT),
        ("all_of", [], Status.CAN_XAC_NHAN),
    ],
)
def test_group_logic(kind, children, expected):
    assert evaluate(spec(kind, children=children), facts(numbers=NUMBERS)).status == expected


def test_nested_groups():
    tree = spec("all_of", children=[PASS, spec("any_of", key="g", children=[FAIL, PASS])])
    result = evaluate(tree, facts(numbers=NUMBERS))
    assert result.status == Status.DAT and result.children[1].children[0].status == Status.KHONG_DAT


# --- parameters --------------------------------------------------------------------------
def test_negative_threshold_is_refused_naming_the_field():
    _params, errors = clean_params("number_at_least", {"fact": "x", "fact_label": "X", "min": -1})
    assert errors == {"min": "Ngưỡng tối thiểu không được âm."}


def test_zero_years_refused_and_strings_coerced():
    assert clean_params("rating_streak", {"years": "0", "min_level": "tot"})[1]["years"] == (
        "Số năm liên tục phải lớn hơn hoặc bằng 1."
    )
    params, errors = clean_params("rating_streak", {"years": "2", "min_level": "tot"})
    assert errors == {} and params == {
        "years": 2,
        "min_level": "tot",
        "last_year_offset": 1,
        "when_missing": "xac_nhan",
    }


def test_bad_choice_non_integer_unknown_param_and_unknown_kind():
    assert (
        "không hợp lệ"
        in clean_params("rating_streak", {"years": 2, "min_level": "gioi"})[1]["min_level"]
    )
    assert clean_params("rating_streak", {"years": "hai", "min_level": "tot"})[1]["years"] == (
        "Số năm liên tục phải là số nguyên."
    )
    assert clean_params("rating_streak", {"years": True, "min_level": "tot"})[1]["years"]
    assert "nam" in clean_params("rating_streak", {"years": 2, "min_level": "tot", "nam": 1})[1]
    assert clean_params("sao_hoa", {})[1] == {"kind": "Loại tiêu chuẩn không hợp lệ: sao_hoa."}
    assert (
        "fact"
        in clean_params("number_at_least", {"fact": "Hộ nghèo", "fact_label": "X", "min": 1})[1]
    )


def test_every_kind_has_an_evaluator_or_is_a_group_and_a_description():
    for code, kind in engine.KINDS.items():
        assert kind.is_group or code in engine.EVALUATORS
        params = {
            p.name: p.default if p.default is not None else (p.choices[0][0] if p.choices else 1)
            for p in kind.params
        }
        params.update({"fact": "x", "fact_label": "X"} if code == "number_at_least" else {})
        assert describe(spec(code, params))


# --- the seed's whole set for cán bộ, công chức, viên chức --------------------------------
def seed_cbccvc():
    return [
        spec("attested", key="a1"),
        spec("attested", key="a2"),
        spec("attested", key="a3"),
        spec(
            "all_of",
            key="g",
            children=[
                spec("attested", key="a4"),
                spec(
                    "rating_streak",
                    {"years": 2, "min_level": "tot", "last_year_offset": 1},
                    key="r",
                ),
                spec(
                    "initiative_count",
                    {"min_count": 1, "min_authority": "huyen", "window_months": 24},
                    key="i",
                ),
            ],
        ),
        spec("attested", key="a5"),
    ]


def test_seed_set_needs_confirmation_until_attested_then_passes():
    candidate = facts(
        ratings={2018: "tot", 2019: "xuat_sac"}, initiatives=[initiative(date(2019, 11, 20))]
    )
    assert evaluate_all(seed_cbccvc(), candidate).status == Status.CAN_XAC_NHAN
    candidate.attestations = {k: Attestation(True) for k in ("a1", "a2", "a3", "a4", "a5")}
    result = evaluate_all(seed_cbccvc(), candidate)
    assert result.status == Status.DAT and result.key == "__all__"


def test_seed_set_fails_without_an_initiative_even_when_attested():
    candidate = facts(
        ratings={2018: "tot", 2019: "tot"},
        attestations={k: Attestation(True) for k in ("a1", "a2", "a3", "a4", "a5")},
    )
    result = evaluate_all(seed_cbccvc(), candidate)
    assert result.status == Status.KHONG_DAT
    assert result.children[3].children[2].explanation.startswith("Có 0 sáng kiến hợp lệ")
