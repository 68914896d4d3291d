"""Carriers and flights in the admin site. The carriers' messages themselves (names,
documents, the raw bytes) are read on the flight board, audited, and never here."""

from django.contrib import admin
from django.http import HttpRequest

from hudud.common.admin_audit import AuditedAdmin
from hudud.manifests.models import Carrier, Flight


@admin.register(Carrier)
class CarrierAdmin(AuditedAdmin):
    list_display = ["code", "name", "account", "active"]
    search_fields = ["code", "name"]
    raw_id_fields = ["account"]


@admin.register(Flight)
class FlightAdmin(AuditedAdmin):
    # Read-only: flights change only by what carriers send (manifest_receive).
    list_display = ["number", "carrier", "departure_date", "crossing_point", "scheduled_arrival"]
    list_filter = ["crossing_point", "carrier"]
    readonly_fields = [f.name for f in Flight._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
