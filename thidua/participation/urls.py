from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("<int:pk>/trien-khai/", views.overview, name="overview"),
    path("<int:pk>/trien-khai/don-vi/<int:unit_pk>/", views.unit_participation, name="unit"),
    path("<int:pk>/trien-khai/tep/<slug:kind>/<int:record_pk>/", views.download, name="download"),
]
