from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "hudud.web"
    label = "web"
    verbose_name = "Officer's workspace"
