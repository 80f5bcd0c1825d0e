"""History entry through /api/v1/: ratings, initiatives, disciplines, legacy awards, with bulk endpoints."""

from __future__ import annotations

from ninja import Router

from thidua.org.api_auth import TokenAuth

router = Router(tags=["Lịch sử thi đua"], auth=TokenAuth())
