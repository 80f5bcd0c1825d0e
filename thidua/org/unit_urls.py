"""Administrator's pages of the unit tree, unit types and offices (/quan-tri/don-vi/)."""

from django.urls import path

from . import unit_views as v

app_name = "org_units"
urlpatterns = [
    path("", v.tree, name="tree"),
    path("them/", v.create, name="create"),
    path("sap-nhap/", v.merge, name="merge"),
    path("<int:pk>/sua/", v.edit, name="edit"),
    path("<int:pk>/chuyen/", v.move, name="move"),
    path("<int:pk>/thoi-hoat-dong/", v.close, name="close"),
    path("<int:pk>/co-quan/", v.offices, name="offices"),
    path("co-quan/<int:pk>/sua/", v.office_edit, name="office_edit"),
    path("co-quan/<int:pk>/ket-thuc/", v.office_end, name="office_end"),
    path("loai/", v.unit_types, name="types"),
    path("loai/them/", v.unit_type_form, name="type_create"),
    path("loai/<int:pk>/sua/", v.unit_type_form, name="type_edit"),
    path("loai/<int:pk>/xoa/", v.unit_type_delete, name="type_delete"),
]
