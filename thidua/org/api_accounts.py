"""Accounts and roles through /api/v1/ (administrators)."""

from __future__ import annotations

from ninja import Router

from .api_auth import TokenAuth

router = Router(tags=["Quản trị tài khoản"], auth=TokenAuth())
