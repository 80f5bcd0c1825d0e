from django.urls import path

from . import views

app_name = "council"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("tao/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/co-mat/", views.meeting_attendance, name="attendance"),
    path("<int:pk>/thao-tac/<slug:action>/", views.meeting_action, name="action"),
    path("<int:pk>/phieu/", views.ballot, name="ballot"),
    path("<int:pk>/kiem-phieu-giay/", views.paper_counts, name="paper"),
    path("<int:pk>/bien-ban.docx", views.minutes_docx, name="minutes"),
]
