"""Staff (people) through /api/v1/: list, add, edit, move, import."""

from __future__ import annotations

from ninja import Router

from .api_auth import TokenAuth

router = Router(tags=["Cán bộ"], auth=TokenAuth())
