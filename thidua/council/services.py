"""The council's meeting: docket, attendance, ballot, tally. One function per action.

Votes are secret until the secretary closes the ballot: nothing shows a member's choice, and
counts appear only after closing. A member votes once per candidate (a database constraint),
only while the ballot is open, only if present at a meeting of their own council.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from thidua.campaigns.models import AwardForm, Campaign
from thidua.core import audit
from thidua.core.errors import ServiceError
from thidua.nominations.models import Appraisal, Candidate, DossierStatus
from thidua.org.models import Person

from . import policy
from .models import (
    Attendance,
    Council,
    CouncilMember,
    DocketItem,
    Meeting,
    MeetingStatus,
    ThresholdBase,
    Vote,
    VotingMode,
    VotingRule,
)

WOMEN_FIRST = "Bằng số phiếu ở vị trí cuối của chỉ tiêu: ưu tiên nữ, tập thể có từ 70% nữ trở lên (Nghị định 152/2025/NĐ-CP, Điều 4)."  # noqa: E501


class CouncilError(ServiceError):
    pass


def council_for(campaign: Campaign, day) -> Council | None:
    return (
        Council.objects.filter(unit=campaign.issuer)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .first()
    )


def voting_members(council: Council, day) -> list[CouncilMember]:
    return list(
        council.members.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .select_related("user")
    )


def rule_for(award_form: AwardForm, day) -> VotingRule:
    """The rule in force on ``day``; without one, a simple majority of all members (the
    practice for Giấy khen and Bằng khen), with a two-thirds quorum."""
    for rule in award_form.voting_rules.all():
        if rule.is_valid_on(day):
            return rule
    return VotingRule(award_form=award_form, legal_basis="Mặc định: biểu quyết theo đa số")


def docket_candidates(campaign: Campaign):
    """Eligible candidates of appraised dossiers, for the forms the issuer's council decides or
    proposes upward (forms delegated to the communes are voted there)."""
    return (
        Candidate.objects.filter(
            dossier__campaign=campaign,
            dossier__status=DossierStatus.APPRAISED,
            appraisal=Appraisal.ELIGIBLE,
            award_form__delegated_to_units=False,
        )
        .select_related("award_form", "person", "unit", "dossier__unit")
        .order_by("award_form__order", "person_id", "dossier__unit__path", "order", "id")
    )


def create_meeting(*, actor, campaign: Campaign, held_on, place: str, mode: str) -> Meeting:
    council = council_for(campaign, held_on)
    if council is None:
        raise CouncilError("Cơ quan phát động chưa có Hội đồng Thi đua – Khen thưởng vào ngày họp.")
    member = CouncilMember.objects.filter(council=council, user=actor, position="thu_ky").first()
    if member is None:
        raise CouncilError("Chỉ Thư ký Hội đồng được tạo phiên họp.")
    candidates = list(docket_candidates(campaign))
    if not candidates:
        raise CouncilError(
            "Chưa có người, tập thể nào đủ điều kiện sau thẩm định để đưa ra họp xét."
        )
    with transaction.atomic():
        meeting = Meeting.objects.create(
            council=council,
            campaign=campaign,
            held_on=held_on,
            place=place.strip(),
            mode=mode,
            created_by=actor,
        )
        DocketItem.objects.bulk_create(
            DocketItem(meeting=meeting, candidate=c, order=i) for i, c in enumerate(candidates, 1)
        )
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, member=m) for m in voting_members(council, held_on)
        )
        audit.record(
            actor=actor,
            action="council.meeting.created",
            obj=meeting,
            message=f"{len(candidates)} người, tập thể trong danh sách xét",
        )
    return meeting


def set_attendance(*, actor, meeting: Meeting, present_member_ids: set[int]) -> None:
    policy.require_secretary(actor, meeting)
    if meeting.status != MeetingStatus.PREPARING:
        raise CouncilError("Đã bắt đầu bỏ phiếu: không sửa được danh sách có mặt.")
    with transaction.atomic():
        for row in meeting.attendance.all():
            present = row.member_id in present_member_ids
            if row.present != present:
                row.present = present
                row.save(update_fields=["present"])
        audit.record(
            actor=actor,
            action="council.attendance.recorded",
            obj=meeting,
            message=f"Có mặt {len(present_member_ids)} thành viên",
        )


def quorum_problems(meeting: Meeting) -> list[str]:
    total = meeting.attendance.count()
    present = meeting.attendance.filter(present=True).count()
    problems = []
    forms = AwardForm.objects.filter(
        pk__in=meeting.items.values("candidate__award_form")
    ).prefetch_related("voting_rules")
    for form in forms:
        rule = rule_for(form, meeting.held_on)
        if present * 100 < rule.quorum_percent * total:
            problems.append(
                f"{form.name}: cần ít nhất {rule.quorum_percent}% thành viên có mặt "
                f"(có mặt {present}/{total})."
            )
    return problems


def open_ballot(*, actor, meeting: Meeting) -> Meeting:
    policy.require_secretary(actor, meeting)
    problems = quorum_problems(meeting)
    if problems:
        raise CouncilError(["Chưa đủ số thành viên có mặt để biểu quyết:"] + problems)
    with transaction.atomic():
        if not Meeting.objects.filter(pk=meeting.pk, status=MeetingStatus.PREPARING).update(
            status=MeetingStatus.VOTING
        ):
            raise CouncilError("Phiên họp không ở trạng thái chuẩn bị.")
        meeting.status = MeetingStatus.VOTING
        audit.record(actor=actor, action="council.ballot.opened", obj=meeting)
    return meeting


def cast_ballot(*, actor, meeting: Meeting, choices: dict[int, bool]) -> int:
    """A member's ballot: one choice per docket item, once. Returns the number of votes cast."""
    member = policy.membership(actor, meeting)
    if member is None:
        raise CouncilError("Bạn không phải thành viên của Hội đồng họp phiên này.")
    if meeting.mode != VotingMode.ELECTRONIC:
        raise CouncilError("Phiên họp bỏ phiếu giấy: Thư ký nhập kết quả kiểm phiếu.")
    if not meeting.attendance.filter(member=member, present=True).exists():
        raise CouncilError("Bạn không có tên trong danh sách có mặt của phiên họp.")
    items = {item.pk: item for item in meeting.items.all()}
    unknown = set(choices) - set(items)
    if unknown:
        raise CouncilError("Phiếu có nội dung không thuộc phiên họp này.")
    if not choices:
        raise CouncilError("Chưa chọn Đồng ý hoặc Không đồng ý cho người, tập thể nào.")
    with transaction.atomic():
        # Lock the meeting row: closing the ballot and voting cannot interleave.
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.status != MeetingStatus.VOTING:
            raise CouncilError("Phiên họp không trong thời gian bỏ phiếu.")
        try:
            with transaction.atomic():
                Vote.objects.bulk_create(
                    Vote(item_id=item_id, member=member, approve=approve)
                    for item_id, approve in choices.items()
                )
        except IntegrityError as error:
            raise CouncilError(
                "Bạn đã bỏ phiếu cho người, tập thể này; mỗi thành viên chỉ bỏ phiếu một lần."
            ) from error
        # Who voted is recorded; how is not.
        audit.record(
            actor=actor,
            action="council.ballot.cast",
            obj=meeting,
            message=f"{member.name} bỏ phiếu {len(choices)} trường hợp",
        )
    return len(choices)


