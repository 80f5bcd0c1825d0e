from django.urls import path

from . import missed_views, panels, views
from .views import bulk

app_name = "nominations"
urlpatterns = [
    path("", views.dossier_list, name="list"),
    path("lap/<int:campaign_pk>/", views.dossier_start, name="start"),
    path("dot/<int:campaign_pk>/", views.dashboard, name="dashboard"),
    path("dot/<int:campaign_pk>/ho-so-cua-don-vi/", panels.campaign_panel, name="campaign_panel"),
    path("dot/<int:campaign_pk>/ra-soat/", missed_views.review_page, name="review"),
    path("dot/<int:campaign_pk>/nhac-nho/", views.send_reminders, name="remind"),
    path("dot/<int:campaign_pk>/gia-han/", views.grant_extension, name="extend"),
    path("<int:pk>/", views.dossier_detail, name="detail"),
    path("<int:pk>/thao-tac/<slug:action>/", views.dossier_action, name="action"),
    path("<int:pk>/them/", views.candidate_add, name="candidate_add"),
    path("<int:pk>/nhap-excel/", views.candidate_import, name="import"),
    path("<int:pk>/mau-danh-sach.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/ung-vien/<int:cid>/", views.candidate_detail, name="candidate"),
    path("<int:pk>/ung-vien/<int:cid>/xac-nhan/", views.candidate_attest, name="attest"),
    path("<int:pk>/ung-vien/<int:cid>/tham-dinh/", views.candidate_appraise, name="appraise"),
    path("<int:pk>/ung-vien/<int:cid>/xoa/", views.candidate_remove, name="candidate_remove"),
    path("<int:pk>/tai-lieu/", views.document_upload, name="upload"),
    path("<int:pk>/tai-lieu/nhieu/", bulk.upload_many, name="upload_many"),
    path("<int:pk>/tai-lieu/xac-nhan/", bulk.confirm_uploads, name="upload_confirm"),
    path("<int:pk>/xac-nhan-hang-loat/", bulk.attest_criterion, name="attest_bulk"),
    path(
        "<int:pk>/ung-vien/<int:cid>/xac-nhan-nhieu/",
        bulk.attest_candidate,
        name="attest_candidate_bulk",
    ),
    path("<int:pk>/tai-lieu/<int:doc_pk>/", views.document_download, name="download"),
    path("<int:pk>/tai-lieu/<int:doc_pk>/xoa/", views.document_delete, name="document_delete"),
    path("<int:pk>/danh-sach-trich-ngang.docx", views.nomination_list_docx, name="list_docx"),
    path("<int:pk>/to-trinh.docx", views.submission_letter_docx, name="letter_docx"),
]
