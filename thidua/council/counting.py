"""Counting the ballot: each award form's voting rule (dated data), the threshold, then the
ranking against the quotas, women first on a tie for the last place (NĐ 152/2025 Điều 4)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from thidua.campaigns.models import AwardForm
from thidua.org.models import Person

from .holds import held
from .models import DocketItem, Meeting, ThresholdBase, Vote, VotingMode, VotingRule

WOMEN_FIRST = "Bằng số phiếu ở vị trí cuối của chỉ tiêu: ưu tiên nữ, tập thể có từ 70% nữ trở lên (Nghị định 152/2025/NĐ-CP, Điều 4)."  # noqa: E501


def rule_for(award_form: AwardForm, day: date) -> VotingRule:
    """The rule in force on ``day``; without one, a simple majority of all members (the
    practice for Giấy khen and Bằng khen), with a two-thirds quorum."""
    for rule in award_form.voting_rules.all():
        if rule.is_valid_on(day):
            return rule
    return VotingRule(award_form=award_form, legal_basis="Mặc định: biểu quyết theo đa số")


@dataclass
class Ranked:
    """A passed candidate being ranked against the quota."""

    item: DocketItem
    yes: int
    no: int
    woman_first: bool


def _women_first(items: list[DocketItem]) -> dict[int, bool]:
    """Individuals who are women; collectives where women are at least 70 % of the people."""
    result = {
        i.pk: i.candidate.person is not None and i.candidate.person.gender == "nu" for i in items
    }
    unit_ids = {i.candidate.unit_id for i in items if i.candidate.unit_id}
    if unit_ids:
        shares = {
            row["unit_id"]: row
            for row in Person.objects.filter(unit_id__in=unit_ids)
            .values("unit_id")
            .annotate(total=Count("id"), women=Count("id", filter=Q(gender="nu")))
        }
        for i in items:
            share = shares.get(i.candidate.unit_id)
            if share and share["total"]:
                result[i.pk] = share["women"] * 100 >= 70 * share["total"]
    return result


def tally(meeting: Meeting) -> None:
    """Counts, the threshold of each form, then the ranking against the quotas."""
    items = list(
        meeting.items.select_related(
            "candidate__award_form", "candidate__person", "candidate__unit"
        )
    )
    total = meeting.attendance.count()
    present = meeting.attendance.filter(present=True).count()
    votes: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0])
    if meeting.mode == VotingMode.ELECTRONIC:
        for item_id, approve, n in (
            Vote.objects.filter(item__meeting=meeting)
            .values_list("item_id", "approve")
            .annotate(n=Count("id"))
        ):
            votes[item_id][0 if approve else 1] += n
    women = _women_first(items)
    # Already awarded (or on a decision not yet signed) for this form: not counted into a result.
    taken = held(meeting.campaign_id, [i.candidate for i in items])
    groups: dict[tuple, list[Ranked]] = defaultdict(list)
    for item in items:
        yes, no = (
            (item.paper_yes or 0, item.paper_no or 0)
            if meeting.mode == VotingMode.PAPER
            else votes[item.pk]
        )
        form = item.candidate.award_form
        rule = rule_for(form, meeting.held_on)
        bases: dict[str, int] = {ThresholdBase.ALL_MEMBERS: total, ThresholdBase.PRESENT: present}
        base = bases.get(rule.base, yes + no)
        needed = rule.threshold_percent * base
        item.yes, item.no = yes, no
        item.passed = yes * 100 > needed if rule.strictly_more else yes * 100 >= needed
        sign = "trên" if rule.strictly_more else "từ"
        item.result_note = (
            f"{yes}/{base} đồng ý ({yes * 100 / base:.0f}%), cần {sign} {rule.threshold_percent}% "
            f"{rule.get_base_display()}"
            if base
            else "Không có phiếu"
        )
        item.within_quota, item.rank = None, None
        if item.candidate_id in taken:
            item.passed = False
            item.result_note = f"Không xét: {taken[item.candidate_id]}"
        if item.passed:
            kind = "tap_the" if item.candidate.unit_id else "ca_nhan"
            groups[(form.pk, kind)].append(Ranked(item, yes, no, women[item.pk]))
    for (_form_id, kind), passed in groups.items():
        form = passed[0].item.candidate.award_form
        quota = form.quota_collective if kind == "tap_the" else form.quota_individual
        passed.sort(key=lambda c: (-c.yes, not c.woman_first, c.item.order))
        for rank, c in enumerate(passed, start=1):
            c.item.rank = rank
            if quota is None:
                continue
            c.item.within_quota = rank <= quota
        if quota is not None and 0 < quota < len(passed):
            last, first_out = passed[quota - 1], passed[quota]
            if last.yes == first_out.yes:
                for c in passed:
                    if c.yes == last.yes:
                        c.item.result_note += ". " + WOMEN_FIRST
                if last.woman_first == first_out.woman_first:
                    # Still tied after the women-first rule: the council decides, not the software.
                    for c in passed:
                        if c.yes == last.yes and c.woman_first == last.woman_first:
                            c.item.within_quota = None
                            c.item.result_note += " Vẫn bằng nhau: Hội đồng quyết định."
        for c in passed:
            if c.item.within_quota is False:
                c.item.result_note += f". Ngoài chỉ tiêu ({quota})"
    DocketItem.objects.bulk_update(
        items, ["yes", "no", "passed", "within_quota", "rank", "result_note"]
    )
