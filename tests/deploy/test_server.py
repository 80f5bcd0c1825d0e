"""gunicorn with the production settings on PostgreSQL, behind a (simulated) HTTPS proxy: sign
in, walk the main pages, static files served with hashed names, `check --deploy` clean."""

from __future__ import annotations

import gzip
import re

from .web import Browser


def test_a_user_signs_in_and_walks_the_main_pages(site, server):
    browser = Browser(server)
    response, page = browser.get("/dang-nhap/")
    assert response.status == 200
    assert "Strict-Transport-Security" in response.headers
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    response, _ = browser.request(
        "POST",
        "/dang-nhap/",
        {"csrfmiddlewaretoken": token, "username": "noivu", "password": "thidua2020"},
    )
    assert response.status == 302 and response.headers["Location"] == "/"
    session = next(c for c in browser.raw_cookies if c.startswith("sessionid="))
    assert "Secure" in session and "HttpOnly" in session and "Max-Age=28800" in session
    pages = {
        "/": "Đợt thi đua",
        "/dot-thi-dua/": "Đợt thi đua",
        "/ho-so/": "Hồ sơ",
        "/quyet-dinh/": "Quyết định",
        f"/quyet-dinh/{site.decision_id}/": "Quyết định",
        "/thong-ke/": "Thống kê",
        "/don-vi/": "Đơn vị",
        "/tai-khoan/": "noivu",
        "/cong-khai/": "Cổng thông tin",
        f"/cong-khai/quyet-dinh/{site.decision_id}/": "Quyết định",
        "/cong-khai/khen-thuong/?q=nguyen": "khen",
    }
    for path, text in pages.items():
        response, content = browser.get(path)
        assert response.status == 200, (path, response.status, site.log("gunicorn.log")[-2000:])
        assert text in content.decode(), path
        assert response.headers["X-Frame-Options"] == "DENY"
    response, _ = browser.get("/api/v1/openapi.json")
    assert response.status == 200


def test_static_files_are_served_with_hashed_names_and_long_caching(site, server):
    browser = Browser(server)
    _, page = browser.get("/dang-nhap/")
    names = re.findall(
        rb"(/static/(?:css/app|js/app|vendor/htmx\.min)\.[0-9a-f]{12}\.(?:css|js))", page
    )
    assert len(set(names)) == 3, page[:800]
    for name in set(names):
        response, content = browser.get(name.decode(), headers={"Accept-Encoding": "gzip"})
        assert response.status == 200, name
        assert "immutable" in response.headers["Cache-Control"]
        assert response.headers["Content-Encoding"] == "gzip"
        assert len(gzip.decompress(content)) > 1000
    assert browser.get("/static/css/nothing.css")[0].status == 404


def test_plain_http_is_redirected_to_https_except_the_health_check(server):
    browser = Browser(server)
    response, _ = browser.get("/dang-nhap/", proxy=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://127.0.0.1:{server}/dang-nhap/"
    assert browser.get("/suc-khoe/", proxy=False)[0].status == 200


def test_check_deploy_is_clean(site):
    result = site.manage("check", "--deploy", "--fail-level", "WARNING")
    assert "System check identified no issues" in result.stdout
