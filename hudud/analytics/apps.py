from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "hudud.analytics"
    label = "analytics"
    verbose_name = "Analytics: flows, refusals, overstays and hits"
