from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("tao-moi/", views.campaign_create, name="create"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/sua/", views.campaign_edit, name="edit"),
    path("<int:pk>/ke-hoach.docx", views.plan_docx, name="plan_docx"),
    path("<int:pk>/cu-the-hoa/", views.campaign_derive, name="derive"),
    path("<int:pk>/kiem-tra/", views.eligibility_check, name="eligibility"),
    path("<int:pk>/muc/<slug:section>/", views.campaign_items, name="items"),
    path("<int:pk>/thao-tac/<slug:action>/", views.campaign_action, name="action"),
    path("<int:pk>/hinh-thuc/them/", views.award_form_edit, name="award_form_create"),
    path("<int:pk>/hinh-thuc/<int:form_pk>/", views.award_form_edit, name="award_form_edit"),
    path(
        "<int:pk>/hinh-thuc/<int:form_pk>/xoa/", views.award_form_delete, name="award_form_delete"
    ),
    path(
        "<int:pk>/hinh-thuc/<int:form_pk>/bo-tieu-chuan/",
        views.criteria_set_create,
        name="criteria_set_create",
    ),
    path(
        "<int:pk>/bo-tieu-chuan/<int:set_pk>/them/", views.criterion_create, name="criterion_create"
    ),
    path(
        "<int:pk>/bo-tieu-chuan/<int:set_pk>/<int:criterion_pk>/",
        views.criterion_create,
        name="criterion_edit",
    ),
    path(
        "<int:pk>/bo-tieu-chuan/<int:set_pk>/<int:criterion_pk>/xoa/",
        views.criterion_delete,
        name="criterion_delete",
    ),
]
