"""The trích ngang list of a dossier, built by the worker when the dossier proposes more than
``THIDUA_BACKGROUND_ROWS`` candidates: a kind of ``core.generated`` file wrapping
``documents.nomination_list`` as it is."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from thidua.core import generated
from thidua.core.web import DOCX
from thidua.org.models import Person, Unit

from . import documents, policy
from .models import Candidate, Dossier

KIND = "nominations.trich-ngang"


def heavy(rows: int) -> bool:
    return rows > settings.THIDUA_BACKGROUND_ROWS


def _load(pk: int) -> Dossier:
    return Dossier.objects.select_related("campaign", "unit").get(pk=pk)


def fingerprint(dossier: Dossier) -> str:
    candidates = Candidate.objects.filter(dossier=dossier).order_by("pk")
    return generated.digest(
        Dossier.objects.filter(pk=dossier.pk),
        candidates,
        Person.objects.filter(pk__in=candidates.values("person_id")).order_by("pk"),
        Unit.objects.filter(pk__in=candidates.values("unit_id")).order_by("pk"),
        Unit.objects.filter(pk=dossier.unit_id),
        document="danh-sach-trich-ngang",
    )


def register() -> None:
    generated.register(
        generated.Kind(
            name=KIND,
            label="Danh sách trích ngang (DOCX)",
            get_object=policy.get_dossier_or_404,
            load=_load,
            fingerprint=fingerprint,
            build=documents.nomination_list,
            filename=lambda dossier: f"danh-sach-trich-ngang-ho-so-{dossier.pk}.docx",
            size=lambda dossier: dossier.candidates.count(),
            back_url=lambda dossier: reverse("nominations:detail", args=[dossier.pk]),
            content_type=DOCX,
        )
    )
