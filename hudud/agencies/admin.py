from django.contrib import admin

from hudud.agencies.models import Agency, ApiToken, Officer


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ar", "kind", "region", "parent"]
    list_filter = ["kind", "region"]
    search_fields = ["code", "name_en", "name_ar"]


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ["badge_number", "user", "agency", "role"]
    list_filter = ["role", "agency"]
    search_fields = ["badge_number", "user__username"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    # Tokens are issued with `hudud token`; the admin only shows and revokes them.
    list_display = ["name", "prefix", "officer", "created_at", "expires_at", "revoked_at"]
    readonly_fields = [
        "officer",
        "name",
        "prefix",
        "digest",
        "created_at",
        "expires_at",
        "last_used_at",
    ]

    def has_add_permission(self, request, obj=None):
        return False
