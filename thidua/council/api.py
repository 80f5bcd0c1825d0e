"""Council meetings through /api/v1/: the same policy and services as the pages. Counts and
results appear only once the ballot is closed."""

from __future__ import annotations

from ninja import Router, Schema

from thidua.core.api import Conflict, Error
from thidua.org.api_auth import TokenAuth

from . import policy, services
from .models import MeetingStatus, Vote

router = Router(tags=["Hội đồng TĐKT"], auth=TokenAuth())


class Choice(Schema):
    item_id: int
    approve: bool


class BallotIn(Schema):
    choices: list[Choice]


def meeting_out(meeting, user) -> dict:
    closed = meeting.status == MeetingStatus.CLOSED
    member = policy.membership(user, meeting)
    voted = (
        set(
            Vote.objects.filter(item__meeting=meeting, member=member).values_list(
                "item_id", flat=True
            )
        )
        if member
        else set()
    )
    items = meeting.items.select_related(
        "candidate__award_form", "candidate__person", "candidate__unit"
    )
    return {
        "id": meeting.pk,
        "campaign_id": meeting.campaign_id,
        "council": meeting.council.name,
        "held_on": meeting.held_on,
        "place": meeting.place,
        "started_at": meeting.started_at.strftime("%H:%M") if meeting.started_at else None,
        "ended_at": meeting.ended_at.strftime("%H:%M") if meeting.ended_at else None,
        "discussion": meeting.discussion,
        "mode": meeting.mode,
        "status": meeting.status,
        "status_label": meeting.get_status_display(),
        "present": meeting.attendance.filter(present=True).count(),
        "members": meeting.attendance.count(),
        "docket": [
            {
                "item_id": i.pk,
                "candidate_id": i.candidate_id,
                "name": i.candidate.name,
                "award_form": i.candidate.award_form.name,
                "summary": i.candidate.summary,
                "i_voted": i.pk in voted,
                **(
                    {
                        "yes": i.yes,
                        "no": i.no,
                        "passed": i.passed,
                        "within_quota": i.within_quota,
                        "rank": i.rank,
                        "selected": i.selected,
                        "note": i.result_note,
                    }
                    if closed
                    else {}
                ),
            }
            for i in items
        ],
    }


@router.get("/meetings", summary="Các phiên họp xét người dùng được xem")
def list_meetings(request) -> list[dict]:
    return [
        {"id": m.pk, "held_on": m.held_on, "campaign_id": m.campaign_id, "status": m.status}
        for m in policy.meetings_visible_to(request.user).order_by("-held_on")
    ]


@router.get(
    "/meetings/{meeting_id}", summary="Danh sách xét; kết quả chỉ có sau khi kết thúc bỏ phiếu"
)
def get_meeting(request, meeting_id: int) -> dict:
    return meeting_out(policy.get_meeting_or_404(request.user, meeting_id), request.user)


@router.post(
    "/meetings/{meeting_id}/ballot",
    response={200: dict, 403: Error, 409: Conflict, 422: Error},
    summary="Thành viên có mặt bỏ phiếu (mỗi trường hợp một lần, giữ kín)",
)
def cast_ballot(request, meeting_id: int, payload: BallotIn):
    meeting = policy.get_meeting_or_404(request.user, meeting_id)
    choices = {c.item_id: c.approve for c in payload.choices}
    return {"votes": services.cast_ballot(actor=request.user, meeting=meeting, choices=choices)}


class MinutesIn(Schema):
    started_at: str = ""
    ended_at: str = ""
    discussion: str = ""


@router.post(
    "/meetings/{meeting_id}/minutes",
    response={200: dict, 403: Error, 404: Error, 422: Error},
    summary="Thư ký ghi giờ bắt đầu, giờ kết thúc (HH:MM) và ý kiến thảo luận vào biên bản",
)
def record_minutes(request, meeting_id: int, payload: MinutesIn):
    from django.core.exceptions import ValidationError

    from .views import MinutesForm

    meeting = policy.get_meeting_or_404(request.user, meeting_id)
    form = MinutesForm(payload.dict())
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    meeting = services.record_minutes(actor=request.user, meeting=meeting, **form.cleaned_data)
    return meeting_out(meeting, request.user)


@router.post(
    "/meetings/{meeting_id}/{action}",
    response={200: dict, 403: Error, 404: Error, 422: Error},
    summary="Thư ký: open (bắt đầu bỏ phiếu) hoặc close (kết thúc, kiểm phiếu)",
)
def meeting_action(request, meeting_id: int, action: str):
    meeting = policy.get_meeting_or_404(request.user, meeting_id)
    meeting = services.move(actor=request.user, meeting=meeting, action=action)
    return meeting_out(meeting, request.user)
