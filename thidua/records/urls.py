from django.urls import path

from . import views

app_name = "records"
urlpatterns = [
    path("ca-nhan/<int:pk>/", views.person_history, name="person"),
    path("tap-the/<int:pk>/", views.unit_history, name="unit"),
]
