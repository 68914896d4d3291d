"""Reading the audit trail. Officers read it through `audit_trail_for`, which needs the
auditor's capability and is itself audited (who looked at who looked)."""

from __future__ import annotations

from django.db.models import QuerySet

from hudud.agencies.mandates import require
from hudud.audit.models import AuditEvent
from hudud.audit.services import audit_record
from hudud.audit.verify import Verification, audit_verify
from hudud.common.actor import Actor

TRAIL_LIMIT = 500


def audit_events_for_object(*, object_type: str, object_id: str) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id).order_by("id")


def audit_trail_for(*, actor: Actor, object_type: str, object_id: str) -> list[AuditEvent]:
    """Who read or changed a record, when, from where and why (oldest first)."""
    require(actor.officer, "audit.read", "only auditors read the audit trail")
    events = list(
        audit_events_for_object(object_type=object_type, object_id=object_id)[:TRAIL_LIMIT]
    )
    audit_record(
        actor=actor,
        action="audit.trail_read",
        object_type=object_type,
        object_id=object_id,
        details={"count": len(events)},
    )
    return events


def audit_chain_verify(*, actor: Actor) -> Verification:
    require(actor.officer, "audit.read", "only auditors verify the audit trail")
    result = audit_verify()
    audit_record(
        actor=actor,
        action="audit.verify",
        object_type="audit_chain",
        object_id=str(result.last_sequence or 0),
        details={"events": result.events, "findings": len(result.findings)},
    )
    return result
