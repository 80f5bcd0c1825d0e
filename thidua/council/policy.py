"""Who may see a meeting, who runs it (the secretary), who votes (present members), who
configures the council (the issuing unit's emulation office); the meeting's state table."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.core.errors import ConflictError, ServiceError
from thidua.core.workflow import Transition
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Role

from .models import Attendance, Council, CouncilMember, Meeting, MeetingStatus, Position


class CouncilError(ServiceError):
    pass


class BallotRecorded(CouncilError, ConflictError):
    """The member's ballot was already recorded (sent twice, or two clicks at once)."""


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


def as_member(user: Actor) -> Q:
    """Meetings whose papers ``user`` sees as a council member: those held while a member
    (the membership holds the meeting's date) as long as the membership lasts; after leaving
    the council, only the meetings they attended."""
    if not isinstance(user, User):  # anonymous
        return Q(pk__in=[])
    on_its_date = CouncilMember.objects.filter(council=OuterRef("council"), user=user).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=OuterRef("held_on")),
        Q(valid_to__isnull=True) | Q(valid_to__gte=OuterRef("held_on")),
    )
    still_member = on_its_date.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=timezone.localdate())
    )
    attended = Attendance.objects.filter(meeting=OuterRef("pk"), member__user=user, present=True)
    return Q(Exists(still_member)) | Q(Exists(attended))


def oversight(user: Actor) -> Q:
    """Phòng Nội vụ (appraisal) and the chairman see the meetings of the units they cover."""
    return access.path_q(
        access.scope_paths(user, Perm.APPRAISE_DOSSIERS) + chairman_paths(user),
        "council__unit__path",
    )


def meetings_visible_to(user: Actor) -> QuerySet[Meeting]:
    return Meeting.objects.filter(as_member(user) | oversight(user)).select_related(
        "council__unit", "campaign"
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


# --- the minutes (biên bản họp xét) ------------------------------------------------------------

# Who may download a meeting's minutes once its ballot is closed: each row is one reason, read
# in order; anyone else who sees the meeting gets 403, anyone who does not, 404.
MINUTES_READERS: dict[str, str] = {
    "member": "Thành viên Hội đồng vào ngày họp, khi còn là thành viên",
    "attended": "Thành viên có mặt tại phiên họp, kể cả sau khi thôi tham gia Hội đồng",
    "office": "Chuyên viên thi đua, khen thưởng của cơ quan hoặc của cấp trên (thẩm định hồ sơ,"
    " lập quyết định căn cứ biên bản)",
    "chairman": "Chủ tịch UBND của cơ quan hoặc của cấp trên (ký quyết định căn cứ biên bản)",
}


def minutes_reason(user: Actor, meeting: Meeting) -> str | None:
    """The row of MINUTES_READERS that lets ``user`` read the minutes, or None."""
    unit = meeting.council.unit
    tests = {
        "member": lambda: is_current_member(user, meeting),
        "attended": lambda: attended(user, meeting),
        "office": lambda: access.in_scope(user, unit, Perm.APPRAISE_DOSSIERS),
        "chairman": lambda: any(unit.path.startswith(p) for p in chairman_paths(user)),
    }
    return next((reason for reason in MINUTES_READERS if tests[reason]()), None)


def is_current_member(user: Actor, meeting: Meeting) -> bool:
    """A member on the meeting's date whose membership has not ended."""
    member = membership(user, meeting)
    return member is not None and (
        member.valid_to is None or member.valid_to >= timezone.localdate()
    )


def attended(user: Actor, meeting: Meeting) -> bool:
    return (
        isinstance(user, User)
        and meeting.attendance.filter(member__user=user, present=True).exists()
    )


def require_minutes_reader(user: Actor, meeting: Meeting) -> str:
    """404 before the ballot is closed (the minutes do not exist yet), 403 for a user who sees
    the meeting but is none of MINUTES_READERS."""
    if meeting.status != MeetingStatus.CLOSED:
        raise Http404("Biên bản có sau khi kết thúc bỏ phiếu.")
    reason = minutes_reason(user, meeting)
    if reason is None:
        raise PermissionDenied("Bạn không thuộc những người được tải biên bản phiên họp này.")
    return reason
