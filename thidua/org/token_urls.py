"""The administrator's page of API tokens and login lockouts (/quan-tri/khoa-api/)."""

from django.urls import path

from . import token_views

app_name = "org_tokens"
urlpatterns = [
    path("", token_views.tokens_and_locks, name="list"),
    path("<int:pk>/thu-hoi/", token_views.token_revoke, name="revoke"),
    path("mo-khoa/", token_views.login_unlock, name="unlock"),
]
