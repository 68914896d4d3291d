"""Which roles may use the routes hudud.config mounts itself (the route access convention,
docs/security.md): the admin site and the API's own documents."""

from __future__ import annotations

from hudud.agencies.models import Officer

OFFICERS = frozenset(Officer.Role.values)

RULES: dict[str, frozenset[str]] = {
    # The schema and its viewer describe personal-data endpoints: any logged-in account.
    "GET /api/v1/openapi.json": OFFICERS,
    "GET /api/v1/docs": OFFICERS,
    "GET /api/v1/": OFFICERS,
    # The admin site: staff accounts only (agency administrators hold them; Django's own
    # permissions then decide what each may see). Reached through the two-factor login.
    "GET /admin/*": frozenset({Officer.Role.AGENCY_ADMIN}),
    "POST /admin/*": frozenset({Officer.Role.AGENCY_ADMIN}),
}
