"""What meetings ask of council members and the secretary, and whom opening a ballot tells."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.core.notify import Notice
from thidua.core.worklist import WorkItem

from .models import CouncilMember, Meeting, MeetingStatus, Position, Vote

BALLOTS = "Phiếu biểu quyết đang mở"
TO_CLOSE = "Phiên họp chờ kết thúc bỏ phiếu"


def work_for(user, today: date) -> list[WorkItem]:
    memberships = list(
        CouncilMember.objects.filter(
            user_id=user.pk, council__meetings__status=MeetingStatus.VOTING
        ).values_list("pk", "council_id", "position", "valid_from", "valid_to")
    )
    if not memberships:
        return []
    voting = (
        Meeting.objects.filter(
            status=MeetingStatus.VOTING, council_id__in={m[1] for m in memberships}
        )
        .select_related("campaign")
        .annotate(item_count=Count("items", distinct=True))
    )
    voted = dict(
        Vote.objects.filter(member_id__in=[m[0] for m in memberships], item__meeting__in=voting)
        .values_list("item__meeting_id")
        .annotate(n=Count("id"))
    )
    items = []
    for meeting in voting:
        mine = [
            m
            for m in memberships
            if m[1] == meeting.council_id
            and (m[3] is None or m[3] <= meeting.held_on)
            and (m[4] is None or m[4] >= meeting.held_on)
        ]
        if not mine:
            continue
        title = f"Họp xét ngày {meeting.held_on:%d/%m/%Y} – {meeting.campaign.title}"
        url = reverse("council:meeting", args=[meeting.pk])
        if any(m[2] == Position.THU_KY for m in mine):
            items.append(WorkItem(TO_CLOSE, title, url, meeting.held_on))
        if meeting.mode == "electronic" and voted.get(meeting.pk, 0) < meeting.item_count:
            left = meeting.item_count - voted.get(meeting.pk, 0)
            items.append(
                WorkItem(
                    BALLOTS,
                    title,
                    reverse("council:ballot", args=[meeting.pk]),
                    meeting.held_on,
                    detail=f"còn {left} trường hợp chưa biểu quyết",
                )
            )
    return items


def notify_ballot_opened(entry: AuditEntry) -> list[Notice]:
    meeting: Meeting = entry.subject  # type: ignore[attr-defined]
    day = meeting.held_on
    users = (
        CouncilMember.objects.filter(council_id=meeting.council_id)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .values_list("user_id", flat=True)
    )
    return [
        Notice(
            list(users),
            f"Phiếu biểu quyết đã mở: họp xét ngày {day:%d/%m/%Y}",
            reverse("council:ballot", args=[meeting.pk]),
        )
    ]
