"""Administrator's pages of accounts and roles (/quan-tri/tai-khoan/)."""

from django.urls import path

from . import account_views as views

app_name = "org_accounts"
urlpatterns = [
    path("", views.account_list, name="list"),
    path("them/", views.account_create, name="create"),
    path("nhap/", views.account_import_page, name="import"),
    path("nhap/mau/", views.account_import_template, name="import_template"),
    path("<int:pk>/", views.account_detail, name="detail"),
    path("<int:pk>/sua/", views.account_edit, name="edit"),
    path("<int:pk>/khoa/", views.account_set_active, {"active": False}, name="deactivate"),
    path("<int:pk>/mo-khoa/", views.account_set_active, {"active": True}, name="reactivate"),
    path("<int:pk>/dat-lai-mat-khau/", views.account_reset_password, name="reset_password"),
    path("<int:pk>/gui-thu-mat-khau/", views.account_send_link, name="send_link"),
    path("<int:pk>/vai-tro/", views.role_assign, name="role_assign"),
    path("<int:pk>/vai-tro/<int:assignment_pk>/ket-thuc/", views.role_end, name="role_end"),
]
