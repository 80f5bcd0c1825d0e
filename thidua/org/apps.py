from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "org.unit.moved": "Chuyển đơn vị sang đơn vị cấp trên khác",
    "org.api_token.issued": "Tạo khóa API",
    "org.api_token.revoked": "Thu hồi khóa API",
    "org.account.created": "Tạo tài khoản",
    "org.account.updated": "Sửa thông tin tài khoản",
    "org.account.deactivated": "Khóa tài khoản",
    "org.account.reactivated": "Mở khóa tài khoản",
    "org.account.password_reset": "Đặt lại mật khẩu tạm",
    "org.account.password_link_sent": "Gửi thư đặt lại mật khẩu",
    "org.account.password_changed": "Đổi mật khẩu",
    "org.account.role_granted": "Giao vai trò",
    "org.account.role_ended": "Kết thúc vai trò",
    "org.account.imported": "Nhập danh sách tài khoản từ Excel",
}


class OrgConfig(AppConfig):
    name = "thidua.org"
    label = "org"
    verbose_name = "Đơn vị và người dùng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)

        from . import account_auth

        account_auth.connect()
