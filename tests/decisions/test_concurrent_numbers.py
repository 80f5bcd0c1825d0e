"""Approvals at the same moment, in separate threads and connections, never share a number."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connections

pytestmark = [pytest.mark.flushes_db, pytest.mark.django_db(transaction=True)]


def test_concurrent_approvals_get_distinct_numbers():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from thidua.campaigns.models import Campaign
    from thidua.decisions import services
    from thidua.decisions.models import Decision

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    campaign = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    form = campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã")
    drafts = [
        Decision.objects.create(
            issuer=campaign.issuer,
            issuer_name="UBND thị xã Sa Pa",
            campaign=campaign,
            award_form=form,
            year=2020,
            signed_on=date(2020, 11, 5),
            place="Sa Pa",
            subject=f"Khen thưởng {n}",
            legal_bases="Căn cứ …",
        )
        for n in range(4)
    ]
    chairman = get_user_model().objects.get(username="chutich")
    barrier = threading.Barrier(len(drafts))
    outcomes: list = []

    def approve(decision):
        try:
            barrier.wait()
            services.approve(actor=chairman, decision=decision)
            outcomes.append("ok")
        except Exception as error:  # noqa: BLE001 - recorded, asserted below
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(d,)) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    numbers = list(
        Decision.objects.filter(pk__in=[d.pk for d in drafts], number__isnull=False).values_list(
            "number", flat=True
        )
    )
    assert len(numbers) == len(set(numbers)), f"duplicate numbers: {numbers}"
    assert outcomes == ["ok"] * 4, outcomes  # SQLite: writers wait for each other (IMMEDIATE)
    assert sorted(numbers) == [1, 2, 3, 4]
