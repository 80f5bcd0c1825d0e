from django.urls import path

from . import identity_views, verify_views, views

app_name = "portal"
urlpatterns = [
    path("cong-khai/", views.portal_home, name="home"),
    path("cong-khai/bieu-trung/", identity_views.emblem, name="emblem"),
    path("quan-tri/cong-thong-tin/", identity_views.identity_edit, name="identity"),
    path("cong-khai/khen-thuong/", views.award_search, name="awards"),
    path("cong-khai/quyet-dinh/<int:pk>/", views.decision_public, name="decision"),
    path(
        "cong-khai/quyet-dinh/<int:pk>/xac-thuc/",
        verify_views.verify_decision,
        name="verify_decision",
    ),
    path("cong-khai/xac-thuc/", verify_views.verify_upload, name="verify"),
    path("cong-khai/xac-minh/<str:token>/", verify_views.award_check, name="award_check"),
    path("cong-khai/dien-hinh/", views.story_list, name="stories"),
    path("cong-khai/dien-hinh/<int:pk>/", views.story_public, name="story"),
    path("cong-khai/anh/<int:pk>/", views.photo, name="photo"),
    path("dien-hinh/", views.story_manage, name="manage"),
    path("dien-hinh/viet/", views.story_edit, name="story_create"),
    path("dien-hinh/nguoi-duoc-khen/", views.story_people, name="story_people"),
    path("dien-hinh/<int:pk>/", views.story_detail, name="story_detail"),
    path("dien-hinh/<int:pk>/sua/", views.story_edit, name="story_edit"),
    path("dien-hinh/<int:pk>/thao-tac/<slug:action>/", views.story_action, name="story_action"),
    path("dien-hinh/<int:pk>/anh/", views.photo_upload, name="photo_upload"),
]
