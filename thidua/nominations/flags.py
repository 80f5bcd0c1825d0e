"""The general rules' flags on a candidate (Nghị định 152/2025/NĐ-CP, Điều 4; Công văn
5007/BNV-TĐKT): suspended, already awarded in a one-off campaign, proposed twice, disciplined in
the campaign's period, on maternity leave. ``evaluation`` decides who gets them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Flag:
    code: str
    level: str  # "danger" | "warning" | "info"
    text: str


def _flags(campaign, facts, cases, awards, other_proposals) -> list[Flag]:
    flags = []
    for case in cases:
        flags.append(
            Flag(
                "suspended",
                "danger",
                f"Tạm hoãn xét khen thưởng: {case.get_kind_display().lower()} từ ngày "
                f"{case.opened_on:%d/%m/%Y}{' (' + case.note + ')' if case.note else ''} "
                "(Nghị định 152/2025/NĐ-CP, Điều 4).",
            )
        )
    for award in awards:
        flags.append(
            Flag(
                "already_awarded",
                "danger",
                f"Đã được khen thưởng {award.award_name} trong đợt thi đua này (Quyết định số "
                f"{award.decision_number} ngày {award.decided_on:%d/%m/%Y}): kế hoạch quy định "
                "khen thưởng một lần.",
            )
        )
    for _other_id, unit_name, form_name in other_proposals:
        flags.append(
            Flag(
                "duplicate",
                "warning",
                f"Đề nghị trùng: cũng được {unit_name} đề nghị {form_name}. "
                "Một thành tích chỉ đề nghị một hình thức khen thưởng.",
            )
        )
    start, end = campaign.period_start, campaign.period_end
    for d in facts.disciplines:
        if d.decided_on <= end and (d.ends_on is None or d.ends_on >= start):
            who = f"{d.person_name}: " if d.person_name else ""
            flags.append(
                Flag(
                    "discipline",
                    "warning",
                    f"Có kỷ luật trong thời gian thi đua: {who}{_discipline_label(d.form)} ngày "
                    f"{d.decided_on:%d/%m/%Y}.",
                )
            )
    if facts.maternity_years & set(range(start.year - 5, end.year + 1)):
        flags.append(
            Flag(
                "maternity",
                "info",
                "Có thời gian nghỉ thai sản: được tính là thời gian công tác "
                "(Nghị định 152/2025/NĐ-CP, Điều 4).",
            )
        )
    return flags


def _discipline_label(form: str) -> str:
    from thidua.records.levels import DISCIPLINE_FORMS, label

    return label(DISCIPLINE_FORMS, form)
