from django.contrib import admin

from hudud.border.models import CrossingPoint, Lane, Permit, StayRule


class LaneInline(admin.TabularInline):
    model = Lane
    extra = 0


@admin.register(CrossingPoint)
class CrossingPointAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name_en",
        "name_ar",
        "kind",
        "status",
        "neighbour_country",
        "governorate",
        "authority",
    ]
    list_filter = ["kind", "status", "governorate"]
    search_fields = ["code", "name_en", "name_ar"]
    inlines = [LaneInline]


@admin.register(StayRule)
class StayRuleAdmin(admin.ModelAdmin):
    # StayRule.clean() validates the policy, so the admin form shows a bad rule as a form error.
    list_display = ["nationality", "policy", "legal_basis"]


@admin.register(Permit)
class PermitAdmin(admin.ModelAdmin):
    list_display = ["kind", "number", "traveller", "valid_from", "valid_until", "max_stay_days"]
    list_filter = ["kind"]
    raw_id_fields = ["traveller"]
