"""Which roles may use the watchlist API's routes (the route access convention,
docs/security.md). `access.py` enforces them, with agency mandates (agencies.mandates),
postings and list ownership on top: a role listed here may still be refused a record of
another crossing point or another agency's list."""

from __future__ import annotations

# Secondary inspection: the alert queue and the decisions (at posted crossing points).
DECIDE = frozenset({"secondary", "supervisor"})
QUEUE = DECIDE | {"auditor"}
# Staff of the agency that owns a list (administrators, analysts) read the alerts they were
# notified of; the cast's analyst and administrator sit in the Ministry of Interior, which
# owns the national lists.
OWNERS = frozenset({"agency_admin", "analyst"})

RULES: dict[str, frozenset[str]] = {
    # List metadata: officers of agencies with a screening mandate, list owners, auditors.
    "GET /api/v1/watchlists": frozenset(
        {"primary", "secondary", "supervisor", "analyst", "agency_admin", "auditor"}
    ),
    "POST /api/v1/watchlists": frozenset({"agency_admin"}),
    "POST /api/v1/watchlists/{code}/imports": frozenset({"agency_admin"}),
    "POST /api/v1/watchlists/{code}/imports/upload": frozenset({"agency_admin"}),
    "POST /api/v1/watchlists/{code}/entries": frozenset({"agency_admin"}),
    "POST /api/v1/watchlists/{code}/entries/{entry_id}/remove": frozenset({"agency_admin"}),
    "GET /api/v1/watchlists/entries": DECIDE | OWNERS | {"auditor"},
    "GET /api/v1/watchlists/clearances": QUEUE,
    "POST /api/v1/watchlists/clearances/{clearance_id}/revoke": DECIDE,
    "GET /api/v1/watchlists/notifications": OWNERS | {"auditor"},
    # An auditor of the owning agency can acknowledge its notifications today, although
    # auditors should decide nothing: reported for the watchlists service to refuse.
    "POST /api/v1/watchlists/notifications/{notification_id}/acknowledge": OWNERS | {"auditor"},
    "GET /api/v1/alerts": QUEUE,
    "GET /api/v1/alerts/{alert_id}": QUEUE | OWNERS,
    "POST /api/v1/alerts/{alert_id}/confirm": DECIDE,
    "POST /api/v1/alerts/{alert_id}/dismiss": DECIDE,
    "POST /api/v1/alerts/{alert_id}/clearance": DECIDE,
}
