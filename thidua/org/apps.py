from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "org.unit.moved": "Chuyển đơn vị sang đơn vị cấp trên khác",
    "org.api_token.issued": "Tạo khóa API",
    "org.api_token.revoked": "Thu hồi khóa API",
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
