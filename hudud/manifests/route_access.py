"""Which roles may use the advance passenger information routes (the route access convention,
issue 5). `access.py` enforces the same rules, with the posting and agency scope on top."""

from __future__ import annotations

# Officers who see flight boards (line roles at their airports; analysts and auditors all).
BOARD = frozenset({"primary", "secondary", "supervisor", "analyst", "auditor"})
# Who reads carriers' submissions: the carrier its own, supervisors at their airports,
# analysts and auditors all.
SUBMISSIONS = frozenset({"carrier", "supervisor", "analyst", "auditor"})
# The interchanges as exchanged (EDIFACT) cannot be masked: not for analysts, who see birth
# dates and document numbers masked (agencies.mandates.FIELD_RULES).
INTERCHANGES = SUBMISSIONS - {"analyst"}

RULES: dict[str, frozenset[str]] = {
    "POST /api/v1/manifests/messages": frozenset({"carrier"}),
    "GET /api/v1/manifests/messages": SUBMISSIONS,
    "GET /api/v1/manifests/messages/{submission_id}": SUBMISSIONS,
    "GET /api/v1/manifests/messages/{submission_id}/response": INTERCHANGES,
    "GET /api/v1/manifests/messages/{submission_id}/raw": INTERCHANGES,
    "GET /api/v1/manifests/flights": BOARD,
    "GET /api/v1/manifests/flights/{flight_id}": BOARD,
    "GET /api/v1/manifests/flights/{flight_id}/travellers": BOARD,
    "GET /api/v1/manifests/flights/{flight_id}/history": BOARD,
    "GET /manifests/": BOARD,
    "GET /manifests/flights/<uuid:flight_id>/": BOARD,
}
