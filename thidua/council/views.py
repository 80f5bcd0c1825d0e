from __future__ import annotations

from collections import OrderedDict

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.audit import history
from thidua.core.exports import record_export
from thidua.core.web import DOCX, date_field, download, flash_errors
from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import Candidate

from . import documents, policy, services
from .models import Council, MeetingStatus, Vote, VotingMode


class MeetingForm(forms.Form):
    campaign = forms.ModelChoiceField(label="Đợt thi đua", queryset=Campaign.objects.none())
    held_on = date_field("Ngày họp")
    place = forms.CharField(label="Địa điểm", max_length=300)
    mode = forms.ChoiceField(
        label="Hình thức bỏ phiếu",
        choices=VotingMode.choices,
        widget=forms.RadioSelect,
        initial=VotingMode.ELECTRONIC,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = Council.objects.filter(members__user=user, members__position="thu_ky").values(
            "unit"
        )
        self.fields["campaign"].queryset = Campaign.objects.filter(
            issuer__in=units, status__in=[CampaignStatus.LAUNCHED, CampaignStatus.CLOSED]
        )


@login_required
def meeting_list(request):
    return render(
        request,
        "council/list.html",
        {
            "meetings": policy.meetings_visible_to(request.user),
            "is_secretary": Council.objects.filter(
                members__user=request.user, members__position="thu_ky"
            ).exists(),
            "configurable": policy.configurable_councils(request.user),
        },
    )


@login_required
def meeting_create(request):
    form = MeetingForm(
        request.POST or None, user=request.user, initial={"campaign": request.GET.get("dot")}
    )
    if not form.fields["campaign"].queryset.exists():
        raise PermissionDenied("Chỉ Thư ký Hội đồng được tạo phiên họp xét khen thưởng.")
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(actor=request.user, **form.cleaned_data)
        except services.CouncilError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "Đã tạo phiên họp với danh sách xét từ các hồ sơ đã thẩm định."
            )
            return redirect("council:meeting", pk=meeting.pk)
    return render(request, "council/meeting_form.html", {"form": form})


def docket(meeting) -> list[dict]:
    """Items grouped by award form, then subject category, with eligibility and appraisal."""
    items = list(
        meeting.items.select_related(
            "candidate__award_form",
            "candidate__person__unit",
            "candidate__unit",
            "candidate__dossier__unit",
        )
    )
    checks = {
        c.candidate_id: c
        for c in evaluate_candidates(
            meeting.campaign,
            Candidate.objects.filter(docket_items__meeting=meeting),
            with_objects=False,
        )
    }
    groups: OrderedDict = OrderedDict()
    for item in items:
        check = checks.get(item.candidate_id)
        category = check.results[0][0].subject_category.name if check and check.results else "Khác"
        key = (item.candidate.award_form, category)
        groups.setdefault(key, []).append({"item": item, "check": check})
    return [{"form": f, "category": c, "rows": rows} for (f, c), rows in groups.items()]


