"""Configuring a council, by the issuing unit's emulation office: members by date and the
voting rule of each award form. Each function checks permission, writes in one transaction
and records the audit entry."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from thidua.campaigns.models import AwardForm
from thidua.core import audit

from . import policy
from .models import Council, CouncilMember, Position, VotingRule
from .policy import CouncilError


def add_member(
    *, actor: User, council: Council, user: Any, position: str, title: str
) -> CouncilMember:
    policy.require_configure(actor, council)
    if position == Position.THU_KY and council.members.filter(position=Position.THU_KY).exists():
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
            audit.record(
                actor=actor, action="council.member.added", obj=council, message=str(member)
            )
    except IntegrityError as error:
        raise CouncilError(
            f"{user.get_full_name() or user.username} đã là thành viên Hội đồng."
        ) from error
    return member


def end_membership(*, actor: User, member: CouncilMember, day: date) -> None:
    """Members leave by date (valid_to), so past meetings keep their composition."""
    policy.require_configure(actor, member.council)
    with transaction.atomic():
        CouncilMember.objects.filter(pk=member.pk).update(valid_to=day)
        audit.record(
            actor=actor, action="council.member.ended", obj=member.council, message=str(member)
        )


def save_rule(*, actor: User, award_form: AwardForm, council: Council, **values: Any) -> VotingRule:
    policy.require_configure(actor, council)
    if not 0 < values["threshold_percent"] <= 100 or not 0 < values["quorum_percent"] <= 100:
        raise CouncilError("Tỉ lệ phải từ 1% đến 100%.")
    rule = award_form.voting_rules.filter(valid_to__isnull=True).first() or VotingRule(
        award_form=award_form
    )
    for name, value in values.items():
        setattr(rule, name, value)
    with transaction.atomic():
        rule.save()
        audit.record(
            actor=actor, action="council.rule.saved", obj=council, message=f"{award_form}: {rule}"
        )
    return rule
