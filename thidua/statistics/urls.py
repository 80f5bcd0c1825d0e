from django.urls import path

from . import views

app_name = "statistics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("thong-ke.xlsx", views.export, name="export"),
]
