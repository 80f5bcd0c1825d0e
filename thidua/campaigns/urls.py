from django.urls import path

from . import edit_views, views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/ke-hoach.docx", views.plan_docx, name="plan_docx"),
    path("<int:pk>/kiem-tra/", views.eligibility_check, name="eligibility"),
    # Changing a plan
    path("tao-moi/", edit_views.campaign_create, name="create"),
    path("<int:pk>/sua/", edit_views.campaign_edit, name="edit"),
    path("<int:pk>/cu-the-hoa/", edit_views.campaign_derive, name="derive"),
    path("<int:pk>/muc/<slug:section>/", edit_views.campaign_items, name="items"),
    path("<int:pk>/thao-tac/<slug:action>/", edit_views.campaign_action, name="action"),
    path("<int:pk>/hinh-thuc/them/", edit_views.award_form_edit, name="award_form_create"),
    path("<int:pk>/hinh-thuc/<int:form_pk>/", edit_views.award_form_edit, name="award_form_edit"),
    path(
        "<int:pk>/hinh-thuc/<int:form_pk>/xoa/",
        edit_views.award_form_delete,
        name="award_form_delete",
    ),
    path(
        "<int:pk>/hinh-thuc/<int:form_pk>/bo-tieu-chuan/",
        edit_views.criteria_set_create,
        name="criteria_set_create",
    ),
    path(
        "<int:pk>/bo-tieu-chuan/<int:set_pk>/them/",
        edit_views.criterion_create,
        name="criterion_create",
    ),
    path(
        "<int:pk>/bo-tieu-chuan/<int:set_pk>/<int:criterion_pk>/",
        edit_views.criterion_create,
        name="criterion_edit",
    ),
    path(
        "<int:pk>/bo-tieu-chuan/<int:set_pk>/<int:criterion_pk>/xoa/",
        edit_views.criterion_delete,
        name="criterion_delete",
    ),
]
