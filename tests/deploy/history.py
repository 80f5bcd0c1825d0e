"""Run in a subprocess against a deployed database (production settings): the demo campaign
taken through appraisal, the council's vote and a signed decision, so that the database holds
dossiers, uploaded files and a decision (`python -m tests.deploy.history`)."""

from datetime import date

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from tests.demo_council import GK_TOWN, close_with_votes  # noqa: E402
from thidua.council import services as council  # noqa: E402
from thidua.decisions import services as decisions  # noqa: E402
from thidua.demo.scenario import appraise_demo_dossiers  # noqa: E402

users = {u.username: u for u in get_user_model().objects.all()}
campaign = appraise_demo_dossiers()
meeting = council.create_meeting(
    actor=users["thuky"],
    campaign=campaign,
    held_on=date(2020, 10, 28),
    place="Phòng họp 1",
    mode="electronic",
)
meeting = close_with_votes(meeting)
decision = decisions.prepare_decision(
    actor=users["noivu"],
    meeting=meeting,
    signed_on=date(2020, 10, 30),
    award_form=campaign.award_forms.get(name=GK_TOWN),
)
decision = decisions.approve(actor=users["chutich"], decision=decision)
print(decision.pk)
