"""EMAIL_URL, read like DATABASE_URL: smtp://user:password@host:587?tls=true or smtps://host."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = ("1", "true", "yes", "on")


def parse_email_url(url: str) -> dict[str, Any]:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps", "submission"):
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, got {url!r}")
    query = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
    use_ssl = parts.scheme == "smtps" or query.get("ssl") in TRUE
    use_tls = not use_ssl and (parts.scheme == "submission" or query.get("tls") in TRUE)
    default_port = 465 if use_ssl else 587 if use_tls else 25
    return {
        "host": parts.hostname or "localhost",
        "port": parts.port or default_port,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_tls": use_tls,
        "use_ssl": use_ssl,
    }
