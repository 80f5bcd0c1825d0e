from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "org.unit.moved": "Chuyển đơn vị sang đơn vị cấp trên khác",
    "org.api_token.issued": "Tạo khóa API",
    "org.api_token.revoked": "Thu hồi khóa API",
    "org.login.failed": "Đăng nhập sai mật khẩu",
    "org.login.refused": "Đăng nhập bị từ chối (đang bị khóa)",
    "org.login.locked": "Khóa đăng nhập do sai mật khẩu nhiều lần",
    "org.login.succeeded": "Đăng nhập",
    "org.login.unlocked": "Mở khóa đăng nhập",
    "org.2fa.enrolled": "Bật xác thực hai bước",
    "org.2fa.codes_renewed": "Tạo lại mã khôi phục xác thực hai bước",
    "org.2fa.failed": "Nhập sai mã xác thực hai bước",
    "org.2fa.recovery_used": "Dùng mã khôi phục xác thực hai bước",
    "org.2fa.reset": "Đặt lại xác thực hai bước",
}


class OrgConfig(AppConfig):
    name = "thidua.org"
    label = "org"
    verbose_name = "Đơn vị và người dùng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)

        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import lockout

        user_login_failed.connect(lockout.login_failed, dispatch_uid="thidua.login_failed")
        user_locked_out.connect(lockout.locked_out, dispatch_uid="thidua.locked_out")
        user_logged_in.connect(lockout.logged_in, dispatch_uid="thidua.logged_in")

        from . import twofactor

        user_logged_in.connect(twofactor.on_login, dispatch_uid="thidua.twofactor_login")
