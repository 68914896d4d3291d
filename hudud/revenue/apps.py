from django.apps import AppConfig


class RevenueConfig(AppConfig):
    name = "hudud.revenue"
    label = "revenue"
    verbose_name = "Revenue: customs declarations by reference, fees and receipts"
