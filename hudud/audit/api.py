"""Audit endpoints of the JSON API, for auditors: a record's trail and the chain's check."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from hudud.audit import selectors
from hudud.border.schemas import ErrorsOut
from hudud.common.api import actor_of

router = Router(tags=["audit"])
ERRORS = {401: ErrorsOut, 403: ErrorsOut, 422: ErrorsOut}


class EventOut(Schema):
    sequence: int
    occurred_at: datetime
    who: str
    agency: str
    action: str
    object_type: str
    object_id: str
    crossing_point: str
    source_ip: str | None
    reason: str
    details: dict[str, Any]


class FindingOut(Schema):
    kind: str
    event_id: int | None
    sequence: int | None
    message: str


class VerificationOut(Schema):
    intact: bool
    events: int
    first_sequence: int | None
    last_sequence: int | None
    head: str
    findings: list[FindingOut]


@router.get(
    "/audit/events", response={200: list[EventOut], **ERRORS}, summary="A record's audit trail"
)
def audit_events(
    request: HttpRequest,
    object_type: str = Query(..., max_length=60, examples=["traveller"]),
    object_id: str = Query(..., max_length=64),
) -> list[dict[str, Any]]:
    """Who read or changed the record, when, from where and why (auditors only)."""
    events = selectors.audit_trail_for(
        actor=actor_of(request), object_type=object_type, object_id=object_id
    )
    return [
        {
            "sequence": e.sequence,
            "occurred_at": e.occurred_at,
            "who": e.actor_username,
            "agency": e.agency_code,
            "action": e.action,
            "object_type": e.object_type,
            "object_id": e.object_id,
            "crossing_point": e.crossing_point_code,
            "source_ip": e.source_ip,
            "reason": e.reason,
            "details": e.details,
        }
        for e in events
    ]


@router.get(
    "/audit/verify", response={200: VerificationOut, **ERRORS}, summary="Verify the audit chain"
)
def audit_verify(request: HttpRequest) -> dict[str, Any]:
    """Every event's hash, link and position, and the head (auditors only)."""
    result = selectors.audit_chain_verify(actor=actor_of(request))
    return {
        "intact": result.ok,
        "events": result.events,
        "first_sequence": result.first_sequence,
        "last_sequence": result.last_sequence,
        "head": result.last_hash,
        "findings": [vars(f) for f in result.findings],
    }
