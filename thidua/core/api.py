"""What every API router shares and that belongs to no step of the flow: the error schema."""

from __future__ import annotations

from ninja import Schema


class Error(Schema):
    """Every refusal of the API: a Vietnamese sentence, and per-field messages where a form
    or an Excel row was refused."""

    detail: str
    errors: dict[str, list[str]] | None = None
