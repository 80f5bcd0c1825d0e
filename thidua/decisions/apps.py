from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "decisions.decision.prepared": "Lập dự thảo quyết định",
    "decisions.decision.updated": "Sửa dự thảo quyết định",
    "decisions.decision.approved": "Ký ban hành quyết định",
    "decisions.higher.recorded": "Ghi nhận quyết định của cấp trên",
    "decisions.certificates.requested": "Tạo tệp Giấy khen (ZIP)",
    "decisions.revocation.prepared": "Lập dự thảo quyết định thu hồi khen thưởng",
    "decisions.revocation.approved": "Ký quyết định thu hồi: khen thưởng bị hủy bỏ",
    "decisions.decision.signed_digitally": "Ký số quyết định (chữ ký số của người ký)",
    "decisions.decision.sealed_digitally": "Ký số của cơ quan ban hành (thay con dấu)",
    "decisions.signing_key.added": "Thêm khóa ký số",
    "decisions.signing_key.disabled": "Ngừng dùng khóa ký số",
    "decisions.law.instrument_saved": "Lưu căn cứ pháp lý của quyết định",
    "decisions.law.salary_saved": "Lưu mức lương cơ sở",
    "decisions.law.coefficient_saved": "Lưu hệ số tiền thưởng theo nghị định",
}


class DecisionsConfig(AppConfig):
    name = "thidua.decisions"
    label = "decisions"
    verbose_name = "Quyết định khen thưởng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)

        from thidua.core import notify, worklist

        from . import work

        worklist.register(work.work_for)

        from .generated_files import register as register_generated_files

        register_generated_files()

        from . import eoffice

        eoffice.register()

        from thidua.core import cleanup

        from .cleanup import stale_certificates

        cleanup.register(stale_certificates)

        from thidua.core.jobs import job_failed_for_good

        from .certificate_chunks import failed_for_good

        job_failed_for_good.connect(failed_for_good, dispatch_uid="decisions-certificates-failed")
        notify.register("decisions.decision.prepared", "Quyết định chờ ký", work.notify_prepared)

        from thidua.council.holds import awards_held

        from .holding import recipients_holding

        awards_held.connect(recipients_holding, dispatch_uid="decisions-awards-held")
