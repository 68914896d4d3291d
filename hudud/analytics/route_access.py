"""Which roles may use the dashboard's routes (the route access convention, issue 5).
The same roles as `access.DASHBOARD_ROLES`, which the selectors enforce."""

from __future__ import annotations

DASHBOARD = frozenset({"analyst", "supervisor", "auditor"})

RULES: dict[str, frozenset[str]] = {
    "GET /dashboard/": DASHBOARD,
    "GET /dashboard/map/": DASHBOARD,
    "GET /dashboard/points/<slug:code>/": DASHBOARD,
}
