"""The collective criteria that read ratings: a share of members rated at least a level, the
unit's own rating, and what a criterion says when the year cannot have been rated yet."""

from datetime import date

from thidua.eligibility.engine import (
    Attestation,
    CriterionSpec,
    Facts,
    MemberFact,
    Plan,
    Status,
    attestable_when_missing,
    clean_params,
    code_from_label,
    evaluate,
)

END_2026 = date(2026, 11, 30)


def members(levels_2025, joined_2026=0, left_2024=0):
    rows = [
        MemberFact(i, None, None, {2025: level} if level else {})
        for i, level in enumerate(levels_2025, start=1)
    ]
    rows += [MemberFact(100 + i, date(2026, 2, 1), None, {}) for i in range(joined_2026)]
    rows += [MemberFact(200 + i, None, date(2024, 6, 30), {}) for i in range(left_2024)]
    return tuple(rows)


def collective(members_, ref=END_2026, ratings=None, attestations=None):
    return Facts(
        "collective",
        ref,
        members=members_,
        ratings=ratings or {},
        attestations=attestations or {},
    )


def spec(kind="members_rated", **params):
    base = {"min_percent": 80, "min_level": "tot"} if kind == "members_rated" else {}
    return CriterionSpec("7", kind, "Tỉ lệ thành viên", {**base, **params})


def test_share_of_members_counts_members_of_the_year_only():
    # 12 of 15 members of 2025 rated tốt or better; two joined in 2026 and one left in 2024:
    # neither counts for 2025.
    levels = ["xuat_sac"] * 4 + ["tot"] * 8 + ["hoan_thanh"] * 3
    result = evaluate(spec(), collective(members(levels, joined_2026=2, left_2024=1)))
    assert result.status is Status.DAT
    assert result.explanation == (
        "12/15 thành viên (80%) đạt Hoàn thành tốt nhiệm vụ trở lên năm 2025, cần tối thiểu 80%."
    )


def test_share_below_threshold_fails_with_counts():
    levels = ["tot"] * 2 + ["hoan_thanh"]
    result = evaluate(spec(), collective(members(levels)))
    assert result.status is Status.KHONG_DAT
    assert result.explanation == (
        "2/3 thành viên (66,7%) đạt Hoàn thành tốt nhiệm vụ trở lên năm 2025, cần tối thiểu 80%."
    )


def test_unrated_members_that_could_change_the_result_ask_for_the_data():
    levels = ["tot"] * 3 + [None]
    result = evaluate(spec(), collective(members(levels)))
    assert result.status is Status.CAN_XAC_NHAN
    assert "3/4 thành viên (75%)" in result.explanation
    assert "1 thành viên chưa có kết quả đánh giá năm 2025" in result.explanation


def test_year_not_rated_yet_falls_back_to_attestation_in_plain_words():
    result = evaluate(spec(year_offset=0), collective(members(["tot"])))
    assert result.status is Status.CAN_XAC_NHAN
    assert result.explanation == (
        "Kết quả đánh giá năm 2026 chưa thể có: đợt thi đua kết thúc ngày 30/11/2026, trước kỳ "
        "đánh giá, xếp loại cuối năm: cần cán bộ có thẩm quyền xác nhận tiêu chuẩn này."
    )
    confirmed = collective(members(["tot"]), attestations={"7": Attestation(True, "", "Chị Lan")})
    result = evaluate(spec(year_offset=0), confirmed)
    assert result.status is Status.DAT and "Đã xác nhận đạt (Chị Lan)" in result.explanation
    assert attestable_when_missing("members_rated", {"year_offset": 0}, END_2026)
    assert not attestable_when_missing("members_rated", {"year_offset": 1}, END_2026)


def test_when_missing_can_be_set_to_fail():
    result = evaluate(spec(year_offset=0, when_missing="khong_dat"), collective(members(["tot"])))
    assert result.status is Status.KHONG_DAT
    assert result.explanation.endswith("tiêu chuẩn quy định tính là không đạt.")
    assert not attestable_when_missing(
        "members_rated", {"year_offset": 0, "when_missing": "khong_dat"}, END_2026
    )


def test_rating_streak_reading_the_campaign_year_follows_when_missing():
    person = Facts("individual", END_2026, ratings={2025: "tot"})
    streak = CriterionSpec(
        "3", "rating_streak", "2 năm", {"years": 2, "min_level": "tot", "last_year_offset": 0}
    )
    result = evaluate(streak, person)
    assert result.status is Status.CAN_XAC_NHAN
    assert result.explanation.startswith("Kết quả đánh giá năm 2026 chưa thể có")


def test_unit_rated():
    rated = collective((), ratings={2025: "xuat_sac"})
    result = evaluate(spec("unit_rated", min_level="xuat_sac"), rated)
    assert result.status is Status.DAT
    assert result.explanation == "Tập thể được đánh giá năm 2025: Hoàn thành xuất sắc nhiệm vụ."
    low = evaluate(spec("unit_rated", min_level="xuat_sac"), collective((), ratings={2025: "tot"}))
    assert low.status is Status.KHONG_DAT
    missing = evaluate(spec("unit_rated"), collective(()))
    assert missing.status is Status.CAN_XAC_NHAN
    assert missing.explanation == "Chưa có kết quả đánh giá năm 2025 của tập thể."


def test_plan_shares_results_only_between_equal_member_counts():
    plan = Plan(spec())
    memo: dict = {}
    passing = collective(members(["tot"] * 4 + ["hoan_thanh"]))
    failing = collective(members(["tot"] * 3 + ["hoan_thanh"] * 2))
    assert plan(passing, memo).status is Status.DAT
    assert plan(failing, memo).status is Status.KHONG_DAT
    assert plan(collective(members(["hoan_thanh"] + ["tot"] * 4)), memo).status is Status.DAT


def test_data_key_is_generated_from_its_vietnamese_label():
    assert code_from_label("Số hộ thoát nghèo") == "so_ho_thoat_ngheo"
    assert code_from_label("Đường giao thông (km)") == "duong_giao_thong_km"
    params, errors = clean_params(
        "number_at_least", {"fact_label": "Số hộ thoát nghèo", "min": "3"}
    )
    assert errors == {} and params["fact"] == "so_ho_thoat_ngheo"
    # A code already stored is kept (candidates' figures are filed under it).
    params, _ = clean_params(
        "number_at_least", {"fact_label": "Số hộ thoát nghèo", "fact": "ho_thoat_ngheo", "min": 3}
    )
    assert params["fact"] == "ho_thoat_ngheo"
    assert clean_params("number_at_least", {"fact_label": "!!!", "min": 3})[1] == {
        "fact_label": "Tên số liệu cần có chữ hoặc số (để tạo mã số liệu)."
    }
