"""Revenue reference data in the admin site: the fee schedule and the receipt books. Receipts
name who paid: they are read in the workspace and the API (audited, scoped by the access
helpers) and never changed, so they are not here; declarations change through their service
and are only shown."""

from django.contrib import admin
from django.http import HttpRequest

from hudud.common.admin_audit import AuditedAdmin
from hudud.revenue.models import Declaration, Fee, ReceiptBook


@admin.register(Fee)
class FeeAdmin(AuditedAdmin):
    # A new amount is best a new row with its own validity: receipts keep the fee they were
    # charged under (they also keep the amount itself).
    list_display = ["code", "kind", "amount", "currency", "unit", "valid_from", "valid_until"]
    list_filter = ["kind", "currency", "unit"]
    search_fields = ["code", "name_en", "name_ar"]


@admin.register(ReceiptBook)
class ReceiptBookAdmin(AuditedAdmin):
    """A prefix is printed on paper receipts: change one only at the turn of a year."""

    list_display = ["prefix", "crossing_point"]
    search_fields = ["prefix", "crossing_point__code", "crossing_point__name_en"]

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Declaration)
class DeclarationAdmin(AuditedAdmin):
    list_display = ["office_code", "reference", "model_code", "status", "crossing_point"]
    list_filter = ["status", "flow", "crossing_point"]
    search_fields = ["office_code", "declarant_name", "declarant_code"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
