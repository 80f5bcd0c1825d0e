from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "records.rating.saved": "Nhập kết quả đánh giá, xếp loại",
    "records.rating.deleted": "Xóa kết quả đánh giá, xếp loại",
    "records.rating.grid_saved": "Lưu bảng đánh giá, xếp loại của đơn vị",
    "records.rating.imported": "Nhập kết quả đánh giá từ Excel",
    "records.initiative.saved": "Nhập sáng kiến",
    "records.initiative.deleted": "Xóa sáng kiến",
    "records.discipline.saved": "Nhập kỷ luật",
    "records.discipline.deleted": "Xóa kỷ luật",
    "records.award.saved": "Nhập khen thưởng đã nhận (hồ sơ cũ)",
    "records.award.deleted": "Xóa khen thưởng đã nhận (hồ sơ cũ)",
    "records.award.imported": "Nhập khen thưởng đã nhận từ Excel",
}


class RecordsConfig(AppConfig):
    name = "thidua.records"
    label = "records"
    verbose_name = "Lịch sử thi đua, khen thưởng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)
