"""Passwords: the rules with Vietnamese messages, generated temporary passwords and the e-mail
with a link to choose one.

Django's own validators are translated (the site's language is "vi") except the minimum length,
whose message Django 5.2 words with a "%d" that the Vietnamese catalogue does not have yet: it
is written here."""

from __future__ import annotations

import secrets

from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher, make_password
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

# Easy to read aloud or copy from a screen: no 0/O, 1/l/I.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
TEMPORARY_ITERATIONS = 20_000


class VietnameseMinimumLengthValidator(MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self) -> str:
        return f"Mật khẩu cần có ít nhất {self.min_length} ký tự."


def generate_password(length: int = 12) -> str:
    while True:
        raw = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(length))
        if any(c.isdigit() for c in raw) and any(c.isalpha() for c in raw):
            return raw


def temporary_hash(raw: str) -> str:
    """The hash of a generated temporary password. Its 70 random bits need no slow hash, so
    PBKDF2 runs fewer rounds (an import of hundreds of accounts takes seconds, not minutes);
    the password must be changed at the first sign-in anyway, and Django re-hashes it with
    the full cost when it is used."""
    hasher = get_hasher("default")
    if isinstance(hasher, PBKDF2PasswordHasher):
        return hasher.encode(raw, hasher.salt(), iterations=TEMPORARY_ITERATIONS)
    return make_password(raw)


def mail_password_link(account: User, base_url: str) -> None:
    """The e-mail with a link to set a new password: the same templates and context as Django's
    ``PasswordResetView`` at /quen-mat-khau/ (``base_url`` is "https://host")."""
    protocol, _sep, domain = base_url.rstrip("/").partition("://")
    context = {
        "email": account.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(account.pk)),
        "user": account,
        "token": default_token_generator.make_token(account),
        "protocol": protocol,
    }
    subject = render_to_string("accounts/password_reset_subject.txt", context)
    body = render_to_string("accounts/password_reset_email.txt", context)
    send_mail(" ".join(subject.split()), body, None, [account.email])
