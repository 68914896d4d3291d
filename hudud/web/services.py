"""State changes the workspace makes on its own: sending a traveller to secondary inspection,
and recording a group's clean members together. Each is audited; crossings are recorded by
`border.services.crossing_record` itself, one transaction per traveller, idempotent on the
client id the page holds, so a retried "record all" records each traveller exactly once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.border import access as border_access
from hudud.border.documents import DocumentData, document_from_mrz
from hudud.border.services import CrossingRequest, RecordedCrossing, crossing_record
from hudud.border.stays import local_day
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.watchlists.models import Alert


def secondary_referral_send(
    *,
    actor: Actor,
    crossing_point_code: str,
    alert_ids: list[str],
    group_id: uuid.UUID | None = None,
) -> list[str]:
    """The primary-line officer sends the traveller of these open alerts to secondary
    inspection. Records nothing but the audit event: the alerts already wait in the queue."""
    point = border_access.crossing_point_for_line_work(
        officer=actor.officer, code=crossing_point_code
    )
    known = [
        str(pk)
        for pk in Alert.objects.filter(
            pk__in=[a for a in alert_ids if _is_uuid(a)], crossing_point=point
        ).values_list("pk", flat=True)
    ]
    if not known:
        raise ServiceError.one("not_found", "alert_ids", "no open alert at this crossing point")
    with transaction.atomic():
        for alert_id in known:
            audit_record(
                actor=actor,
                action="alert.refer",
                object_type="alert",
                object_id=alert_id,
                crossing_point_code=point.code,
                details={"group_id": str(group_id) if group_id else ""},
            )
    return known


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def member_client_id(group_id: uuid.UUID, document: DocumentData, kind: str) -> uuid.UUID:
    """The same document in the same group always gets the same client id for the same kind
    of crossing: a passport scanned twice, or a "record all" sent twice, is recorded once."""
    key = f"{document.issuing_state}:{document.kind}:{document.number}:{kind}"
    return uuid.uuid5(group_id, key)


@dataclass(frozen=True)
class MemberOutcome:
    mrz: str
    recorded: RecordedCrossing | None
    error: ServiceError | None


def group_member_record(
    *,
    actor: Actor,
    crossing_point_code: str,
    group_id: uuid.UUID,
    kind: str,
    mrz: str,
    refusal_reasons: tuple[str, ...] = (),
) -> RecordedCrossing:
    """Record one member's crossing (entry, exit or refusal) in the group."""
    document = document_from_mrz(mrz, today=local_day(timezone.now()))
    return crossing_record(
        actor=actor,
        request=CrossingRequest(
            client_id=member_client_id(group_id, document, kind),
            kind=kind,
            crossing_point_code=crossing_point_code,
            document=document,
            refusal_reasons=refusal_reasons,
            group_id=group_id,
        ),
    )


def group_members_record(
    *,
    actor: Actor,
    crossing_point_code: str,
    group_id: uuid.UUID,
    kind: str,
    zones: list[str],
) -> list[MemberOutcome]:
    """Record the same crossing (entry or exit) for each member of a group, each in its own
    transaction. A member whose record fails (say, a document that fails its checks) is
    reported, never silently skipped, and does not stop the others."""
    outcomes = []
    for mrz in zones:
        try:
            recorded = group_member_record(
                actor=actor,
                crossing_point_code=crossing_point_code,
                group_id=group_id,
                kind=kind,
                mrz=mrz,
            )
        except ServiceError as error:
            outcomes.append(MemberOutcome(mrz, None, error))
        else:
            outcomes.append(MemberOutcome(mrz, recorded, None))
    return outcomes
