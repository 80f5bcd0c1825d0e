from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "campaigns.campaign.created": "Tạo đợt thi đua",
    "campaigns.campaign.updated": "Cập nhật đợt thi đua",
    "campaigns.campaign.launched": "Phát động đợt thi đua",
    "campaigns.campaign.derived": "Cụ thể hóa từ kế hoạch cấp trên",
    "campaigns.campaign.closed": "Kết thúc đợt thi đua",
    "campaigns.award_form.saved": "Cập nhật hình thức khen thưởng",
    "campaigns.award_form.deleted": "Xóa hình thức khen thưởng",
    "campaigns.criterion.saved": "Cập nhật tiêu chuẩn",
    "campaigns.criterion.deleted": "Xóa tiêu chuẩn",
    "campaigns.items.saved": "Cập nhật nội dung kế hoạch",
}


class CampaignsConfig(AppConfig):
    name = "thidua.campaigns"
    label = "campaigns"
    verbose_name = "Đợt thi đua"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)
