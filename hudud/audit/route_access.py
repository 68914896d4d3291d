"""Which roles may use the audit routes (the route access convention, docs/security.md):
auditors, through the `audit.read` capability (agencies.mandates)."""

from __future__ import annotations

AUDITORS = frozenset({"auditor"})

RULES: dict[str, frozenset[str]] = {
    "GET /api/v1/audit/events": AUDITORS,
    "GET /api/v1/audit/verify": AUDITORS,
    # The auditor's pages: the trail searched, and the chain verified (POST runs the check).
    "GET /audit/": AUDITORS,
    "GET /audit/verify": AUDITORS,
    "POST /audit/verify": AUDITORS,
}
