"""A person's history through /api/v1/: the person (as ``org.api`` shows them) with ratings and
awards received."""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema

from thidua.org import access
from thidua.org.api import PersonOut, person_out
from thidua.org.api_auth import TokenAuth

from .models import AnnualRating, AwardRecord

router = Router(tags=["Đơn vị và cá nhân"], auth=TokenAuth())


class RatingOut(Schema):
    year: int
    level: str
    level_label: str


class AwardOut(Schema):
    award_name: str
    decision_number: str
    decided_on: date
    issuer_name: str
    award_type: str


class PersonDetailOut(PersonOut):
    ratings: list[RatingOut]
    awards: list[AwardOut]


@router.get(
    "/people/{person_id}",
    response=PersonDetailOut,
    summary="Cá nhân và lịch sử thi đua, khen thưởng",
)
def get_person(request, person_id: int):
    person = access.get_person_or_404(request.user, person_id)
    ratings = [
        {"year": r.year, "level": r.level, "level_label": r.get_level_display()}
        for r in AnnualRating.objects.filter(person=person)
    ]
    awards = list(AwardRecord.objects.filter(person=person).values(*AwardOut.model_fields))
    return {**person_out(person), "ratings": ratings, "awards": awards}
