"""Administrator's pages of accounts and roles (/quan-tri/tai-khoan/)."""

from django.urls import path  # noqa: F401

app_name = "org_accounts"
urlpatterns: list = []
