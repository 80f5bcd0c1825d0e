"""The one error family of services.

A service refuses an action by raising ``ServiceError`` (or ``ConflictError`` when someone else
changed the object first) with a Vietnamese message. Pages show the message; the API answers
422 (409 for a conflict) with the error schema of ``core.api``. Permission is refused with
Django's ``PermissionDenied`` (403) and scope with ``Http404``, as everywhere else.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class ServiceError(ValidationError):
    """A business rule refused the action; the message says why, in Vietnamese."""


class ConflictError(ServiceError):
    """The object changed (or another request won the race) since the user saw it.

    ``current`` (optional) describes the object's state now; the API returns it with the 409 so
    that the client that lost the race need not ask again."""

    def __init__(
        self,
        message: Any,
        code: str | None = None,
        params: dict | None = None,
        *,
        current: dict | None = None,
    ) -> None:
        super().__init__(message, code, params)
        self.current = current
