from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "participation.plan.recorded": "Ghi kế hoạch triển khai của đơn vị",
    "participation.report.submitted": "Nộp báo cáo kết quả",
}


class ParticipationConfig(AppConfig):
    name = "thidua.participation"
    label = "participation"
    verbose_name = "Triển khai và báo cáo kết quả của đơn vị"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)

        from thidua.core import worklist

        from . import work

        worklist.register(work.work_for)
