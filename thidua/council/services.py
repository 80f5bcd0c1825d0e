"""The council's meeting: docket, attendance, ballot, tally. One function per action; each
checks permission and state, writes in one transaction and records the audit entry.

Votes are secret until the secretary closes the ballot: nothing shows a member's choice, and
counts appear only after closing. A member votes once per candidate (a database constraint),
only while the ballot is open, only if present at a meeting of their own council.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.campaigns.models import AwardForm, Campaign
from thidua.core import audit
from thidua.nominations.models import Appraisal, Candidate, DossierStatus
from thidua.org import twofactor

from . import holds, policy
from .counting import rule_for, tally
from .models import (
    Attendance,
    Council,
    CouncilMember,
    DocketItem,
    Meeting,
    MeetingStatus,
    Position,
    Vote,
    VotingMode,
)
from .policy import CouncilError


def council_for(campaign: Campaign, day: date) -> Council | None:
    return (
        Council.objects.filter(unit=campaign.issuer)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .first()
    )


def no_council_message(campaign: Campaign, day: date) -> list[str]:
    """Why a meeting cannot be held on ``day`` and what to do: the issuer's councils and their
    terms, the page where a council's members are kept."""
    issuer = campaign.issuer
    lines = [
        f"{issuer.name} không có Hội đồng Thi đua – Khen thưởng vào ngày {day:%d/%m/%Y}, nên "
        "không tạo được phiên họp xét cho ngày này."
    ]
    councils = list(Council.objects.filter(unit=issuer).order_by("valid_from"))
    for council in councils:
        start = f"{council.valid_from:%d/%m/%Y}" if council.valid_from else "trước đây"
        end = f"{council.valid_to:%d/%m/%Y}" if council.valid_to else "nay"
        lines.append(f"Hội đồng hiện có: {council.name}, hoạt động từ {start} đến {end}.")
    lines.append(
        "Chọn ngày họp trong thời gian hoạt động của Hội đồng; hoặc đề nghị quản trị viên lập "
        "Hội đồng cho thời gian này, rồi khai báo thành viên và quy tắc biểu quyết ở trang "
        "“Cấu hình Hội đồng” (menu Họp xét khen thưởng › Cấu hình Hội đồng)."
    )
    return lines


def record_minutes(
    *,
    actor: User,
    meeting: Meeting,
    started_at: time | None,
    ended_at: time | None,
    discussion: str,
) -> Meeting:
    """The secretary records what the minutes say beside the votes: when the meeting began
    and ended, and the members' opinions."""
    policy.require_secretary(actor, meeting)
    if started_at and ended_at and ended_at <= started_at:
        raise CouncilError("Giờ kết thúc phải sau giờ bắt đầu.")
    with transaction.atomic():
        meeting.started_at, meeting.ended_at = started_at, ended_at
        meeting.discussion = discussion.strip()
        meeting.save(update_fields=["started_at", "ended_at", "discussion"])
        audit.record(actor=actor, action="council.meeting.minutes", obj=meeting)
    return meeting


def voting_members(council: Council, day: date) -> list[CouncilMember]:
    return list(
        council.members.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .select_related("user")
    )


def docket_candidates(campaign: Campaign) -> QuerySet[Candidate]:
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


def create_meeting(
    *, actor: User, campaign: Campaign, held_on: date, place: str, mode: str
) -> Meeting:
    council = council_for(campaign, held_on)
    if council is None:
        raise CouncilError(no_council_message(campaign, held_on))
    if not council.members.filter(user=actor, position=Position.THU_KY).exists():
        raise CouncilError("Chỉ Thư ký Hội đồng được tạo phiên họp.")
    eligible = list(docket_candidates(campaign))
    # One achievement, one award: whoever a decision already holds is not docketed again.
    held = holds.held(campaign.pk, eligible)
    candidates = [c for c in eligible if c.pk not in held]
    if not candidates and held:
        raise CouncilError(
            [
                "Mọi người, tập thể đủ điều kiện đã có tên trong quyết định khen thưởng của đợt "
                "này; không đưa ra họp xét lại:",
                *holds.describe(eligible, held),
            ]
        )
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
            message=f"{len(candidates)} người, tập thể trong danh sách xét"
            + (f"; {len(held)} đã có tên trong quyết định, không đưa vào" if held else ""),
        )
    return meeting


