"""Which roles may use the audit routes (the route access convention, docs/security.md):
auditors, through the `audit.read` capability (agencies.mandates)."""

from __future__ import annotations

RULES: dict[str, frozenset[str]] = {
    "GET /api/v1/audit/events": frozenset({"auditor"}),
    "GET /api/v1/audit/verify": frozenset({"auditor"}),
}
