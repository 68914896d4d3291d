"""Which roles may use the revenue routes (the route access convention, docs/security.md).
`access.py` enforces them, with agency mandates (agencies.mandates) and postings on top: a
revenue officer listed here may still be refused another port's declarations and receipts."""

from __future__ import annotations

# Revenue officers at their ports; auditors everywhere, reading only.
READERS = frozenset({"revenue", "auditor"})
# Issuing and voiding receipts, recording declarations: revenue officers at their ports.
CASHIERS = frozenset({"revenue"})

RULES: dict[str, frozenset[str]] = {
    "GET /api/v1/declarations": READERS,
    "POST /api/v1/declarations": CASHIERS,
    "GET /api/v1/declarations/{declaration_id}": READERS,
    "GET /api/v1/receipts": READERS,
    "POST /api/v1/receipts": CASHIERS,
    "GET /api/v1/receipts/{receipt_id}": READERS,
    "POST /api/v1/receipts/{receipt_id}/void": CASHIERS,
    "GET /api/v1/fees": READERS,
    # Pages: a port's day, a receipt, a declaration; issuing and voiding (forms, POST).
    "GET /revenue/": READERS,
    "GET /revenue/receipts/new": CASHIERS,
    "POST /revenue/receipts/new": CASHIERS,
    "GET /revenue/receipts/<uuid:receipt_id>/": READERS,
    "POST /revenue/receipts/<uuid:receipt_id>/void": CASHIERS,
    "GET /revenue/declarations/<uuid:declaration_id>/": READERS,
}
