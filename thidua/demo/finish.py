"""Carry the seed's 2020 campaign to its end, for showing a finished campaign
(`thidua demo_finished`): dossiers appraised, the council meets and votes, the chairman signs
the town's Giấy khen decision, the certificates are printed, two exemplary stories are
published on the portal and Phòng Nội vụ closes the campaign. Every step goes through the
services, as the users would act, and is skipped when already done: the command runs in any
state the demo reaches.

`seed_demo` (`make run`) runs this; `seed_demo --stage dossiers` leaves the 2020 campaign at
the dossier stage, where the tests start."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import CampaignStatus
from thidua.council import services as council
from thidua.council.models import CouncilMember, Meeting, MeetingStatus
from thidua.decisions import services as decisions
from thidua.decisions.batches import start_certificate_batch
from thidua.decisions.models import Decision, DecisionStatus
from thidua.portal import policy as portal_policy
from thidua.portal import services as portal
from thidua.portal.models import Story, StoryStatus

from .scenario import appraise_demo_dossiers

GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"
VOTERS = ("thuky", "hoidong1", "hoidong2", "chutich")
STORIES = [
    (
        "mo_hinh",
        "Mô hình du lịch cộng đồng ở Lao Chải",
        "Người dân giữ gìn bản sắc văn hóa, cùng làm du lịch và tăng thu nhập.",
        "<p>Từ năm 2018, gia đình anh <strong>Sùng A Páo</strong> (xã Tả Van) mở homestay và "
        "vận động các hộ trong thôn cùng làm du lịch cộng đồng.</p>"
        "<ul><li>4 hộ thoát nghèo</li><li>7 lao động địa phương có việc làm</li>"
        "<li>Giữ gìn nghề dệt thổ cẩm của người Mông</li></ul>",
    ),
    (
        "dien_hinh",
        "Thôn Lao Chải: điển hình xây dựng nông thôn mới",
        "Cả thôn đồng lòng làm đường, giữ vệ sinh môi trường và bản sắc dân tộc.",
        "<p>Thôn Lao Chải được Chủ tịch UBND thị xã tặng Giấy khen trong đợt thi đua chào "
        "mừng 70 năm ngày giải phóng Sa Pa.</p>",
    ),
]


def finish_2020() -> Decision:
    users = {u.username: u for u in get_user_model().objects.all()}
    campaign = appraise_demo_dossiers()
    with transaction.atomic():
        meeting = Meeting.objects.filter(campaign=campaign).order_by("pk").first()
        if meeting is None:
            meeting = council.create_meeting(
                actor=users["thuky"],
                campaign=campaign,
                held_on=date(2020, 10, 28),
                place="Hội trường UBND thị xã Sa Pa",
                mode="electronic",
            )
        if meeting.status == MeetingStatus.PREPARING:
            members = CouncilMember.objects.filter(
                council=meeting.council, user__username__in=VOTERS
            )
            council.set_attendance(
                actor=users["thuky"],
                meeting=meeting,
                present_member_ids=set(members.values_list("pk", flat=True)),
            )
            council.open_ballot(actor=users["thuky"], meeting=meeting)
            meeting.refresh_from_db()
        if meeting.status == MeetingStatus.VOTING:
            for member in CouncilMember.objects.filter(
                council=meeting.council, user__username__in=VOTERS
            ).select_related("user"):
                council.cast_ballot(
                    actor=member.user,
                    meeting=meeting,
                    choices={item.pk: True for item in meeting.items.all()},
                )
            meeting = council.close_ballot(actor=users["thuky"], meeting=meeting)
        form = campaign.award_forms.get(name=GK_TOWN)
        decision = Decision.objects.filter(meeting=meeting, award_form=form).first()
        if decision is None:
            decision = decisions.prepare_decision(
                actor=users["noivu"], meeting=meeting, award_form=form, signed_on=date(2020, 10, 30)
            )
        if decision.status == DecisionStatus.DRAFT:
            decision = decisions.approve(actor=users["chutich"], decision=decision)
        _publish_stories(campaign, users)
    start_certificate_batch(actor=users["noivu"], decision=decision)  # the worker prints them
    campaign.refresh_from_db()
    if campaign.status == CampaignStatus.LAUNCHED:
        campaigns.close_campaign(actor=users["noivu"], campaign=campaign)
    return decision


def _publish_stories(campaign, users) -> None:
    writer, reviewer = users["truyenthong"], users["noivu"]
    owner = portal_policy.writer_units(writer)[0]
    for kind, title, summary, body in STORIES:
        story = Story.objects.filter(title=title).first()
        if story is None:
            story = portal.save_story(
                actor=writer,
                story=Story(owner_unit=owner),
                kind=kind,
                title=title,
                summary=summary,
                body=body,
                campaign=campaign,
            )
        if story.status == StoryStatus.DRAFT:
            story = portal.move(actor=writer, story=story, action="submit")
        if story.status != StoryStatus.PUBLISHED:
            portal.move(actor=reviewer, story=story, action="publish")
