"""gunicorn with the production settings on PostgreSQL, behind a (simulated) HTTPS proxy: sign
in, walk the main pages, static files served with hashed names, `check --deploy` clean."""

from __future__ import annotations

import gzip
import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from .conftest import BIN, free_port, wait_for


class Browser:
    """http.client with the headers nginx adds (X-Forwarded-Proto: https) and a cookie jar that
    keeps Secure cookies (the proxy speaks https to the browser)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.raw_cookies: list[str] = []

    def request(self, method: str, path: str, data=None, proxy=True, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if proxy:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://127.0.0.1:{self.port}"
            sent["Referer"] = f"https://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.raw_cookies.append(header)
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        conn.close()
        return response, content

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)


@pytest.fixture(scope="module")
def server(site):
    port = free_port()
    process = site.start(
        [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "thidua.wsgi"],
        env={"THIDUA_BIND": f"127.0.0.1:{port}", "THIDUA_WEB_WORKERS": "2"},
        log="gunicorn.log",
    )

    def up():
        assert process.poll() is None, site.log("gunicorn.log")
        try:
            return Browser(port).get("/suc-khoe/", proxy=False)[0].status == 200
        except OSError:
            return False

    wait_for(up, 60, what="gunicorn")
    yield port


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
