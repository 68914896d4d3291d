"""Reads of watchlists, alerts, clearances and notifications, scoped by the officer through
`access` and audited when they show personal data (a listed person's or a traveller's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from hudud.audit.services import audit_record
from hudud.border.models import Traveller
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.watchlists import access
from hudud.watchlists.models import Alert, Clearance, Notification, Watchlist, WatchlistEntry

SEARCH_LIMIT = 50


def traffic_names(*, limit: int) -> list[str]:
    """Names of the most recently seen travellers, Latin and Arabic script, for token weights.

    A sample of the border's own traffic tells the index which names are common here."""
    rows = Traveller.objects.order_by("-created_at").values_list(
        "given_names", "surname", "name_ar"
    )[:limit]
    names: list[str] = []
    for given, surname, name_ar in rows:
        names.append(f"{given} {surname}".strip())
        if name_ar:
            names.append(name_ar)
    return names


def watchlists_list(*, actor: Actor) -> QuerySet[Watchlist]:
    """Every list with its owner and the count of entries in force (no personal data)."""
    access.ensure_can_see_watchlists(actor.officer)
    return Watchlist.objects.select_related("owner").annotate(
        entries_in_force=Count("entries", filter=Q(entries__removed_at__isnull=True))
    )


def alerts_queue(*, actor: Actor, crossing_point_code: str, status: str = "open") -> list[Alert]:
    """The alerts raised at a crossing point, newest first."""
    point = access.alert_queue_point(officer=actor.officer, code=crossing_point_code)
    if status not in Alert.Status.values:
        raise ServiceError.one("invalid_value", "status", f"one of {Alert.Status.values}")
    alerts = list(
        Alert.objects.filter(crossing_point=point, status=status)
        .select_related("entry__watchlist", "crossing_point")
        .order_by("-raised_at")[:200]
    )
    audit_record(
        actor=actor,
        action="alerts.list",
        object_type="alert_list",
        object_id=point.code,
        crossing_point_code=point.code,
        details={"status": status, "count": len(alerts)},
    )
    return alerts


@dataclass(frozen=True)
class AlertDetail:
    alert: Alert
    clearances: list[Clearance]


def alert_detail(*, actor: Actor, alert_id: str) -> AlertDetail:
    """The alert with the traveller as screened beside the listed entry, and its list."""
    alert = access.alert_for_read(officer=actor.officer, alert_id=alert_id)
    clearances = list(alert.clearances.order_by("-granted_at"))
    audit_record(
        actor=actor,
        action="alert.read",
        object_type="alert",
        object_id=str(alert.pk),
        crossing_point_code=alert.crossing_point.code,
        details={"entry_id": alert.entry_id, "traveller_id": str(alert.traveller_id or "")},
    )
    return AlertDetail(alert, clearances)


def clearances_list(
    *,
    actor: Actor,
    document_number: str = "",
    issuing_state: str = "",
    in_force_on: date | None = None,
) -> list[Clearance]:
    clearances = access.clearances_visible(actor.officer).select_related(
        "entry__watchlist", "granted_by__user"
    )
    if document_number:
        clearances = clearances.filter(document_number=document_number.upper())
    if issuing_state:
        clearances = clearances.filter(document_issuing_state=issuing_state.upper())
    if in_force_on is not None:
        clearances = clearances.filter(revoked_at__isnull=True, expires_on__gte=in_force_on)
    rows = list(clearances.order_by("-granted_at")[:200])
    audit_record(
        actor=actor,
        action="clearances.list",
        object_type="clearance_list",
        object_id=f"{issuing_state} {document_number}".strip() or "all",
        details={"count": len(rows)},
    )
    return rows


def entries_search(
    *, actor: Actor, text: str, watchlist_code: str = "", limit: int = SEARCH_LIMIT
) -> list[WatchlistEntry]:
    """Entries in force whose names contain `text` (case-insensitive), on the lists the
    officer may search. A plain substring search for people: screening is the index's job."""
    lists = access.entry_search_lists(actor.officer)  # refuses first: no hint to outsiders
    if len(text.strip()) < 2:
        raise ServiceError.one("invalid_value", "q", "at least two characters")
    if watchlist_code:
        lists = lists.filter(code=watchlist_code)
    entries = WatchlistEntry.objects.filter(
        watchlist__in=lists, removed_at__isnull=True, search_text__contains=text.casefold()
    ).select_related("watchlist")
    rows = list(entries.order_by("watchlist__code", "source_id")[: max(1, min(limit, 200))])
    audit_record(
        actor=actor,
        action="watchlist_entries.search",
        object_type="watchlist_entry_list",
        object_id=watchlist_code or "all",
        details={"text": text, "count": len(rows)},
    )
    return rows


def notifications_list(*, actor: Actor, unacknowledged_only: bool = False) -> list[Notification]:
    notifications = access.notifications_visible(actor.officer).select_related(
        "alert__entry", "alert__crossing_point", "watchlist", "agency"
    )
    if unacknowledged_only:
        notifications = notifications.filter(acknowledged_at__isnull=True)
    rows = list(notifications[:200])
    audit_record(
        actor=actor,
        action="notifications.list",
        object_type="notification_list",
        object_id=actor.officer.agency.code,
        details={"count": len(rows)},
    )
    return rows
