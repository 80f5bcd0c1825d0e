from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "portal.story.saved": "Lưu bài viết",
    "portal.story.photo_added": "Thêm ảnh",
    "portal.identity.updated": "Sửa thông tin cổng thông tin",
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

        from thidua.core import notify, worklist

        from . import work

        worklist.register(work.work_for)
        notify.register("portal.story.submit", "Bài điển hình chờ duyệt", work.notify_submitted)
        notify.register("portal.story.return", "Bài điển hình bị trả lại", work.notify_returned)
