from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import include, path

from thidua.api import api
from thidua.campaigns import views as campaign_views
from thidua.core import generated_views, notification_views
from thidua.decisions import job_views
from thidua.org import account_auth, export_views, twofactor_views
from thidua.org import views as org_views


def health(request):
    """Liveness for load balancers and the bench's floor: no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("suc-khoe/", health, name="health"),
    path("", campaign_views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("dang-nhap/ma-xac-thuc/", twofactor_views.verify, name="twofactor_verify"),
    path("tai-khoan/", org_views.account, name="account"),
    path("tai-khoan/xac-thuc-hai-buoc/", twofactor_views.enrol, name="twofactor_enrol"),
    path("tai-khoan/thong-bao/", notification_views.notification_list, name="notifications"),
    path(
        "tai-khoan/thong-bao/<int:pk>/",
        notification_views.notification_open,
        name="notification_open",
    ),
    path(
        "tai-khoan/thong-bao/da-doc/",
        notification_views.notifications_read_all,
        name="notifications_read_all",
    ),
    path(
        "tai-khoan/thong-bao/lua-chon/",
        notification_views.notification_preferences,
        name="notification_preferences",
    ),
    path(
        "tai-khoan/doi-mat-khau/",
        account_auth.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path("quen-mat-khau/", account_auth.PasswordResetView.as_view(), name="password_reset"),
    path(
        "quen-mat-khau/da-gui/",
        account_auth.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "quen-mat-khau/xong/",
        account_auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "quen-mat-khau/<uidb64>/<token>/",
        account_auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("quan-tri/", org_views.administration, name="administration"),
    path("quan-tri/tac-vu/", job_views.failed_jobs, name="failed_jobs"),
    path("quan-tri/tac-vu/chay-lai/", job_views.retry, name="failed_job_retry"),
    path(
        "tep/<str:kind>/<int:object_id>/tao/",
        generated_views.request_file,
        name="generated_request",
    ),
    path("tep/<int:pk>/", generated_views.progress, name="generated"),
    path("tep/<int:pk>/tai-ve/", generated_views.download, name="generated_download"),
    path("quan-tri/don-vi/", include("thidua.org.unit_urls")),
    path("quan-tri/tai-khoan/", include("thidua.org.account_urls")),
    path("quan-tri/khoa-api/", include("thidua.org.token_urls")),
    path("quan-tri/xac-thuc-hai-buoc/", twofactor_views.admin_list, name="twofactor_admin"),
    path("quan-tri/nhat-ky-xuat/", export_views.export_log, name="export_log"),
    path(
        "quan-tri/xac-thuc-hai-buoc/<int:user_id>/dat-lai/",
        twofactor_views.admin_reset,
        name="twofactor_reset",
    ),
    path("can-bo/", include("thidua.org.people_urls")),
    path("lich-su/nhap/", include("thidua.records.entry_urls")),
    path("don-vi/", include("thidua.org.urls")),
    path("lich-su/", include("thidua.records.urls")),
    path("dot-thi-dua/", include("thidua.campaigns.urls")),
    path("dot-thi-dua/", include("thidua.participation.urls")),
    path("ho-so/", include("thidua.nominations.urls")),
    path("hoi-dong/", include("thidua.council.urls")),
    path("quyet-dinh/", include("thidua.decisions.urls")),
    path("", include("thidua.portal.urls")),
    path("thong-ke/", include("thidua.statistics.urls")),
    path("api/v1/", api.urls),
]
