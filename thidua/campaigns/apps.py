from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "thidua.campaigns"
    label = "campaigns"
    verbose_name = "Đợt thi đua"
