from django.apps import AppConfig

AUDIT_ACTIONS = {
    "core.generated.requested": "Yêu cầu tạo tài liệu ở nền",
    "core.job.retried": "Chạy lại tác vụ nền bị lỗi",
}


class CoreConfig(AppConfig):
    name = "thidua.core"
    label = "core"
    verbose_name = "Dùng chung"

    def ready(self) -> None:
        from . import lookups  # noqa: F401 - registers ``field__any_of``
        from .audit import register_actions

        register_actions(AUDIT_ACTIONS)

        from .generated import failed_for_good
        from .jobs import job_failed_for_good

        job_failed_for_good.connect(failed_for_good, dispatch_uid="core-generated-failed")
