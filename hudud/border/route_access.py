"""Which roles may use the border app's routes (the route access convention, issue 5).

Helpers append their routes' rules here; nobody removes another's keys."""

from __future__ import annotations

# Roles that may read traveller records (border.access.TRAVELLER_READ_ROLES); the traveller
# page then shows each role only its sections (border.selectors.traveller_sections).
TRAVELLER_READERS = frozenset({"primary", "secondary", "supervisor", "analyst", "auditor"})

RULES: dict[str, frozenset[str]] = {
    # Traveller search and page (issue 4).
    "GET /travellers/": TRAVELLER_READERS,
    "GET /travellers/<uuid:traveller_id>/": TRAVELLER_READERS,
}
