"""The council of thị xã Sa Pa (Hội đồng Thi đua – Khen thưởng thị xã) and its voting rules
for the demo campaign: simple majority of all members, two-thirds quorum."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from thidua.campaigns.models import Campaign
from thidua.council.models import Council, CouncilMember, VotingRule
from thidua.org.models import Unit

from .plan_sapa_2020 import SAPA_TITLE

MEMBERS = [
    # username, position, title
    ("chutich", "chu_tich", "Chủ tịch UBND thị xã"),
    ("hoidong1", "pho_chu_tich", "Trưởng phòng Nội vụ thị xã"),
    ("hoidong2", "uy_vien", "Chủ tịch Liên đoàn Lao động thị xã"),
    ("thuky", "thu_ky", "Chuyên viên Phòng Nội vụ thị xã"),
]
RULE_BASIS = "Quy chế hoạt động của Hội đồng TĐKT thị xã: biểu quyết theo đa số"


def seed_council() -> None:
    town = Unit.objects.filter(name="Thị xã Sa Pa").first()
    if town is None or Council.objects.filter(unit=town).exists():
        return
    council = Council.objects.create(
        unit=town, name="Hội đồng Thi đua – Khen thưởng thị xã Sa Pa", valid_to=town.valid_to
    )
    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=[m[0] for m in MEMBERS])
    }
    campaign = Campaign.objects.filter(title=SAPA_TITLE, parent__isnull=True).first()
    forms = campaign.award_forms.all() if campaign is not None else []
    seat_council(council, MEMBERS, users, forms, RULE_BASIS)


def seat_council(council: Council, members, users, forms, rule_basis: str) -> None:
    """The council's members in order, and the demo's voting rule (simple majority of all
    members, two-thirds quorum) for each award form the council votes on itself."""
    for order, (username, position, title) in enumerate(members):
        CouncilMember.objects.create(
            council=council, user=users[username], position=position, title=title, order=order
        )
    for form in forms:
        if not form.delegated_to_units:
            VotingRule.objects.create(
                award_form=form,
                quorum_percent=67,
                threshold_percent=50,
                strictly_more=True,
                base="all_members",
                legal_basis=rule_basis,
            )
