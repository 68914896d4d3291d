from django.contrib import admin

from hudud.manifests.models import Carrier, Flight, Submission


@admin.register(Carrier)
class CarrierAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "account", "active"]
    search_fields = ["code", "name"]
    raw_id_fields = ["account"]


@admin.register(Flight)
class FlightAdmin(admin.ModelAdmin):
    # Read-only: flights change only by what carriers send (manifest_receive).
    list_display = ["number", "carrier", "departure_date", "crossing_point", "scheduled_arrival"]
    list_filter = ["crossing_point", "carrier"]
    readonly_fields = [f.name for f in Flight._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["reference", "carrier", "channel", "received_at", "status", "size"]
    list_filter = ["status", "channel", "carrier"]
    exclude = ["raw", "parsed"]
    readonly_fields = [f.name for f in Submission._meta.fields if f.name not in ("raw", "parsed")]

    def has_add_permission(self, request: object) -> bool:
        return False
