from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua.org import access
from thidua.org.access import Perm

from .models import AnnualRating, AwardRecord, Discipline


@login_required
def person_history(request, pk: int):
    person = access.get_person_or_404(request.user, pk)
    return render(
        request,
        "records/person.html",
        {
            "person": person,
            "ancestors": person.unit.ancestors() + [person.unit],
            "ratings": AnnualRating.objects.filter(person=person),
            "initiatives": person.initiatives.all(),
            "disciplines": person.disciplines.all(),
            "awards": AwardRecord.objects.filter(person=person),
            "can_enter": access.in_scope(request.user, person.unit, Perm.MANAGE_RECORDS),
        },
    )


@login_required
def unit_history(request, pk: int):
    unit = access.get_unit_or_404(request.user, pk, Perm.VIEW_PEOPLE)
    member_disciplines = Discipline.objects.filter(person__unit=unit).select_related("person")
    return render(
        request,
        "records/unit.html",
        {
            "unit": unit,
            "ancestors": unit.ancestors(),
            "ratings": AnnualRating.objects.filter(unit=unit),
            "awards": AwardRecord.objects.filter(unit=unit),
            "member_disciplines": member_disciplines,
            "can_enter": access.in_scope(request.user, unit, Perm.MANAGE_RECORDS),
        },
    )
