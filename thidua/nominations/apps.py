from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "nominations.dossier.created": "Lập hồ sơ",
    "nominations.dossier.submitted": "Nộp hồ sơ",
    "nominations.dossier.resubmitted": "Nộp lại hồ sơ sau bổ sung",
    "nominations.dossier.returned": "Trả lại hồ sơ để bổ sung",
    "nominations.dossier.appraised": "Hoàn thành thẩm định",
    "nominations.candidate.added": "Thêm người, tập thể",
    "nominations.candidate.updated": "Sửa đề nghị",
    "nominations.candidate.removed": "Xóa khỏi hồ sơ",
    "nominations.candidate.imported": "Nhập danh sách từ Excel",
    "nominations.candidate.attested": "Xác nhận tiêu chuẩn",
    "nominations.candidate.appraised": "Thẩm định",
    "nominations.document.uploaded": "Tải lên tài liệu",
    "nominations.document.deleted": "Xóa tài liệu",
    "nominations.extension.granted": "Gia hạn nộp hồ sơ",
    "nominations.reminder.sent": "Nhắc nộp hồ sơ",
    "nominations.candidate.attested_bulk": "Xác nhận tiêu chuẩn hàng loạt",
    "nominations.document.assigned": "Xác nhận thành phần hồ sơ của tệp",
}


class NominationsConfig(AppConfig):
    name = "thidua.nominations"
    label = "nominations"
    verbose_name = "Hồ sơ đề nghị khen thưởng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)

        from thidua.core import notify, worklist

        from . import work

        worklist.register(work.work_for)

        from .generated_files import register as register_generated_files

        register_generated_files()
        notify.register("nominations.dossier.returned", "Hồ sơ bị trả lại", work.notify_returned)
        for action in ("nominations.dossier.submitted", "nominations.dossier.resubmitted"):
            notify.register(action, "Hồ sơ nộp chờ thẩm định", work.notify_submitted)
