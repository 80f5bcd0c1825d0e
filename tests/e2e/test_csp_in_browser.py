"""Under the Content-Security-Policy the pages still work in Chromium: a confirmation asked by
static/js/app.js (data-confirm) stops the form when refused, bars get their width (data-width),
and the browser reports no blocked script or style."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_confirmations_and_bars_work_without_inline_script(live_server, page, login):
    from django.core.management import call_command

    from thidua.council.models import Council

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    base = live_server.url
    blocked = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    login(page, base, "noivu")
    council = Council.objects.first()
    response = page.goto(f"{base}/hoi-dong/cau-hinh/{council.pk}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    asked = []

    def refuse(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", refuse)
    page.get_by_role("button", name="Thôi tham gia").first.click()
    page.wait_for_timeout(300)
    assert len(asked) == 1 and asked[0].endswith("thôi là thành viên từ hôm nay?")
    assert page.url == f"{base}/hoi-dong/cau-hinh/{council.pk}/"  # nothing was sent
    assert page.get_by_text("thôi là thành viên Hội đồng từ hôm nay").count() == 0
    page.once("dialog", lambda dialog: dialog.accept())  # accepted: the form is sent
    page.get_by_role("button", name="Thôi tham gia").first.click()
    page.get_by_text("thôi là thành viên Hội đồng từ hôm nay.").wait_for()

    page.goto(f"{base}/thong-ke/")
    bar = page.locator(".bar-fill").first
    assert bar.evaluate("e => e.style.width") == bar.get_attribute("data-width") + "%"
    assert blocked == []
