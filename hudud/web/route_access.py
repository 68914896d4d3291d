"""Which roles may use the workspace's routes (the route access convention, issue 5)."""

from __future__ import annotations

ANYONE = frozenset(
    {
        "anonymous",
        "primary",
        "secondary",
        "supervisor",
        "analyst",
        "case_worker",
        "revenue",
        "agency_admin",
        "auditor",
        "carrier",
    }
)
OFFICERS = ANYONE - {"anonymous"}
# Officers who process travellers at a crossing point (border.access.LINE_ROLES).
LINE = frozenset({"primary", "secondary", "supervisor"})
# Secondary inspection (watchlists.access): the queue and the decisions.
ALERT_QUEUE = frozenset({"secondary", "supervisor", "auditor"})
# One alert is also read by the owning agency's staff (administrators, analysts) once their
# list was notified, as in the API (watchlists.route_access OWNERS).
ALERT_READ = ALERT_QUEUE | {"agency_admin", "analyst"}
ALERT_DECIDE = frozenset({"secondary", "supervisor"})

RULES: dict[str, frozenset[str]] = {
    # The start page lists what the officer may open; every logged-in account has one.
    "GET /": OFFICERS,
    # The language switch works before login too (the login page offers it).
    "POST /preferences/language": ANYONE,
    # The primary line: scan, check, decide.
    "GET /line/": LINE,
    "POST /line/check": LINE,
    "POST /line/decide": LINE,
    # Group mode (a pilgrim bus).
    "GET /line/groups/": LINE,
    "POST /line/groups/open": LINE,
    "GET /line/groups/<uuid:group_id>/": LINE,
    "POST /line/groups/<uuid:group_id>/scan": LINE,
    "POST /line/groups/<uuid:group_id>/record": LINE,
    "POST /line/groups/<uuid:group_id>/act": LINE,
    # Secondary inspection.
    "GET /alerts/": ALERT_QUEUE,
    "GET /alerts/<uuid:alert_id>/": ALERT_READ,
    "POST /alerts/<uuid:alert_id>/confirm": ALERT_DECIDE,
    "POST /alerts/<uuid:alert_id>/dismiss": ALERT_DECIDE,
}
