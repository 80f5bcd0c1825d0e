from django.urls import path

from . import (
    amendment_views,
    certificate_layout_views,
    eoffice_views,
    law_views,
    panels,
    signing_views,
    views,
)

app_name = "decisions"
urlpatterns = [
    path("", views.decision_list, name="list"),
    path("can-cu-phap-ly/", law_views.law_tables, name="law"),
    path("can-cu-phap-ly/<slug:slug>/them/", law_views.law_row, name="law_add"),
    path("can-cu-phap-ly/<slug:slug>/<int:pk>/", law_views.law_row, name="law_row"),
    path("giay-khen/mau-in/", certificate_layout_views.layouts, name="certificate_layouts"),
    path(
        "giay-khen/mau-in/<int:unit_pk>/",
        certificate_layout_views.layout_edit,
        name="certificate_layout",
    ),
    path(
        "giay-khen/mau-in/<int:unit_pk>/trang-in-thu.pdf",
        certificate_layout_views.calibration,
        name="certificate_calibration",
    ),
    path(
        "giay-khen/mau-in/<int:unit_pk>/quoc-huy",
        certificate_layout_views.emblem,
        name="certificate_emblem",
    ),
    path("hop-xet/<int:meeting_pk>/", panels.meeting_panel, name="meeting_panel"),
    path("lap/<int:meeting_pk>/<int:form_pk>/", views.decision_prepare, name="prepare"),
    path("de-nghi/<int:meeting_pk>/<int:form_pk>.docx", views.upward_letter, name="upward_letter"),
    path("cap-tren/<int:meeting_pk>/<int:form_pk>/", views.higher_decision, name="higher"),
    path("goi-cap-tren/<int:meeting_pk>/", eoffice_views.request_package, name="upward_package"),
    path("<int:pk>/", views.decision_detail, name="detail"),
    path("<int:pk>/ky/", views.decision_approve, name="approve"),
    path("<int:pk>/thu-hoi/", views.decision_revoke, name="revoke"),
    path(
        "<int:pk>/khen-thuong/<int:recipient_pk>/sua-doi/",
        amendment_views.record_replacement,
        name="replaces",
    ),
    path("<int:pk>/quyet-dinh.docx", views.decision_docx, name="docx"),
    path("<int:pk>/quyet-dinh.pdf", signing_views.pdf, name="pdf"),
    path("<int:pk>/ky-so/", signing_views.sign, name="sign"),
    path("<int:pk>/ky-so-co-quan/", signing_views.seal, name="seal"),
    path("<int:pk>/giay-khen-ky-so.pdf", signing_views.certificates, name="signed_certificates"),
    path("<int:pk>/giay-khen.pdf", views.certificates_pdf, name="certificates"),
    path("<int:pk>/giay-khen/<int:order>.pdf", views.certificate_pdf, name="certificate"),
    path("<int:pk>/giay-khen/tao/", views.batch_start, name="batch_start"),
    path("<int:pk>/giay-khen/lo/<int:batch_pk>/", views.batch_progress, name="batch"),
    path(
        "<int:pk>/giay-khen/lo/<int:batch_pk>/tai-ve/", views.batch_download, name="batch_download"
    ),
]
