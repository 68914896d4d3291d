from django.contrib import admin

from hudud.watchlists.models import Alert, Clearance, ImportRun, Notification, Watchlist


@admin.register(Watchlist)
class WatchlistAdmin(admin.ModelAdmin):
    # Entries change through imports and the entry services (audited), not through the admin.
    list_display = ["code", "name_en", "kind", "owner", "action", "threshold", "active"]
    list_filter = ["kind", "action", "active", "owner"]
    search_fields = ["code", "name_en", "name_ar"]


class _ReadOnly(admin.ModelAdmin):
    """Decisions are made through the audited services; the admin only shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(_ReadOnly):
    list_display = ["watchlist", "file_name", "imported_at", "added", "changed", "removed"]
    list_filter = ["watchlist"]


@admin.register(Alert)
class AlertAdmin(_ReadOnly):
    list_display = ["raised_at", "crossing_point", "status", "score", "entry", "subject_key"]
    list_filter = ["status", "crossing_point"]


@admin.register(Clearance)
class ClearanceAdmin(_ReadOnly):
    list_display = ["document_issuing_state", "document_number", "entry", "expires_on"]


@admin.register(Notification)
class NotificationAdmin(_ReadOnly):
    list_display = ["created_at", "agency", "watchlist", "acknowledged_at"]
