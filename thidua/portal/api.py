"""Public API of the portal: no token, only what the public pages show (name, unit, award)."""

from __future__ import annotations

from dataclasses import asdict

from ninja import Router

from .models import Story, StoryStatus
from .views import public_award, published_awards

router = Router(tags=["Cổng thông tin (công khai)"])


@router.get(
    "/public/awards", summary="Tập thể, cá nhân được khen thưởng (tìm không dấu, tối đa 100)"
)
def awards(
    request, q: str = "", campaign_id: int | None = None, offset: int = 0, limit: int = 50
) -> dict:
    limit = max(1, min(limit, 100))
    rows = published_awards(q.strip()[:100], campaign_id)
    page = [public_award(r) for r in rows[offset : offset + limit]]
    return {"count": rows.count(), "results": [asdict(a) for a in page]}


@router.get("/public/stories", summary="Điển hình tiên tiến đã đăng")
def stories(request) -> list[dict]:
    return [
        {"id": s.pk, "kind": s.kind, "title": s.title, "summary": s.summary, "published_at": s.published_at,
         "unit": s.unit.name if s.unit else None, "campaign_id": s.campaign_id}
        for s in Story.objects.filter(status=StoryStatus.PUBLISHED).select_related("unit")[:100]
    ]  # fmt: skip
