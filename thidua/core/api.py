"""What every API router shares and that belongs to no step of the flow: the error schema."""

from __future__ import annotations

from ninja import Schema


class Error(Schema):
    """Every refusal of the API: a Vietnamese sentence, and per-field messages where a form
    or an Excel row was refused."""

    detail: str
    errors: dict[str, list[str]] | None = None


class Conflict(Schema):
    """409: another request changed the object first (or won the race); ``current`` is the
    object's state now, so the client need not ask again."""

    detail: str
    current: dict | None = None
