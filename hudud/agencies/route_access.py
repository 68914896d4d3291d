"""Which roles may use the login routes (the route access convention, docs/security.md).
Everyone, logged in or not, may reach them; what they let through is the login itself."""

from __future__ import annotations

from hudud.agencies.models import Officer

ANYONE = frozenset({"anonymous", *Officer.Role.values})

RULES: dict[str, frozenset[str]] = {
    "GET /login/": ANYONE,
    "POST /login/": ANYONE,
    "GET /login/code/": ANYONE,
    "POST /login/code/": ANYONE,
    "GET /login/enrol/": ANYONE,
    "POST /login/enrol/": ANYONE,
    "POST /logout/": ANYONE,
    "GET /admin/login/": ANYONE,
}