def left_off(meeting: Meeting) -> list[str]:
    """The appraised candidates of the campaign kept off this docket because a decision already
    holds them, each with that decision (shown on the meeting's page)."""
    docketed = set(meeting.items.values_list("candidate_id", flat=True))
    others = [c for c in docket_candidates(meeting.campaign) if c.pk not in docketed]
    return holds.describe(others, holds.held(meeting.campaign_id, others))


def set_attendance(*, actor: User, meeting: Meeting, present_member_ids: set[int]) -> None:
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


def move(*, actor: User, meeting: Meeting, action: str) -> Meeting:
    """The secretary's buttons: the action of the meeting's state table named ``action``."""
    if action == "open":
        return open_ballot(actor=actor, meeting=meeting)
    if action == "close":
        return close_ballot(actor=actor, meeting=meeting)
    raise Http404("Thao tác không tồn tại.")


def open_ballot(*, actor: User, meeting: Meeting) -> Meeting:
    policy.check(actor, meeting, "open")
    twofactor.require_enrolled(actor, "mở phiếu biểu quyết")
    problems = quorum_problems(meeting)
    if problems:
        raise CouncilError(["Chưa đủ số thành viên có mặt để biểu quyết:", *problems])
    with transaction.atomic():
        # A conditional update: two clicks open the ballot once.
        if not Meeting.objects.filter(pk=meeting.pk, status=MeetingStatus.PREPARING).update(
            status=MeetingStatus.VOTING
        ):
            raise CouncilError(policy.NOT_IN[MeetingStatus.PREPARING])
        meeting.status = MeetingStatus.VOTING
        audit.record(actor=actor, action="council.ballot.opened", obj=meeting)
    return meeting


def already_recorded(cast_at: datetime, votes: int) -> policy.BallotRecorded:
    when = timezone.localtime(cast_at)
    return policy.BallotRecorded(
        f"Phiếu của bạn đã được ghi nhận lúc {when:%H:%M:%S ngày %d/%m/%Y} "
        f"({votes} trường hợp); mỗi thành viên chỉ bỏ phiếu một lần.",
        current={"recorded_at": when.isoformat(), "votes": votes},
    )


def cast_ballot(*, actor: User, meeting: Meeting, choices: dict[int, bool]) -> int:
    """A member's ballot: one choice per docket item, once. Returns the number of votes cast."""
    member = policy.membership(actor, meeting)
    if member is None:
        raise PermissionDenied("Bạn không phải thành viên của Hội đồng họp phiên này.")
    twofactor.require_enrolled(actor, "bỏ phiếu")
    if meeting.mode != VotingMode.ELECTRONIC:
        raise CouncilError("Phiên họp bỏ phiếu giấy: Thư ký nhập kết quả kiểm phiếu.")
    if not meeting.attendance.filter(member=member, present=True).exists():
        raise CouncilError("Bạn không có tên trong danh sách có mặt của phiên họp.")
    items = {item.pk: item for item in meeting.items.all()}
    if set(choices) - set(items):
        raise CouncilError("Phiếu có nội dung không thuộc phiên họp này.")
    with transaction.atomic():
        # Lock the meeting row: closing the ballot and voting cannot interleave, nor can two
        # copies of one member's ballot (a double click, a resent request).
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        policy.require_status(current, MeetingStatus.VOTING)
        recorded = Vote.objects.filter(item__meeting=current, member=member)
        first = recorded.order_by("cast_at").values_list("cast_at", flat=True).first()
        if first is not None and (not choices or recorded.filter(item_id__in=choices).exists()):
            raise already_recorded(first, recorded.count())
        if not choices:
            raise CouncilError("Chưa chọn Đồng ý hoặc Không đồng ý cho người, tập thể nào.")
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


def record_paper_counts(
    *, actor: User, meeting: Meeting, counts: dict[int, tuple[int, int]]
) -> None:
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


def close_ballot(*, actor: User, meeting: Meeting) -> Meeting:
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        policy.check(actor, current, "close")
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


def ballot_progress(meeting: Meeting) -> tuple[int, int]:
    """(members who have voted, members present): shown to the secretary, never the choices."""
    voted = Vote.objects.filter(item__meeting=meeting).values("member").distinct().count()
    present = meeting.attendance.filter(present=True).count()
    return voted, present
