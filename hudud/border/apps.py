from django.apps import AppConfig


class BorderConfig(AppConfig):
    name = "hudud.border"
    label = "border"
    verbose_name = "Border crossings"
