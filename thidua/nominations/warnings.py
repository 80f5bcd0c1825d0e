"""Warnings before a wrong step: candidates whose self-check fails or is suspended.

The dossier page marks them, the submit button's confirmation names them, and appraising one of
them "Đủ điều kiện" needs a reason (``services.workflow.appraise_candidate``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from thidua.eligibility.engine import Status

from .evaluation import SUSPENDED, CandidateCheck

# Self-check results that warn: "Không đạt" and "Tạm hoãn".
WARNING_STATUSES = frozenset({Status.KHONG_DAT.value, SUSPENDED})


def is_warned(check: CandidateCheck) -> bool:
    return check.status in WARNING_STATUSES


def warned(checks: Iterable[CandidateCheck]) -> list[CandidateCheck]:
    return [c for c in checks if is_warned(c)]


def names(
    checks: Iterable[CandidateCheck], limit: int = 10, known: Mapping[int, str] | None = None
) -> str:
    """ "Nguyễn Văn A (Không đạt), Xã B (Tạm hoãn)", and "… và 3 trường hợp khác". ``known``:
    the names by candidate id, for checks evaluated without their model rows."""
    checks = list(checks)
    known = known or {}

    def name(c: CandidateCheck) -> object:
        return c.candidate.name if c.candidate else known.get(c.candidate_id, c.candidate_id)

    shown = ", ".join(f"{name(c)} ({c.status_label})" for c in checks[:limit])
    if len(checks) > limit:
        shown += f" và {len(checks) - limit} trường hợp khác"
    return shown


def submit_confirmation(
    base: str, checks: list[CandidateCheck], known: Mapping[int, str] | None = None
) -> str:
    """The submit button's question: how many are proposed, and who fails the self-check."""
    text = f"{base} Hồ sơ đề nghị {len(checks)} người, tập thể."
    flagged = warned(checks)
    if flagged:
        text += (
            f" Lưu ý: {len(flagged)} trường hợp tự kiểm tra “Không đạt” hoặc “Tạm hoãn”: "
            f"{names(flagged, known=known)}. Vẫn nộp?"
        )
    return text
