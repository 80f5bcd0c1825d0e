"""The emulation officer's pages entering history: ratings, initiatives, disciplines, legacy awards (/lich-su/nhap/)."""

from django.urls import path  # noqa: F401

app_name = "records_entry"
urlpatterns: list = []
