"""A candidate list waiting for the user's confirmation (it names people the unit's staff
lacks): its bytes are kept in the storage under a random name known only to the user's
session, until they confirm or upload another list."""

from __future__ import annotations

import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest

from thidua.org.models import Gender, PersonCategory

PREFIX = "imports/pending/"


def _key(dossier_pk: int) -> str:
    return f"nominations.pending_import.{dossier_pk}"


def keep(request: HttpRequest, dossier_pk: int, uploaded, only_clean: bool) -> None:
    forget(request, dossier_pk)
    uploaded.seek(0)
    name = default_storage.save(
        f"{PREFIX}{secrets.token_hex(16)}.xlsx", ContentFile(uploaded.read())
    )
    request.session[_key(dossier_pk)] = {
        "path": name,
        "name": getattr(uploaded, "name", "danh-sach.xlsx"),
        "only_clean": only_clean,
    }


def take(request: HttpRequest, dossier_pk: int) -> tuple[SimpleUploadedFile, bool] | None:
    """The kept list (and its "only clean rows" choice), removed from the storage."""
    pending = request.session.pop(_key(dossier_pk), None)
    if not pending or not str(pending.get("path", "")).startswith(PREFIX):
        return None
    if not default_storage.exists(pending["path"]):
        return None
    with default_storage.open(pending["path"], "rb") as handle:
        content = handle.read()
    default_storage.delete(pending["path"])
    return SimpleUploadedFile(pending["name"], content), bool(pending["only_clean"])


def forget(request: HttpRequest, dossier_pk: int) -> None:
    pending = request.session.pop(_key(dossier_pk), None)
    if pending and str(pending.get("path", "")).startswith(PREFIX):
        default_storage.delete(pending["path"])


def describe(rows) -> list[dict]:
    """The people to add, as the confirmation table shows them."""
    categories = dict(PersonCategory.choices)
    genders = dict(Gender.choices)
    return [
        {
            "row": r.row,
            "name": r.name,
            "date_of_birth": r.person.date_of_birth if r.person else None,
            "gender": genders.get(r.new_person["gender"], ""),
            "category": categories.get(r.new_person["category"], ""),
            "position": r.new_person.get("position", ""),
        }
        for r in rows
        if r.new_person
    ]