def record_paper_counts(*, actor, meeting: Meeting, counts: dict[int, tuple[int, int]]) -> None:
    policy.require_secretary(actor, meeting)
    if meeting.mode != VotingMode.PAPER or meeting.status != MeetingStatus.VOTING:
        raise CouncilError("Chỉ nhập kết quả kiểm phiếu giấy trong thời gian bỏ phiếu.")
    present = meeting.attendance.filter(present=True).count()
    errors = []
    items = {i.pk: i for i in meeting.items.select_related("candidate__person", "candidate__unit")}
    for item_id, (yes, no) in counts.items():
        if item_id not in items:
            raise CouncilError("Kết quả có nội dung không thuộc phiên họp này.")
        if yes < 0 or no < 0 or yes + no > present:
            errors.append(
                f"{items[item_id].candidate.name}: tổng số phiếu vượt số thành viên có mặt ({present})."
            )
    if errors:
        raise CouncilError(errors)
    with transaction.atomic():
        for item_id, (yes, no) in counts.items():
            DocketItem.objects.filter(pk=item_id).update(paper_yes=yes, paper_no=no)
        audit.record(actor=actor, action="council.paper.recorded", obj=meeting)


def close_ballot(*, actor, meeting: Meeting) -> Meeting:
    policy.require_secretary(actor, meeting)
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.status != MeetingStatus.VOTING:
            raise CouncilError("Phiên họp không trong thời gian bỏ phiếu.")
        if (
            current.mode == VotingMode.PAPER
            and current.items.filter(paper_yes__isnull=True).exists()
        ):
            raise CouncilError("Còn trường hợp chưa nhập kết quả kiểm phiếu giấy.")
        tally(current)
        Meeting.objects.filter(pk=meeting.pk).update(
            status=MeetingStatus.CLOSED, closed_at=timezone.now()
        )
        meeting.refresh_from_db()
        audit.record(actor=actor, action="council.ballot.closed", obj=meeting)
    return meeting


