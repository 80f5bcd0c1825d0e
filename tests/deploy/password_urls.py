"""The project's URLs plus Django's password change view, for the session tests (the account
pages of the onboarding issue will route their own)."""

from django.contrib.auth.views import PasswordChangeView
from django.urls import path

from thidua.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("doi-mat-khau/", PasswordChangeView.as_view(success_url="/tai-khoan/")),
    *project_urlpatterns,
]
