"""The submit button's confirmation names the candidate whose self-check fails (issue 16):
dismissing it submits nothing; accepting it submits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_confirmation_names_the_failing_candidate(live_server, page, login, screenshot):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from thidua.demo.scenario import upload_missing_documents
    from thidua.nominations import services
    from thidua.nominations.evaluation import evaluate_candidates
    from thidua.nominations.models import Dossier
    from thidua.nominations.warnings import is_warned

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    users = get_user_model().objects
    dossier = Dossier.objects.get(
        unit__name="Phường Sa Pa", campaign__title__startswith="Đợt thi đua"
    )
    # The 2020 deadline has passed: an extension lets the ward submit today.
    services.grant_extension(
        actor=users.get(username="noivu"),
        campaign=dossier.campaign,
        unit=dossier.unit,
        until=timezone.localdate() + timedelta(days=7),
        reason="Thử nộp hồ sơ",
    )
    upload_missing_documents(dossier, users.get(username="phuongsapa"))
    checks = evaluate_candidates(dossier.campaign, dossier.candidates.all())
    failing = [c.candidate.name for c in checks if is_warned(c)]
    assert failing

    base = live_server.url
    login(page, base, "phuongsapa.truong")
    page.goto(f"{base}/ho-so/{dossier.pk}/")
    page.get_by_text("⚠ Cần lưu ý").first.wait_for()
    questions = []

    def dismiss(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Duyệt và nộp hồ sơ").click()
    page.wait_for_timeout(300)
    assert questions, "a confirmation was asked"
    for name in failing:
        assert name in questions[0]
    assert "Không đạt" in questions[0] or "Tạm hoãn" in questions[0]
    dossier.refresh_from_db()
    assert dossier.status == "draft"
    screenshot(page, "submit-warning")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Duyệt và nộp hồ sơ").click()
    page.get_by_text("Đã thực hiện: Duyệt và nộp hồ sơ.").wait_for()
    dossier.refresh_from_db()
    assert dossier.status == "submitted"