# --- tally -------------------------------------------------------------------------------------


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
    votes = defaultdict(lambda: [0, 0])
    if meeting.mode == VotingMode.ELECTRONIC:
        for item_id, approve, n in (
            Vote.objects.filter(item__meeting=meeting)
            .values_list("item_id", "approve")
            .annotate(n=Count("id"))
        ):
            votes[item_id][0 if approve else 1] += n
    women = _women_first(items)
    groups: dict[tuple, list[Ranked]] = defaultdict(list)
    for item in items:
        yes, no = (
            (item.paper_yes or 0, item.paper_no or 0)
            if meeting.mode == VotingMode.PAPER
            else votes[item.pk]
        )
        form = item.candidate.award_form
        rule = rule_for(form, meeting.held_on)
        base = {ThresholdBase.ALL_MEMBERS: total, ThresholdBase.PRESENT: present}.get(
            rule.base, yes + no
        )
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


def ballot_progress(meeting: Meeting) -> tuple[int, int]:
    """(members who have voted, members present): shown to the secretary, never the choices."""
    voted = Vote.objects.filter(item__meeting=meeting).values("member").distinct().count()
    present = meeting.attendance.filter(present=True).count()
    return voted, present


# --- configuration: members and voting rules, by the issuing unit's emulation office --------


def can_configure(user, council: Council) -> bool:
    from thidua.org import access
    from thidua.org.access import Perm

    return access.in_scope(user, council.unit, Perm.MANAGE_CAMPAIGNS)


def add_member(*, actor, council: Council, user, position: str, title: str) -> CouncilMember:
    if not can_configure(actor, council):
        raise CouncilError(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được cấu hình Hội đồng."
        )
    if position == "thu_ky" and council.members.filter(position="thu_ky").exists():
        raise CouncilError("Hội đồng đã có Thư ký.")
    try:
        with transaction.atomic():
            member = CouncilMember.objects.create(
                council=council,
                user=user,
                position=position,
                title=title.strip(),
                order=council.members.count(),
            )
    except IntegrityError as error:
        raise CouncilError(
            f"{user.get_full_name() or user.username} đã là thành viên Hội đồng."
        ) from error
    audit.record(actor=actor, action="council.member.added", obj=council, message=str(member))
    return member


def end_membership(*, actor, member: CouncilMember, day) -> None:
    """Members leave by date (valid_to), so past meetings keep their composition."""
    if not can_configure(actor, member.council):
        raise CouncilError(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được cấu hình Hội đồng."
        )
    CouncilMember.objects.filter(pk=member.pk).update(valid_to=day)
    audit.record(
        actor=actor, action="council.member.ended", obj=member.council, message=str(member)
    )


def save_rule(*, actor, award_form: AwardForm, council: Council, **values) -> VotingRule:
    if not can_configure(actor, council):
        raise CouncilError(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được cấu hình Hội đồng."
        )
    if not 0 < values["threshold_percent"] <= 100 or not 0 < values["quorum_percent"] <= 100:
        raise CouncilError("Tỉ lệ phải từ 1% đến 100%.")
    rule = award_form.voting_rules.filter(valid_to__isnull=True).first() or VotingRule(
        award_form=award_form
    )
    for name, value in values.items():
        setattr(rule, name, value)
    rule.save()
    audit.record(
        actor=actor, action="council.rule.saved", obj=council, message=f"{award_form}: {rule}"
    )
    return rule
