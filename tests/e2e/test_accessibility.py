"""Accessibility: axe-core (vendored from npm, tests/e2e/vendor/axe-core) reports no serious
or critical violation on the home, dossier, ballot and portal pages, desktop and phone."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def with_axe(page) -> None:
    """Load axe-core into every page ``page`` opens from now on. An init script, not a script
    tag: the Content-Security-Policy (script-src 'self') rightly blocks injected inline code."""
    page.add_init_script(path=str(AXE))


def serious_violations(page) -> list[str]:
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:5]
        )
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_main_pages_have_no_serious_violation(live_server, page, login):
    from datetime import date

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from thidua.council import services as council
    from thidua.council.models import CouncilMember
    from thidua.demo.scenario import appraise_demo_dossiers
    from thidua.nominations.models import Dossier

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    campaign = appraise_demo_dossiers()
    users = {u.username: u for u in get_user_model().objects.all()}
    meeting = council.create_meeting(
        actor=users["thuky"],
        campaign=campaign,
        held_on=date(2020, 10, 28),
        place="Phòng họp số 1",
        mode="electronic",
    )
    council.set_attendance(
        actor=users["thuky"],
        meeting=meeting,
        present_member_ids=set(
            CouncilMember.objects.filter(council=meeting.council).values_list("pk", flat=True)
        ),
    )
    council.open_ballot(actor=users["thuky"], meeting=meeting)
    dossier = Dossier.objects.get(campaign=campaign, unit__name="Xã Tả Van")
    base = live_server.url
    with_axe(page)
    pages = [
        ("tavan", "/"),
        ("tavan", f"/ho-so/{dossier.pk}/"),
        ("hoidong1", f"/hoi-dong/{meeting.pk}/phieu/"),
        ("noivu", f"/ho-so/dot/{campaign.pk}/ra-soat/"),
        (None, "/cong-khai/"),
    ]
    found = {}
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        for username, address in pages:
            if username:
                login(page, base, username)
            else:
                page.context.clear_cookies()
            page.goto(base + address)
            problems = serious_violations(page)
            if problems:
                found[f"{address} @{width}px"] = problems
    assert found == {}
