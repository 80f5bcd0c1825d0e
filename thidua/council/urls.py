from django.urls import path

from . import config_views, views

app_name = "council"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("tao/", views.meeting_create, name="create"),
    path("cau-hinh/<int:pk>/", config_views.council_config, name="config"),
    path("cau-hinh/<int:pk>/thanh-vien/", config_views.member_add, name="member_add"),
    path(
        "cau-hinh/<int:pk>/thanh-vien/<int:member_pk>/thoi/",
        config_views.member_end,
        name="member_end",
    ),
    path("cau-hinh/<int:pk>/quy-tac/<int:form_pk>/", config_views.rule_save, name="rule_save"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/co-mat/", views.meeting_attendance, name="attendance"),
    path("<int:pk>/thao-tac/<slug:action>/", views.meeting_action, name="action"),
    path("<int:pk>/phieu/", views.ballot, name="ballot"),
    path("<int:pk>/kiem-phieu-giay/", views.paper_counts, name="paper"),
    path("<int:pk>/bien-ban.docx", views.minutes_docx, name="minutes"),
    path("<int:pk>/bien-ban/", views.meeting_minutes_record, name="minutes_record"),
]
