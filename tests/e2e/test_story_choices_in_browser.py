"""The media centre writes a story: choosing the campaign fills the person list with the people
awarded in it, and typing a name (without diacritics) narrows it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded():
    from django.core.management import call_command

    call_command("seed_demo", "--stage=dossiers", verbosity=0)


def test_campaign_choice_fills_the_awarded_people(
    seeded, signed_decision, live_server, page, login, screenshot
):
    from thidua.org.models import Person
    from thidua.records.models import AwardRecord

    campaign = signed_decision.campaign
    awarded = list(
        Person.objects.filter(
            pk__in=AwardRecord.objects.filter(campaign=campaign).values("person_id")
        ).order_by("full_name")
    )
    assert awarded
    login(page, live_server.url, "truyenthong")
    page.goto(live_server.url + "/dien-hinh/viet/")
    person = page.locator("#id_person")
    assert person.locator("option").count() == 1  # only the empty choice
    page.select_option("#id_campaign", str(campaign.pk))
    # Locators, not wait_for_function: the page's CSP forbids evaluating strings.
    expect(person.locator("option")).to_have_count(len(awarded) + 1)
    target = awarded[0]
    word = max(target.search_name.split(), key=len)  # typed without diacritics
    matching = [p for p in awarded if word in p.search_name]
    page.get_by_label("Tìm người được khen thưởng theo tên").fill(word)
    expect(person.locator("option")).to_have_count(len(matching) + 1)
    expect(person).to_contain_text(target.full_name)
    screenshot(page, "story-form-awarded-people")
