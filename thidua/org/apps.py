from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "org.unit.moved": "Chuyển đơn vị sang đơn vị cấp trên khác",
    "org.api_token.issued": "Tạo khóa API",
    "org.api_token.revoked": "Thu hồi khóa API",
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
}


class OrgConfig(AppConfig):
    name = "thidua.org"
    label = "org"
    verbose_name = "Đơn vị và người dùng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)
