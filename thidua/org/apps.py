from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "org.unit.moved": "Chuyển đơn vị sang đơn vị cấp trên khác",
    "org.api_token.issued": "Tạo khóa API",
    "org.api_token.revoked": "Thu hồi khóa API",
}


class OrgConfig(AppConfig):
    name = "thidua.org"
    label = "org"
    verbose_name = "Đơn vị và người dùng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)
