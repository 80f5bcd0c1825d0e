"""A state transition, one row of an object's workflow table (campaign, dossier, meeting)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Transition:
    source: tuple[str, ...]
    target: str
    label: str
    confirm: str
    perm: str | None = None  # the permission it needs, where the table says so
    needs_reason: bool = False
