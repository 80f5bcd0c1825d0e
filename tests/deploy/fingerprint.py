"""Print what a restore must bring back, as JSON: every dossier, decision, recipient and
uploaded file (with the SHA-256 of its bytes) (`python -m tests.deploy.fingerprint`)."""

import hashlib
import json

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from thidua.decisions.models import Decision, Recipient  # noqa: E402
from thidua.nominations.models import Candidate, Dossier, DossierDocument  # noqa: E402


def digest(field) -> str:
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


print(
    json.dumps(
        {
            "dossiers": sorted(Dossier.objects.values_list("pk", "unit__name", "status")),
            "candidates": Candidate.objects.count(),
            "decisions": sorted(
                Decision.objects.values_list("pk", "number", "status", "recipient_count")
            ),
            "recipients": sorted(Recipient.objects.values_list("pk", "decision_id")),
            "files": sorted((d.file.name, digest(d.file)) for d in DossierDocument.objects.all()),
            "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        },
        default=str,
    )
)
