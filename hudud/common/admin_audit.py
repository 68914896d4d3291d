"""The admin site under the same rules as the workspace: what an administrator opens and
changes there is on the audit trail, and an agency administrator manages only their own
agency's officers and tokens.

Records whose reading matters (personal data: alerts, clearances, carriers' messages, the
audit trail itself) are not in the admin at all: the workspace's pages and the API serve them
through the access helpers. What the admin keeps is reference data and accounts, plus permits
granted through their audited service.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse

from hudud.agencies.models import Officer
from hudud.audit.services import audit_record, audit_record_system
from hudud.common.actor import Actor


def admin_officer(request: HttpRequest) -> Officer | None:
    """The officer profile of the administrator behind `request`, if they have one."""
    user = request.user
    if not user.is_authenticated or user.pk is None:
        return None
    return Officer.objects.select_related("agency", "user").filter(user_id=user.pk).first()


def admin_audit(
    request: HttpRequest,
    *,
    action: str,
    object_type: str,
    object_id: str,
    details: dict[str, Any] | None = None,
) -> None:
    """Record an administrator's action, as their officer when they have a profile."""
    officer = admin_officer(request)
    source_ip = request.META.get("REMOTE_ADDR")
    if officer is not None:
        audit_record(
            actor=Actor(officer=officer, source_ip=source_ip),
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=details,
        )
    else:
        audit_record_system(
            action=action,
            object_type=object_type,
            object_id=object_id,
            username=f"admin:{request.user.get_username()}",
            user_id=request.user.pk,
            source_ip=source_ip,
            details=details,
        )


class AuditedAdmin(admin.ModelAdmin):
    """Every list and record opened, and every record added, changed or deleted, audited as
    `admin.list`, `admin.read`, `admin.add`, `admin.change`, `admin.delete` (the record type
    is the model's label; a change names the fields it changed, not their values)."""

    def _type(self) -> str:
        return str(self.model._meta.label_lower)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        listing = context.get("cl")
        if response.status_code == 200 and listing is not None:
            admin_audit(
                request,
                action="admin.list",
                object_type=self._type(),
                object_id="",
                details={
                    "count": listing.result_count,
                    "query": dict(request.GET.items()),
                },
            )
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            admin_audit(request, action="admin.read", object_type=self._type(), object_id=object_id)
        return response

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: ModelForm[Any], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        admin_audit(
            request,
            action="admin.change" if change else "admin.add",
            object_type=self._type(),
            object_id=str(obj.pk),
            details={"fields": sorted(form.changed_data)},
        )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        object_id = str(obj.pk)
        super().delete_model(request, obj)
        admin_audit(request, action="admin.delete", object_type=self._type(), object_id=object_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
        super().delete_queryset(request, queryset)
        for object_id in ids:
            admin_audit(
                request, action="admin.delete", object_type=self._type(), object_id=object_id
            )


class AgencyScopedAdmin(AuditedAdmin):
    """An agency administrator sees and manages only their agency's records (`agency_path`
    leads from the record to its agency); a superuser (the system's operator) sees all."""

    agency_path = "agency"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        officer = admin_officer(request)
        if officer is None:
            return rows.none()
        return rows.filter(**{self.agency_path: officer.agency})
