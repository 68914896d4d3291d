from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from hudud.agencies.models import Agency, ApiToken, Officer
from hudud.common.admin_audit import AgencyScopedAdmin, AuditedAdmin, admin_officer


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["code", "name_en", "name_ar", "kind", "region", "parent"]
    list_filter = ["kind", "region"]
    search_fields = ["code", "name_en", "name_ar"]


@admin.register(Officer)
class OfficerAdmin(AgencyScopedAdmin):
    list_display = ["badge_number", "user", "agency", "role"]
    list_filter = ["role", "agency"]
    search_fields = ["badge_number", "user__username"]

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        # An agency administrator places officers in their own agency only.
        if db_field.name == "agency" and not request.user.is_superuser:
            officer = admin_officer(request)
            own = [officer.agency_id] if officer else []
            kwargs["queryset"] = Agency.objects.filter(pk__in=own)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ApiToken)
class ApiTokenAdmin(AgencyScopedAdmin):
    # Tokens are issued with `hudud account token-issue`; the admin shows and revokes them
    # (setting "revoked at"), for the administrator's own agency.
    agency_path = "officer__agency"
    list_display = ["name", "prefix", "officer", "created_at", "expires_at", "revoked_at"]
    readonly_fields = [
        "officer",
        "name",
        "prefix",
        "digest",
        "scopes",
        "crossing_points",
        "created_at",
        "expires_at",
        "last_used_at",
    ]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
