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
    "org.unit.created": "Tạo đơn vị",
    "org.unit.renamed": "Đổi tên đơn vị",
    "org.unit.updated": "Sửa thông tin đơn vị",
    "org.unit.closed": "Đơn vị thôi hoạt động",
    "org.unit.merged": "Sáp nhập đơn vị",
    "org.unit_type.created": "Thêm loại đơn vị",
    "org.unit_type.updated": "Sửa loại đơn vị",
    "org.unit_type.deleted": "Xóa loại đơn vị",
    "org.office.created": "Thêm cơ quan tham mưu, thi hành, nơi nhận",
    "org.office.updated": "Sửa cơ quan tham mưu, thi hành, nơi nhận",
    "org.office.ended": "Kết thúc hiệu lực cơ quan tham mưu, thi hành, nơi nhận",
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
    "org.person.added": "Thêm cán bộ",
    "org.person.edited": "Sửa thông tin cán bộ",
    "org.person.moved": "Chuyển cán bộ sang đơn vị khác",
    "org.person.ended": "Cán bộ thôi công tác",
    "org.person.merged": "Gộp hồ sơ cán bộ trùng",
    "org.person.imported": "Nhập danh sách cán bộ từ Excel",
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
        from . import account_auth

        account_auth.connect()
