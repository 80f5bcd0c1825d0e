"""Units, unit types and offices through /api/v1/ (administrators)."""

from __future__ import annotations

from ninja import Router

from .api_auth import TokenAuth

router = Router(tags=["Quản trị đơn vị"], auth=TokenAuth())
