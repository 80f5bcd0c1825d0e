"""Administrator's pages of the unit tree, unit types and offices (/quan-tri/don-vi/)."""

from django.urls import path  # noqa: F401

app_name = "org_units"
urlpatterns: list = []
