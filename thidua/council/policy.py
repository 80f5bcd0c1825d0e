"""Who may see a meeting, who runs it (the secretary), who votes (present members)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Perm

from .models import CouncilMember, Meeting, MeetingStatus, Position

# The meeting's workflow; only the council's secretary moves it.
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


def membership(user, meeting: Meeting) -> CouncilMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        CouncilMember.objects.filter(council=meeting.council_id, user=user)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=meeting.held_on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=meeting.held_on))
        .first()
    )


def is_secretary(user, meeting: Meeting) -> bool:
    member = membership(user, meeting)
    return member is not None and member.position == Position.THU_KY


def meetings_visible_to(user) -> QuerySet[Meeting]:
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


def chairman_paths(user) -> list[str]:
    from thidua.org.models import Role

    return [a.unit.path for a in access.assignments(user) if a.role == Role.CHU_TICH]


def get_meeting_or_404(user, pk: int) -> Meeting:
    meeting = meetings_visible_to(user).filter(pk=pk).first()
    if meeting is None:
        raise Http404("Không tìm thấy phiên họp.")
    return meeting


def require_secretary(user, meeting: Meeting) -> None:
    if not is_secretary(user, meeting):
        raise PermissionDenied("Chỉ Thư ký Hội đồng được thực hiện thao tác này.")


def available_actions(user, meeting: Meeting) -> list[tuple[str, Transition]]:
    if not is_secretary(user, meeting):
        return []
    return [(name, t) for name, t in TRANSITIONS.items() if meeting.status in t.source]
