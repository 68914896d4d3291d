from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from hudud.border.models import CrossingPoint, Lane, Permit, StayRule
from hudud.border.services import permit_grant, permit_problems
from hudud.common.actor import Actor
from hudud.common.admin_audit import AuditedAdmin, admin_officer


class LaneInline(admin.TabularInline):
    model = Lane
    extra = 0


@admin.register(CrossingPoint)
class CrossingPointAdmin(AuditedAdmin):
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
class StayRuleAdmin(AuditedAdmin):
    # StayRule.clean() validates the policy, so the admin form shows a bad rule as a form error.
    list_display = ["nationality", "policy", "legal_basis"]


class PermitForm(forms.ModelForm):
    """A permit as the service grants it: the service's own checks, shown on the form."""

    class Meta:
        model = Permit
        fields = [
            "traveller",
            "kind",
            "number",
            "valid_from",
            "valid_until",
            "max_stay_days",
            "entries_allowed",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") and data.get("valid_from") and data.get("valid_until"):
            for problem in permit_problems(
                kind=data["kind"],
                valid_from=data["valid_from"],
                valid_until=data["valid_until"],
                max_stay_days=data.get("max_stay_days"),
            ):
                self.add_error(problem.field, problem.message)
        return data


@admin.register(Permit)
class PermitAdmin(AuditedAdmin):
    """Permits are granted through `permit_grant` (audited; a traveller inside gets their
    stay re-evaluated), in the name of the administrator's agency; a granted permit is not
    edited here."""

    form = PermitForm
    list_display = ["kind", "number", "traveller", "valid_from", "valid_until", "max_stay_days"]
    list_filter = ["kind"]
    raw_id_fields = ["traveller"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        officer = admin_officer(request)

        class Granting(form):  # type: ignore[valid-type,misc]
            def clean(self) -> dict[str, Any]:
                data = super().clean()
                if officer is None:
                    raise forms.ValidationError("only an officer can grant permits")
                taken = Permit.objects.filter(
                    issued_by=officer.agency, kind=data.get("kind"), number=data.get("number")
                )
                if taken.exists():
                    self.add_error("number", "your agency already issued this permit")
                return data

        return Granting

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        officer = admin_officer(request)
        assert officer is not None  # the form refused to validate without one
        granted = permit_grant(
            actor=Actor(officer=officer, source_ip=request.META.get("REMOTE_ADDR")),
            traveller=obj.traveller,
            kind=obj.kind,
            number=obj.number,
            valid_from=obj.valid_from,
            valid_until=obj.valid_until,
            max_stay_days=obj.max_stay_days,
            entries_allowed=obj.entries_allowed,
        )
        obj.pk = granted.pk
