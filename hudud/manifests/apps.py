from django.apps import AppConfig


class ManifestsConfig(AppConfig):
    name = "hudud.manifests"
    label = "manifests"
    verbose_name = "Advance passenger information"
