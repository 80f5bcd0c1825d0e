"""The portal's identity (authority, emblem, contacts): who may change it and the one service
that does. It speaks for the whole deployment, so only an administrator of a root unit (the
province) may change it."""

from __future__ import annotations

import secrets

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from thidua.core import audit, uploads
from thidua.org import access
from thidua.org.access import Actor

from .models import PortalIdentity
from .policy import StoryError

FIELDS = ["authority_name", "portal_title", "address", "phone", "email", "responsible"]


class IdentityForm(forms.ModelForm):
    class Meta:
        model = PortalIdentity
        fields = FIELDS


def can_change(actor: Actor) -> bool:
    return access.administers_root(actor)


def update_identity(
    *, actor: Actor, data: dict, emblem: UploadedFile | None = None, remove_emblem: bool = False
) -> PortalIdentity:
    if not can_change(actor):
        raise PermissionDenied("Chỉ quản trị hệ thống cấp tỉnh được sửa thông tin cổng thông tin.")
    identity = PortalIdentity.current()
    form = IdentityForm(data, instance=identity)
    if not form.is_valid():
        raise StoryError([m for errors in form.errors.values() for m in errors])
    kind = None
    if emblem is not None:
        try:
            kind = uploads.detect_kind(emblem, allowed=("png", "jpg"))
        except ValidationError as error:
            raise StoryError(error.messages) from error
    with transaction.atomic():
        identity = form.save(commit=False)
        if remove_emblem and identity.emblem:
            identity.emblem.delete(save=False)
            identity.emblem_kind = ""
        if emblem is not None and kind is not None:
            identity.emblem_token = secrets.token_hex(16)
            identity.emblem_kind = kind.code
            identity.emblem.save("bieu-trung", emblem, save=False)
        identity.save()
        audit.record(
            actor=actor,
            action="portal.identity.updated",
            obj=identity,
            message=identity.authority_name,
        )
    return identity
