"""Builders for the revenue tests: a declaration at Umm Qasr North, a receipt request."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from hudud.agencies.models import Officer
from hudud.common.actor import Actor
from hudud.revenue import services
from hudud.revenue.models import Declaration, Receipt

PORT = "umm-qasr-north"


def registered_at() -> datetime:
    return timezone.now() - timedelta(hours=3)


def spec(**changes: Any) -> services.DeclarationSpec:
    at = changes.pop("registered_at", registered_at())
    fields: dict[str, Any] = {
        "crossing_point_code": PORT,
        "office_code": "BSRUQN",
        "reference": f"{timezone.localtime(at).year} C 1234",
        "model_code": "IM4",
        "declarant_name": "ZZ Synthetic Trading Co.",
        "declarant_code": "TIN-000123",
        "registered_at": at,
        "status": "assessed",
        "declared_value_iqd": Decimal("150000000"),
        "duties_assessed_iqd": Decimal("7500000"),
    }
    fields.update(changes)
    return services.DeclarationSpec(**fields)


def declaration(officer: Officer, **changes: Any) -> Declaration:
    return services.declaration_record(actor=Actor(officer), spec=spec(**changes)).declaration


def request(**changes: Any) -> services.ReceiptRequest:
    fields: dict[str, Any] = {
        "client_id": uuid.uuid4(),
        "crossing_point_code": PORT,
        "kind": "vehicle_fee",
        "payer_name": "ZZ Synthetic Haulage LLC",
        "fee_code": "vehicle-entry-truck",
    }
    fields.update(changes)
    return services.ReceiptRequest(**fields)


def issue(officer: Officer, **changes: Any) -> Receipt:
    return services.receipt_issue(actor=Actor(officer), request=request(**changes)).receipt


def receipt_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "client_id": str(uuid.uuid4()),
        "crossing_point": PORT,
        "kind": "vehicle_fee",
        "payer_name": "ZZ Synthetic Haulage LLC",
        "fee_code": "vehicle-entry-truck",
    }
    body.update(changes)
    return body


def declaration_body(**changes: Any) -> dict[str, Any]:
    at = registered_at()
    body: dict[str, Any] = {
        "crossing_point": PORT,
        "office_code": "BSRUQN",
        "reference": f"{timezone.localtime(at).year} C 777",
        "model_code": "EX1",
        "declarant_name": "ZZ Synthetic Exporters Ltd",
        "declarant_code": "TIN-000777",
        "registered_at": at.isoformat(),
        "status": "registered",
        "declared_value_iqd": 2500000,
    }
    body.update(changes)
    return body
