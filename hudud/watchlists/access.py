"""Who may see and decide what about watchlists. Every service and selector goes through these.

Until the full role table arrives, the rules are:
- secondary-inspection officers and supervisors of an agency with a border-control or security
  mandate see and decide the alerts at the crossing points they are posted to, search entries
  and see clearances (a clearance holds at every crossing point);
- the agency that owns a list sees its notifications and the alerts behind them, searches its
  own lists and (its agency administrators) creates lists and imports into them;
- auditors read everything and decide nothing;
- everyone else (customs and revenue officers, agencies without such a mandate, carriers'
  systems) sees no hit.

Role and mandate together are decided in one table, `hudud.agencies.mandates`, which these
helpers ask; postings and list ownership are checked here.
"""

from __future__ import annotations

from django.db.models import QuerySet

from hudud.agencies.mandates import can
from hudud.agencies.models import Officer
from hudud.border.models import CrossingPoint, Posting
from hudud.common.errors import AccessDenied, NotFound
from hudud.watchlists.models import Alert, Clearance, Notification, Watchlist

SCREENING_MANDATES = frozenset({"border_control", "security"})
DECISION_ROLES = frozenset({Officer.Role.SECONDARY, Officer.Role.SUPERVISOR})
ENTRY_SEARCH_ROLES = DECISION_ROLES | {Officer.Role.ANALYST}

_NO_HITS = "your role or agency does not give access to watchlist hits"


def has_screening_mandate(officer: Officer) -> bool:
    return bool(SCREENING_MANDATES & set(officer.agency.mandates or ()))


def _is_decider(officer: Officer) -> bool:
    return can(officer, "alert.decide")


def _is_auditor(officer: Officer) -> bool:
    return officer.role == Officer.Role.AUDITOR


def _owns_lists(officer: Officer) -> bool:
    return Watchlist.objects.filter(owner=officer.agency).exists()


def posted_points(officer: Officer) -> QuerySet[CrossingPoint]:
    posted = Posting.objects.of(officer).values("crossing_point")
    return CrossingPoint.objects.filter(pk__in=posted)


def ensure_can_see_watchlists(officer: Officer) -> None:
    """List metadata (names, owners, actions) for officers whose work touches screening; never
    for a carrier's system, whichever agency registered it."""
    if officer.role == Officer.Role.CARRIER or not (
        has_screening_mandate(officer) or _is_auditor(officer) or _owns_lists(officer)
    ):
        raise AccessDenied("your agency has no part in watchlist screening")


def alerts_visible(officer: Officer) -> QuerySet[Alert]:
    """The alerts `officer` may read: at their posts, of their agency's lists once notified, or
    all of them for an auditor."""
    alerts = Alert.objects.all()
    if _is_auditor(officer):
        return alerts
    notified = Notification.objects.filter(agency=officer.agency).values("alert")
    if _is_decider(officer):
        return alerts.filter(crossing_point__in=posted_points(officer)) | alerts.filter(
            pk__in=notified
        )
    if _owns_lists(officer):
        return alerts.filter(pk__in=notified)
    raise AccessDenied(_NO_HITS)


def alert_queue_point(*, officer: Officer, code: str) -> CrossingPoint:
    """The crossing point whose alert queue `officer` asks for."""
    if not (_is_decider(officer) or _is_auditor(officer)):
        raise AccessDenied(_NO_HITS)
    point = CrossingPoint.objects.filter(code=code).first()
    if point is None:
        raise NotFound("crossing_point", f"no crossing point with code {code!r}")
    if not _is_auditor(officer) and not posted_points(officer).filter(pk=point.pk).exists():
        raise AccessDenied(f"you are not posted to {point.name_en}", "crossing_point")
    return point


def alert_for_read(*, officer: Officer, alert_id: str) -> Alert:
    alert = (
        alerts_visible(officer)
        .select_related("entry__watchlist__owner", "crossing_point", "traveller")
        .filter(pk=alert_id)
        .first()
    )
    if alert is None:
        # Not found and not yours read the same: an alert's existence is itself sensitive.
        raise NotFound("alert_id", "no such alert")
    return alert


def alert_for_decision(*, officer: Officer, alert_id: str) -> Alert:
    """An open alert that `officer` may confirm or dismiss (posted where it was raised)."""
    if not _is_decider(officer):
        raise AccessDenied("only secondary-inspection officers and supervisors decide alerts")
    alert = (
        Alert.objects.select_for_update()
        .filter(pk=alert_id, crossing_point__in=posted_points(officer))
        .first()
    )
    if alert is None:
        raise NotFound("alert_id", "no such alert at the crossing points you are posted to")
    return alert


def ensure_can_grant_clearance(officer: Officer) -> None:
    if not _is_decider(officer):
        raise AccessDenied("only secondary-inspection officers and supervisors grant clearances")


def clearances_visible(officer: Officer) -> QuerySet[Clearance]:
    if _is_auditor(officer) or _is_decider(officer):
        return Clearance.objects.all()
    raise AccessDenied(_NO_HITS)


def clearance_for_revoke(*, officer: Officer, clearance_id: int) -> Clearance:
    """Supervisors revoke any clearance; a secondary officer only one they granted."""
    if not _is_decider(officer):
        raise AccessDenied("only supervisors and the granting officer revoke a clearance")
    clearance = Clearance.objects.select_for_update().filter(pk=clearance_id).first()
    if clearance is None:
        raise NotFound("clearance_id", "no such clearance")
    if officer.role != Officer.Role.SUPERVISOR and clearance.granted_by_id != officer.pk:
        raise AccessDenied("only a supervisor or the officer who granted it may revoke it")
    return clearance


def entry_search_lists(officer: Officer) -> QuerySet[Watchlist]:
    """The lists whose entries `officer` may search."""
    if can(officer, "watchlist.search"):
        return Watchlist.objects.all()
    if _owns_lists(officer):
        return Watchlist.objects.filter(owner=officer.agency)
    raise AccessDenied(_NO_HITS)


def watchlist_for_change(*, officer: Officer, code: str) -> Watchlist:
    """A list `officer` may import into or edit: agency administrators of the owning agency."""
    if officer.role != Officer.Role.AGENCY_ADMIN:
        raise AccessDenied("only an agency administrator of the owning agency changes a list")
    watchlist = Watchlist.objects.select_related("owner").filter(code=code).first()
    if watchlist is None:
        raise NotFound("code", f"no watchlist with code {code!r}")
    if watchlist.owner_id != officer.agency_id:
        raise AccessDenied(f"{watchlist.name_en} belongs to {watchlist.owner.name_en}", "code")
    return watchlist


def ensure_can_create_watchlist(officer: Officer) -> None:
    if officer.role != Officer.Role.AGENCY_ADMIN:
        raise AccessDenied("only an agency administrator creates a list for their agency")


def notifications_visible(officer: Officer) -> QuerySet[Notification]:
    if _is_auditor(officer):
        return Notification.objects.all()
    if not _owns_lists(officer):
        raise AccessDenied("your agency owns no watchlist")
    return Notification.objects.filter(agency=officer.agency)
