"""Watchlists' reference data in the admin site. Alerts, clearances and notifications are
personal data and decisions: they are read and decided in the workspace (audited, scoped by
the access helpers), not here."""

from django.contrib import admin
from django.http import HttpRequest

from hudud.common.admin_audit import AuditedAdmin
from hudud.watchlists.models import ImportRun, Watchlist


@admin.register(Watchlist)
class WatchlistAdmin(AuditedAdmin):
    # Entries change through imports and the entry services (audited), not through the admin.
    list_display = ["code", "name_en", "kind", "owner", "action", "threshold", "active"]
    list_filter = ["kind", "action", "active", "owner"]
    search_fields = ["code", "name_en", "name_ar"]


@admin.register(ImportRun)
class ImportRunAdmin(AuditedAdmin):
    """Imports are made by `hudud watchlist import` and the API; the admin only shows them."""

    list_display = ["watchlist", "file_name", "imported_at", "added", "changed", "removed"]
    list_filter = ["watchlist"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
