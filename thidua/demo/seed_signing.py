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
        name = user.get_full_name() or user.username
        _ensure(directory, f"thu-nghiem-{user.username}.p12", name, agency, user=user)
        _ensure(directory, f"thu-nghiem-don-vi-{unit.pk}.p12", agency, agency, unit=unit)


def _ensure(directory: Path, file_name: str, common_name: str, agency: str, **owner) -> None:
    """The owner's test key: its row, and its file (made again if the folder was emptied)."""
    key = SigningKey.objects.filter(active=True, **owner).first()
    if key is not None:
        if key.is_test and not (directory / key.p12_path).exists():
            issue_p12(directory, key.p12_path, common_name, agency)
        return
    path = issue_p12(directory, file_name, common_name, agency)
    SigningKey.objects.create(
        kind=KeyKind.PERSONAL if "user" in owner else KeyKind.AGENCY,
        p12_path=path.name,
        is_test=True,
        subject=f"{common_name} ({TEST_MARK})",
        **owner,
    )
