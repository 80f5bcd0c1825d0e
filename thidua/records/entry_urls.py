"""The emulation officer's pages entering history: ratings, initiatives, disciplines, legacy awards (/lich-su/nhap/)."""

from django.urls import path

from . import entry_views as views

app_name = "records_entry"
urlpatterns = [
    path("", views.index, name="index"),
    path("don-vi/<int:pk>/", views.unit_page, name="unit"),
    path("don-vi/<int:pk>/xep-loai/<int:year>/", views.grid, name="grid"),
    path("don-vi/<int:pk>/nhap-xep-loai/", views.import_ratings, name="import_ratings"),
    path("don-vi/<int:pk>/mau-xep-loai.xlsx", views.ratings_template, name="ratings_template"),
    path("don-vi/<int:pk>/nhap-khen-thuong/", views.import_awards, name="import_awards"),
    path("don-vi/<int:pk>/mau-khen-thuong.xlsx", views.awards_template, name="awards_template"),
    path("don-vi/<int:pk>/<slug:slug>/them/", views.add_for_unit, name="add_for_unit"),
    path("ca-nhan/<int:pk>/", views.person_page, name="person"),
    path("ca-nhan/<int:pk>/<slug:slug>/them/", views.add_for_person, name="add_for_person"),
    path("<slug:slug>/<int:pk>/sua/", views.edit, name="edit"),
    path("<slug:slug>/<int:pk>/xoa/", views.delete, name="delete"),
    path("<slug:slug>/<int:pk>/tep/", views.evidence_file, name="evidence_file"),
]