class MinutesForm(forms.Form):
    started_at = forms.TimeField(
        label="Giờ bắt đầu",
        required=False,
        input_formats=["%H:%M", "%Hh%M", "%H giờ %M"],
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "08:00"}),
    )
    ended_at = forms.TimeField(
        label="Giờ kết thúc",
        required=False,
        input_formats=["%H:%M", "%Hh%M", "%H giờ %M"],
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "10:30"}),
    )
    discussion = forms.CharField(
        label="Ý kiến thảo luận của các thành viên",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


@login_required
@require_POST
def meeting_minutes_record(request, pk: int):
    meeting = policy.get_meeting_or_404(request.user, pk)
    form = MinutesForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("council:meeting", pk=pk)
    try:
        services.record_minutes(actor=request.user, meeting=meeting, **form.cleaned_data)
    except services.CouncilError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Đã ghi giờ họp và ý kiến thảo luận vào biên bản.")
    return redirect("council:meeting", pk=pk)


@login_required
def meeting_detail(request, pk: int):
    meeting = policy.get_meeting_or_404(request.user, pk)
    is_secretary = policy.is_secretary(request.user, meeting)
    member = policy.membership(request.user, meeting)
    attendance = list(meeting.attendance.select_related("member__user").order_by("member__order"))
    voted, present = services.ballot_progress(meeting)
    return render(
        request,
        "council/meeting.html",
        {
            "meeting": meeting,
            "groups": docket(meeting),
            "attendance": attendance,
            "is_secretary": is_secretary,
            "member": member,
            "has_voted": member is not None
            and Vote.objects.filter(item__meeting=meeting, member=member).exists(),
            "actions": policy.available_actions(request.user, meeting),
            "quorum_problems": services.quorum_problems(meeting)
            if meeting.status == MeetingStatus.PREPARING
            else [],
            "voted": voted,
            "present": present,
            "closed": meeting.status == MeetingStatus.CLOSED,
            "reads_minutes": meeting.status == MeetingStatus.CLOSED
            and policy.minutes_reason(request.user, meeting) is not None,
            "history": history(meeting)[:30],
            "left_off": services.left_off(meeting),
            "minutes_form": MinutesForm(
                initial={
                    "started_at": meeting.started_at,
                    "ended_at": meeting.ended_at,
                    "discussion": meeting.discussion,
                }
            )
            if is_secretary
            else None,
        },
    )


@login_required
@require_POST
def meeting_attendance(request, pk: int):
    meeting = policy.get_meeting_or_404(request.user, pk)
    ids = {int(i) for i in request.POST.getlist("present") if i.isdigit()}
    try:
        services.set_attendance(actor=request.user, meeting=meeting, present_member_ids=ids)
    except services.CouncilError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Đã lưu danh sách có mặt.")
    return redirect("council:meeting", pk=pk)


@login_required
@require_POST
def meeting_action(request, pk: int, action: str):
    meeting = policy.get_meeting_or_404(request.user, pk)
    try:
        services.move(actor=request.user, meeting=meeting, action=action)
    except services.CouncilError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã thực hiện: {policy.TRANSITIONS[action].label}.")
    return redirect("council:meeting", pk=pk)


@login_required
def ballot(request, pk: int):
    """A member's own ballot, made for a phone: one choice per candidate, submitted once."""
    meeting = policy.get_meeting_or_404(request.user, pk)
    member = policy.membership(request.user, meeting)
    if member is None:
        raise PermissionDenied("Bạn không phải thành viên của Hội đồng họp phiên này.")
    items = list(
        meeting.items.select_related(
            "candidate__award_form",
            "candidate__person__unit",
            "candidate__unit",
            "candidate__dossier__unit",
        )
    )
    done = set(
        Vote.objects.filter(item__meeting=meeting, member=member).values_list("item_id", flat=True)
    )
    if request.method == "POST":
        choices = {}
        for item in items:
            value = request.POST.get(f"item_{item.pk}")
            if value in ("1", "0") and item.pk not in done:
                choices[item.pk] = value == "1"
        try:
            count = services.cast_ballot(actor=request.user, meeting=meeting, choices=choices)
        except services.CouncilError as error:
            flash_errors(request, error)
        else:
            messages.success(
                request,
                f"Đã ghi phiếu của bạn cho {count} trường hợp. Phiếu được giữ kín đến khi kết thúc bỏ phiếu.",
            )
        return redirect("council:ballot", pk=pk)
    # What the member weighs before voting: the appraisal, the self-check and the flags
    # (discipline, suspension, duplicate proposals) of each candidate.
    checks = {
        c.candidate_id: c
        for c in evaluate_candidates(
            meeting.campaign,
            Candidate.objects.filter(docket_items__meeting=meeting),
            with_objects=False,
        )
    }
    for item in items:
        item.check = checks.get(item.candidate_id)
    return render(
        request,
        "council/ballot.html",
        {"meeting": meeting, "items": items, "done": done, "member": member},
    )


@login_required
@require_POST
def paper_counts(request, pk: int):
    meeting = policy.get_meeting_or_404(request.user, pk)
    counts = {}
    for item in meeting.items.all():
        yes, no = request.POST.get(f"yes_{item.pk}", ""), request.POST.get(f"no_{item.pk}", "")
        if yes.strip().isdigit() and no.strip().isdigit():
            counts[item.pk] = (int(yes), int(no))
    try:
        services.record_paper_counts(actor=request.user, meeting=meeting, counts=counts)
    except services.CouncilError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã lưu kết quả kiểm phiếu của {len(counts)} trường hợp.")
    return redirect("council:meeting", pk=pk)


@login_required
def minutes_docx(request, pk: int):
    meeting = policy.get_meeting_or_404(request.user, pk)
    policy.require_minutes_reader(request.user, meeting)
    filename = f"bien-ban-hop-xet-{meeting.pk}.docx"
    record_export(request, "bien_ban", meeting, filename, unit=meeting.council.unit)
    return download(documents.minutes(meeting), filename, DOCX)
