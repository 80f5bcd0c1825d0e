from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("", views.unit_tree, name="units"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("ca-nhan/", views.people, name="people"),
]
