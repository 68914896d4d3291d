"""Reads the workspace needs that no other app offers yet. Reference data (crossing points,
groups) is read plainly; anything about a person goes through the owning app's access rules
and is audited."""

from __future__ import annotations

import uuid

from django.db.models import Count, Q

from hudud.agencies.models import Officer
from hudud.audit.services import audit_record
from hudud.border import access as border_access
from hudud.border.models import Crossing, CrossingPoint, Posting, TravelGroup
from hudud.common.actor import Actor
from hudud.common.errors import NotFound
from hudud.watchlists import access as watchlist_access
from hudud.watchlists.models import Alert, Watchlist

WORKING_STATUSES = (CrossingPoint.Status.OPERATIONAL, CrossingPoint.Status.RESTRICTED)


def posted_points(officer: Officer) -> list[CrossingPoint]:
    """The open crossing points `officer` is posted to, by name."""
    posted = Posting.objects.of(officer).values("crossing_point")
    return list(
        CrossingPoint.objects.filter(pk__in=posted, status__in=WORKING_STATUSES).order_by("name_en")
    )


def alert_queue_points(officer: Officer) -> list[CrossingPoint]:
    """Where `officer` may read an alert queue: their posts, or every point for an auditor."""
    if officer.role == Officer.Role.AUDITOR:
        return list(CrossingPoint.objects.order_by("name_en"))
    return posted_points(officer)


def groups_recent(*, actor: Actor, crossing_point_code: str, limit: int = 20) -> list[TravelGroup]:
    """The groups opened lately at a crossing point, with how many crossings each has."""
    point = border_access.crossing_point_for_line_work(
        officer=actor.officer, code=crossing_point_code
    )
    return list(
        TravelGroup.objects.filter(crossing_point=point)
        .annotate(
            entries=Count("crossings", filter=Q(crossings__kind="entry")),
            refusals=Count("crossings", filter=Q(crossings__kind="refusal")),
        )
        .select_related("opened_by__user")
        .order_by("-opened_at")[:limit]
    )


def group_for_line_work(*, actor: Actor, group_id: uuid.UUID) -> TravelGroup:
    """A group at a crossing point where `actor` may process travellers."""
    group = TravelGroup.objects.select_related("crossing_point").filter(pk=group_id).first()
    if group is None:
        raise NotFound("group_id", "no such group")
    border_access.crossing_point_for_line_work(
        officer=actor.officer, code=group.crossing_point.code
    )
    return group


def group_crossings(*, actor: Actor, group: TravelGroup) -> list[Crossing]:
    """The crossings recorded in a group, with their travellers. Audited (names are shown);
    `group` comes from `group_for_line_work`, which checked the officer's posting."""
    rows = list(
        Crossing.objects.filter(group=group)
        .select_related("traveller", "document")
        .order_by("-occurred_at")
    )
    audit_record(
        actor=actor,
        action="group.read",
        object_type="travel_group",
        object_id=str(group.pk),
        crossing_point_code=group.crossing_point.code,
        details={"count": len(rows)},
    )
    return rows


def watchlist_names(codes: set[str]) -> dict[str, Watchlist]:
    """Lists by code (reference data: their names in both scripts, legal basis, action)."""
    return {w.code: w for w in Watchlist.objects.filter(code__in=codes).select_related("owner")}


def alert_history(*, actor: Actor, alert: Alert) -> list[Alert]:
    """Earlier alerts about the same person or document, that `actor` may read. Audited."""
    same_subject = Q(subject_key=alert.subject_key)
    if alert.traveller_id:
        same_subject |= Q(traveller_id=alert.traveller_id)
    rows = list(
        watchlist_access.alerts_visible(actor.officer)
        .filter(same_subject)
        .exclude(pk=alert.pk)
        .select_related("entry__watchlist", "crossing_point", "decided_by__user")
        .order_by("-raised_at")[:20]
    )
    audit_record(
        actor=actor,
        action="alert.history",
        object_type="alert",
        object_id=str(alert.pk),
        crossing_point_code=alert.crossing_point.code,
        details={"subject": alert.subject_key, "count": len(rows)},
    )
    return rows
