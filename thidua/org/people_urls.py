"""The emulation officer's pages of staff (/can-bo/)."""

from django.urls import path

from . import people_views as views

app_name = "org_people"
urlpatterns = [
    path("", views.people_list, name="list"),
    path("them/", views.person_add, name="add"),
    path("<int:pk>/sua/", views.person_edit, name="edit"),
    path("<int:pk>/chuyen-don-vi/", views.person_move, name="move"),
    path("<int:pk>/thoi-cong-tac/", views.person_end, name="end"),
    path("nhap-excel/", views.people_import_page, name="import"),
    path("mau-danh-sach.xlsx", views.import_template, name="template"),
    path("trung/", views.duplicates, name="duplicates"),
    path("trung/gop/", views.merge, name="merge"),
    path("chon/", views.pick_person, name="pick_person"),
    path("chon-don-vi/", views.pick_unit, name="pick_unit"),
]
