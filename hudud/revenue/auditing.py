"""Audit events about receipts: on the receipt, and on the traveller it names."""

from __future__ import annotations

from typing import Any

from hudud.audit.services import audit_record
from hudud.common.actor import Actor
from hudud.revenue.models import Receipt


def audit_receipt(
    actor: Actor, receipt: Receipt, action: str, *, details: dict[str, Any], reason: str = ""
) -> None:
    """One event on the receipt; a receipt naming a traveller also goes on the traveller's
    trail, so that "who looked at this traveller" finds the cashier who did."""
    point = receipt.crossing_point.code
    audit_record(
        actor=actor,
        action=action,
        object_type="receipt",
        object_id=str(receipt.pk),
        crossing_point_code=point,
        reason=reason,
        details=details,
    )
    if receipt.traveller_id is not None:
        audit_record(
            actor=actor,
            action=action,
            object_type="traveller",
            object_id=str(receipt.traveller_id),
            crossing_point_code=point,
            reason=reason,
            details={"receipt_id": str(receipt.pk), "number": receipt.number},
        )
