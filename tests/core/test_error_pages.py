"""Vietnamese 404/403/500 pages also in demo mode (DEBUG on, as `make run` sets)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from thidua.nominations import missed_views

pytestmark = pytest.mark.django_db


def signed_in(username: str, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(get_user_model().objects.get(username=username))
    return client


@override_settings(DEBUG=True)
def test_missing_pages_are_vietnamese_in_demo_mode(campaign):
    client = signed_in("noivu")
    for address in ("/khong-co-trang-nay/", "/ho-so/999999/", f"/ho-so/dot/{campaign.pk + 999}/"):
        response = client.get(address)
        assert response.status_code == 404, address
        html = response.content.decode()
        assert "Không tìm thấy trang" in html and "DEBUG = True" not in html
    # A developer asks for the technical page explicitly.
    response = client.get("/khong-co-trang-nay/?debug")
    assert response.status_code == 404 and b"DEBUG = True" in response.content


@override_settings(DEBUG=True)
def test_refusals_are_vietnamese_in_demo_mode(campaign):
    response = signed_in("tavan").get(f"/ho-so/dot/{campaign.pk}/ra-soat/")
    assert response.status_code == 403
    assert "Chỉ Phòng Nội vụ của cơ quan phát động" in response.content.decode()


@override_settings(DEBUG=True)
def test_a_crash_shows_the_vietnamese_page_in_demo_mode(campaign, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(missed_views, "review", crash)
    client = signed_in("noivu", raise_request_exception=False)
    response = client.get(f"/ho-so/dot/{campaign.pk}/ra-soat/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Lỗi hệ thống" in html and "boom" not in html
    response = client.get(f"/ho-so/dot/{campaign.pk}/ra-soat/?debug=1")
    assert response.status_code == 500 and b"boom" in response.content
