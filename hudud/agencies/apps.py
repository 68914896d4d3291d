from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "hudud.agencies"
    label = "agencies"
    verbose_name = "Agencies and officers"
