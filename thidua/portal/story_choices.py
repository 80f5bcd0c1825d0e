"""What the story form offers the media centre: the campaigns of its area that were launched
(or are over), never drafts whose titles must not leak before launch; and, for the chosen
campaign, only the people awarded in it (awards in force), searched by name."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.text import ascii_key
from thidua.org.models import Person, Unit
from thidua.records.models import AwardRecord

VISIBLE = (CampaignStatus.LAUNCHED, CampaignStatus.CLOSED)
MOST_PEOPLE = 200  # options in the select; the search narrows further


def campaigns_of(area: Unit) -> QuerySet[Campaign]:
    return (
        Campaign.objects.filter(issuer__path__startswith=area.path, status__in=VISIBLE)
        .select_related("issuer")
        .order_by("-id")
    )


def awarded_people(area: Unit, campaign: Campaign | int | None) -> QuerySet[Person]:
    """People of the area with an award in force from ``campaign`` (none without one)."""
    if not campaign:
        return Person.objects.none()
    campaign_id = campaign.pk if isinstance(campaign, Campaign) else int(campaign)
    awards = AwardRecord.objects.filter(
        person=OuterRef("pk"), campaign_id=campaign_id, revoked_on__isnull=True
    )
    return (
        Person.objects.filter(unit__path__startswith=area.path)
        .filter(Exists(awards))
        .select_related("unit")
        .order_by("full_name", "pk")
    )


def search(people: QuerySet[Person], text: str) -> QuerySet[Person]:
    """Each word of ``text`` in the name, with or without diacritics."""
    for word in ascii_key(text).split():
        people = people.filter(search_name__contains=word)
    return people
