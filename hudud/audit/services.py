"""Writing audit events. Called inside the transaction of the action it records, so an action
and its audit event are committed together or not at all."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from hudud.audit.models import AuditEvent
from hudud.common.actor import Actor


def audit_record(
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    crossing_point_code: str = "",
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    officer = actor.officer
    return AuditEvent.objects.create(
        occurred_at=timezone.now(),
        actor=officer.user,
        actor_username=officer.user.get_username(),
        agency_code=officer.agency.code,
        action=action,
        object_type=object_type,
        object_id=object_id,
        crossing_point_code=crossing_point_code,
        source_ip=actor.source_ip,
        reason=reason,
        details=details or {},
    )
