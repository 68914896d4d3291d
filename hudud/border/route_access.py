"""Which roles may use the border app's routes (the route access convention, issue 5).

Helpers append their routes' rules here; nobody removes another's keys."""

from __future__ import annotations

# Roles that may read traveller records (border.access.TRAVELLER_READ_ROLES); the traveller
# page then shows each role only its sections (border.selectors.traveller_sections).
TRAVELLER_READERS = frozenset({"primary", "secondary", "supervisor", "analyst", "auditor"})

# Officers who process travellers at their crossing points (border.access, through
# agencies.mandates "crossing.record").
LINE = frozenset({"primary", "secondary", "supervisor"})
OFFICERS = frozenset(
    {
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

RULES: dict[str, frozenset[str]] = {
    # The JSON API (issue 5 states the rules of the routes that were there before it).
    "POST /api/v1/crossings/check": LINE,
    "POST /api/v1/crossings": LINE,
    "POST /api/v1/groups": LINE,
    # Reference data: names, kinds and places of crossing points, no personal data.
    "GET /api/v1/crossing-points": OFFICERS,
    "GET /api/v1/overstayers": frozenset({"supervisor", "analyst", "auditor"}),
    # Traveller search and page (issue 4).
    "GET /travellers/": TRAVELLER_READERS,
    "GET /travellers/<uuid:traveller_id>/": TRAVELLER_READERS,
}
