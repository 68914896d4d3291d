"""Reading the audit trail. Officers read it through `audit_trail_for`, which needs the
auditor's capability and is itself audited (who looked at who looked)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

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


def audit_chain_verify(*, actor: Actor, expect_head: str | None = None) -> Verification:
    """Check every event's hash, link and position; with `expect_head`, also that a head
    witnessed earlier outside the database is still in the chain."""
    require(actor.officer, "audit.read", "only auditors verify the audit trail")
    result = audit_verify(expect_head=expect_head)
    details: dict[str, object] = {"events": result.events, "findings": len(result.findings)}
    if expect_head:
        details["expect_head"] = expect_head
    audit_record(
        actor=actor,
        action="audit.verify",
        object_type="audit_chain",
        object_id=str(result.last_sequence or 0),
        details=details,
    )
    return result


PAGE_SIZE = 50


@dataclass(frozen=True)
class AuditSearch:
    """What an auditor looks for: a record, an officer, a kind of action, a place, a period.
    Empty fields do not filter."""

    object_type: str = ""
    object_id: str = ""
    who: str = ""
    action: str = ""
    crossing_point: str = ""
    since: date | None = None
    until: date | None = None

    def criteria(self) -> dict[str, str]:
        """The filters given, as text (what the search event records)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in ("", None)}


@dataclass(frozen=True)
class AuditPage:
    events: list[AuditEvent]
    total: int
    page: int
    pages: int


def _searched(search: AuditSearch) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.all()
    if search.object_type:
        events = events.filter(object_type=search.object_type)
    if search.object_id:
        events = events.filter(object_id=search.object_id)
    if search.who:
        events = events.filter(actor_username=search.who)
    if search.action:
        # "traveller." finds every action on travellers; a whole name finds that action.
        events = (
            events.filter(action__startswith=search.action)
            if search.action.endswith(".")
            else events.filter(action=search.action)
        )
    if search.crossing_point:
        events = events.filter(crossing_point_code=search.crossing_point)
    zone = timezone.get_current_timezone()
    if search.since:
        start = datetime.combine(search.since, time.min, tzinfo=zone)
        events = events.filter(occurred_at__gte=start)
    if search.until:
        end = datetime.combine(search.until + timedelta(days=1), time.min, tzinfo=zone)
        events = events.filter(occurred_at__lt=end)
    return events


def audit_events_search(*, actor: Actor, search: AuditSearch, page: int = 1) -> AuditPage:
    """Events matching `search`, newest first, a page at a time. The search is audited with
    its criteria (who looked for what in the trail)."""
    require(actor.officer, "audit.read", "only auditors read the audit trail")
    events = _searched(search)
    total = events.count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = list(events.order_by("-sequence")[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    audit_record(
        actor=actor,
        action="audit.search",
        object_type=search.object_type or "audit_trail",
        object_id=search.object_id,
        details={"criteria": search.criteria(), "page": page, "count": len(rows)},
    )
    return AuditPage(events=rows, total=total, page=page, pages=pages)
