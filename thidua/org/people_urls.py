"""The emulation officer's pages of staff (/can-bo/)."""

from django.urls import path  # noqa: F401

app_name = "org_people"
urlpatterns: list = []
