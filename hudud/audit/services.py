"""Writing audit events. Called inside the transaction of the action it records, so an action
and its audit event are committed together or not at all.

Every append locks the chain head (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite's
IMMEDIATE transactions already hold the database's one write lock), takes the next position
and links to the previous hash. The lock is held until the surrounding transaction commits,
so audited writes are serialised: that is the price of a single verifiable order.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from hudud.audit.chain import GENESIS, event_hash, normalise_details, normalise_ip
from hudud.audit.models import AuditChainHead, AuditCheckpoint, AuditEvent
from hudud.common.actor import Actor

SYSTEM_USERNAME = "system"


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
    """Append an event done by an officer."""
    officer = actor.officer
    return _append(
        actor_id=officer.user_id,
        actor_username=officer.user.get_username(),
        agency_code=officer.agency.code,
        action=action,
        object_type=object_type,
        object_id=object_id,
        crossing_point_code=crossing_point_code,
        source_ip=actor.source_ip,
        reason=reason,
        details=details,
    )


def audit_record_system(
    *,
    action: str,
    object_type: str,
    object_id: str,
    username: str = SYSTEM_USERNAME,
    user_id: int | None = None,
    source_ip: str | None = None,
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event with no officer behind it: a scheduled job, a failed login for an
    unknown name, an operator's command. `username` says who or what acted."""
    return _append(
        actor_id=user_id,
        actor_username=username[:150],
        agency_code="",
        action=action,
        object_type=object_type,
        object_id=object_id[:64],
        crossing_point_code="",
        source_ip=source_ip,
        reason=reason,
        details=details,
    )


def _append(*, source_ip: str | None, details: dict[str, Any] | None, **fields: Any) -> AuditEvent:
    # Joins the caller's transaction (the action being audited) without a savepoint.
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        event = AuditEvent(
            sequence=head.sequence + 1,
            occurred_at=timezone.now(),
            source_ip=normalise_ip(source_ip),
            details=normalise_details(details),
            prev_hash=head.hash,
            **fields,
        )
        event.hash = event_hash(event)
        event.save()  # the database moves the head along (trigger audit_event_head)
    return event


def _locked_head() -> AuditChainHead:
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    # First event ever, or the head row was lost (a flushed test database): continue from
    # the last stored event. `verify` compares the head with the chain's end regardless.
    last: AuditEvent | AuditCheckpoint | None = AuditEvent.objects.order_by("-sequence").first()
    if last is None:
        last = AuditCheckpoint.objects.order_by("-sequence").first()
    try:
        with transaction.atomic():
            AuditChainHead.objects.create(
                pk=1,
                sequence=last.sequence if last else 0,
                hash=last.hash if last else GENESIS,
            )
    except IntegrityError:
        pass  # another writer created it first; lock theirs
    return AuditChainHead.objects.select_for_update().get(pk=1)
