from django.apps import AppConfig


class WatchlistsConfig(AppConfig):
    name = "hudud.watchlists"
    label = "watchlists"
    verbose_name = "Watchlists and alerts"
