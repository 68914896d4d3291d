from django.contrib import admin

from hudud.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is append-only."""

    list_display = [
        "occurred_at",
        "actor_username",
        "agency_code",
        "action",
        "object_type",
        "object_id",
        "crossing_point_code",
    ]
    list_filter = ["action", "agency_code"]
    search_fields = ["object_id", "actor_username"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
