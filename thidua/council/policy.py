"""Who may see a meeting, who runs it (the secretary), who votes (present members), who
configures the council (the issuing unit's emulation office); the meeting's state table."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.core.errors import ServiceError
from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Role

from .models import Council, CouncilMember, Meeting, MeetingStatus, Position


class CouncilError(ServiceError):
    pass


# The meeting's workflow; only the council's secretary moves it. The buttons of the meeting's
# page and the services' checks both read it.
TRANSITIONS: dict[str, Transition] = {
    "open": Transition(
        source=(MeetingStatus.PREPARING,),
        target=MeetingStatus.VOTING,
        label="Bắt đầu bỏ phiếu",
        confirm="Bắt đầu bỏ phiếu? Sau đó không sửa được danh sách có mặt.",
    ),
    "close": Transition(
        source=(MeetingStatus.VOTING,),
        target=MeetingStatus.CLOSED,
        label="Kết thúc bỏ phiếu và kiểm phiếu",
        confirm="Kết thúc bỏ phiếu? Thành viên chưa bỏ phiếu sẽ không bỏ phiếu được nữa.",
    ),
}

# What a refused action says, by the state it needed.
NOT_IN = {
    MeetingStatus.PREPARING: "Phiên họp không ở trạng thái chuẩn bị.",
    MeetingStatus.VOTING: "Phiên họp không trong thời gian bỏ phiếu.",
}


def membership(user: Actor, meeting: Meeting) -> CouncilMember | None:
    if not isinstance(user, User):  # anonymous
        return None
    return (
        CouncilMember.objects.filter(council=meeting.council_id, user=user)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=meeting.held_on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=meeting.held_on))
        .first()
    )


def is_secretary(user: Actor, meeting: Meeting) -> bool:
    member = membership(user, meeting)
    return member is not None and member.position == Position.THU_KY


def meetings_visible_to(user: Actor) -> QuerySet[Meeting]:
    """Members see their council's meetings; Phòng Nội vụ and the chairman see those of the
    units they cover."""
    overseen = access.path_q(
        access.scope_paths(user, Perm.APPRAISE_DOSSIERS) + chairman_paths(user),
        "council__unit__path",
    )
    return (
        Meeting.objects.filter(Q(council__members__user=user) | overseen)
        .distinct()
        .select_related("council__unit", "campaign")
    )


def chairman_paths(user: Actor) -> list[str]:
    return [a.unit.path for a in access.assignments(user) if a.role == Role.CHU_TICH]


def get_meeting_or_404(user: Actor, pk: int) -> Meeting:
    meeting = meetings_visible_to(user).filter(pk=pk).first()
    if meeting is None:
        raise Http404("Không tìm thấy phiên họp.")
    return meeting


def require_secretary(user: Actor, meeting: Meeting) -> None:
    if not is_secretary(user, meeting):
        raise PermissionDenied("Chỉ Thư ký Hội đồng được thực hiện thao tác này.")


def require_status(meeting: Meeting, status: str) -> None:
    if meeting.status != status:
        raise CouncilError(NOT_IN[MeetingStatus(status)])


def check(user: Actor, meeting: Meeting, action: str) -> Transition:
    """The row of ``action`` if ``user`` may take it now: 404 for an unknown action, 403 for
    anyone but the secretary, CouncilError in the wrong state."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise Http404("Thao tác không tồn tại.")
    require_secretary(user, meeting)
    if meeting.status not in transition.source:
        raise CouncilError(NOT_IN[MeetingStatus(transition.source[0])])
    return transition


def available_actions(user: Actor, meeting: Meeting) -> list[tuple[str, Transition]]:
    if not is_secretary(user, meeting):
        return []
    return [(name, t) for name, t in TRANSITIONS.items() if meeting.status in t.source]


# --- configuration: members and voting rules ---------------------------------------------------


def can_configure(user: Actor, council: Council) -> bool:
    return access.in_scope(user, council.unit, Perm.MANAGE_CAMPAIGNS)


def require_configure(user: Actor, council: Council) -> None:
    if not can_configure(user, council):
        raise PermissionDenied(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan được cấu hình Hội đồng."
        )


def get_council_or_404(user: Actor, pk: int) -> Council:
    council = Council.objects.select_related("unit").filter(pk=pk).first()
    if council is None or not access.in_scope(user, council.unit, Perm.VIEW_UNITS):
        raise Http404("Không tìm thấy hội đồng.")
    return council


def configurable_councils(user: Actor) -> list[Council]:
    return [c for c in Council.objects.select_related("unit") if can_configure(user, c)]
