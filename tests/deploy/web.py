"""An HTTP client for the deployed server: http.client with the headers nginx adds
(X-Forwarded-Proto: https) and a cookie jar that keeps Secure cookies (the proxy speaks https
to the browser). One connection per request, so threads can share nothing but the port."""

from __future__ import annotations

import http.client
import json
from http.cookies import SimpleCookie
from urllib.parse import urlencode


class Browser:
    def __init__(self, port: int, headers: dict[str, str] | None = None):
        self.port = port
        self.headers = headers or {}
        self.cookies: dict[str, str] = {}
        self.raw_cookies: list[str] = []

    def request(self, method: str, path: str, data=None, proxy=True, headers=None, json_body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"127.0.0.1:{self.port}", **self.headers, **(headers or {})}
        if proxy:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if json_body is not None:
            body = json.dumps(json_body).encode()
            sent["Content-Type"] = "application/json"
        elif data is not None:
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
