from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "portal.story.saved": "Lưu bài viết",
    "portal.story.photo_added": "Thêm ảnh",
    "portal.story.submit": "Gửi duyệt",
    "portal.story.publish": "Duyệt và đăng",
    "portal.story.return": "Trả lại để sửa",
    "portal.story.unpublish": "Gỡ bài",
}


class PortalConfig(AppConfig):
    name = "thidua.portal"
    label = "portal"
    verbose_name = "Cổng thông tin, điển hình tiên tiến"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)
