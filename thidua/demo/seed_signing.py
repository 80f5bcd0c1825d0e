"""The demo's signing keys: a test CA, a personal key for each demo chairman and an agency key
for each unit they chair (all marked CHỈ DÙNG THỬ NGHIỆM). Idempotent."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from thidua.core.docx import agency_title
from thidua.decisions.models import KeyKind, SigningKey
from thidua.org.models import Role

from .seed_accounts import demo_role_assignments
from .test_pki import TEST_MARK, ensure_ca, issue_p12


def seed_signing_keys() -> None:
    directory = Path(settings.THIDUA_SIGNING_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    ensure_ca(directory)
    for assignment in demo_role_assignments():
        if assignment.role != Role.CHU_TICH:
            continue
        user, unit = assignment.user, assignment.unit
        agency = agency_title(unit)
        if not SigningKey.objects.filter(user=user, active=True).exists():
            name = user.get_full_name() or user.username
            path = issue_p12(directory, f"thu-nghiem-{user.username}.p12", name, agency)
            SigningKey.objects.create(
                kind=KeyKind.PERSONAL,
                user=user,
                p12_path=path.name,
                is_test=True,
                subject=f"{name} ({TEST_MARK})",
            )
        if not SigningKey.objects.filter(unit=unit, active=True).exists():
            path = issue_p12(directory, f"thu-nghiem-don-vi-{unit.pk}.p12", agency, agency)
            SigningKey.objects.create(
                kind=KeyKind.AGENCY,
                unit=unit,
                p12_path=path.name,
                is_test=True,
                subject=f"{agency} ({TEST_MARK})",
            )
