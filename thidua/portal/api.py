"""Public API of the portal: no token, only what the public pages show (name, unit, award)."""

from __future__ import annotations

from dataclasses import asdict

from django.http import Http404
from ninja import Router
from ninja.errors import HttpError

from . import public
from .models import Story, StoryStatus

router = Router(tags=["Cổng thông tin (công khai)"])


@router.get("/public/decisions", summary="Quyết định khen thưởng đã ký, mới nhất trước")
def decisions(request, campaign_id: int | None = None, offset: int = 0, limit: int = 50) -> dict:
    limit, offset = max(1, min(limit, 100)), max(0, offset)
    rows = public.signed_decisions(campaign_id)
    page = [asdict(public.public_decision(r)) for r in rows[offset : offset + limit]]
    return {"count": rows.count(), "results": page}


@router.get(
    "/public/awards",
    summary="Tập thể, cá nhân được khen thưởng: tìm theo tên (không dấu) hoặc theo quyết định",
)
def awards(
    request,
    q: str = "",
    decision_id: int | None = None,
    campaign_id: int | None = None,
    offset: int = 0,
    limit: int = 50,
) -> dict:
    limit, offset, q = max(1, min(limit, 100)), max(0, offset), q.strip()[:100]
    if decision_id:
        decision, rows = public.decision_page(decision_id, offset, limit)
        if decision is None:
            raise Http404("Không tìm thấy quyết định.")
        count = decision.awarded
    elif q:
        count, rows = public.search_awards(q, campaign_id, offset, limit)
    else:
        raise HttpError(400, "Nhập tên cần tìm (q) hoặc mã quyết định (decision_id).")
    # A name search stops at SEARCH_LIMIT matches: "more" tells that there are others.
    more = bool(q) and not decision_id and count > public.SEARCH_LIMIT
    return {
        "count": min(count, public.SEARCH_LIMIT) if more else count,
        "more": more,
        "results": [asdict(a) for a in rows],
    }


@router.get("/public/stories", summary="Điển hình tiên tiến đã đăng")
def stories(request) -> list[dict]:
    return [
        {
            "id": s.pk,
            "kind": s.kind,
            "title": s.title,
            "summary": s.summary,
            "published_at": s.published_at,
            "unit": s.unit.name if s.unit else None,
            "campaign_id": s.campaign_id,
        }
        for s in Story.objects.filter(status=StoryStatus.PUBLISHED).select_related("unit")[:100]
    ]
