"""The dossier's list says why each candidate has its self-check result: the explanations of
the criteria with that result (the browser test of issue 12 reads them on the page)."""

from __future__ import annotations

from thidua.eligibility.engine import CriterionResult, Status
from thidua.nominations.evaluation import CandidateCheck


def leaf(key: str, status: Status, explanation: str) -> CriterionResult:
    return CriterionResult(key, f"Tiêu chuẩn {key}", status, explanation)


def group(status: Status, *children: CriterionResult) -> CriterionResult:
    return CriterionResult("all", "Tất cả", status, "", children)


def test_a_passing_candidate_shows_the_passing_explanations():
    result = group(
        Status.DAT,
        leaf(
            "a",
            Status.DAT,
            "Năm 2024: Hoàn thành xuất sắc nhiệm vụ; năm 2025: Hoàn thành tốt nhiệm vụ.",
        ),
        leaf("b", Status.DAT, "Không bị kỷ luật."),
    )
    check = CandidateCheck(candidate_id=1, results=((None, result),))
    assert check.status_label == "Đạt"
    assert check.reasons == [
        "Năm 2024: Hoàn thành xuất sắc nhiệm vụ; năm 2025: Hoàn thành tốt nhiệm vụ.",
        "Không bị kỷ luật.",
    ]


def test_a_failing_candidate_shows_only_what_fails_and_at_most_three_lines():
    failing = [leaf(str(i), Status.KHONG_DAT, f"Lý do {i}.") for i in range(5)]
    result = group(
        Status.KHONG_DAT,
        leaf("ok", Status.DAT, "Không bị kỷ luật."),
        leaf(
            "x",
            Status.KHONG_DAT,
            "Chưa đạt Hoàn thành tốt nhiệm vụ trở lên (năm 2025: Hoàn thành nhiệm vụ).",
        ),
        *failing,
    )
    check = CandidateCheck(candidate_id=1, results=((None, result),))
    assert check.status_label == "Không đạt"
    assert check.reasons == [
        "Chưa đạt Hoàn thành tốt nhiệm vụ trở lên (năm 2025: Hoàn thành nhiệm vụ).",
        "Lý do 0.",
        "Lý do 1.",
    ]


def test_a_set_that_fails_does_not_explain_a_pass_by_another_set():
    passing = group(Status.DAT, leaf("a", Status.DAT, "4/5 thành viên (80%) đạt."))
    failing = group(
        Status.KHONG_DAT,
        leaf("b", Status.DAT, "Không dùng."),
        leaf("c", Status.KHONG_DAT, "Thiếu."),
    )
    check = CandidateCheck(candidate_id=1, results=((None, failing), (None, passing)))
    assert check.status_label == "Đạt"
    assert check.reasons == ["4/5 thành viên (80%) đạt."]
