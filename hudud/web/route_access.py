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

RULES: dict[str, frozenset[str]] = {
    # The start page lists what the officer may open; every logged-in account has one.
    "GET /": OFFICERS,
    # The language switch works before login too (the login page offers it).
    "POST /preferences/language": ANYONE,
    # The primary line: scan, check, decide.
    "GET /line/": LINE,
    "POST /line/check": LINE,
    "POST /line/decide": LINE,
}
