"""Revenue endpoints of the JSON API: thin adapters over the services and selectors."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from hudud.agencies.mandates import reveal
from hudud.agencies.models import Officer
from hudud.border.schemas import ErrorsOut
from hudud.common.api import actor_of
from hudud.revenue import selectors, services
from hudud.revenue.models import Declaration, Receipt
from hudud.revenue.schemas import (
    CurrencyCode,
    DeclarationDetailOut,
    DeclarationIn,
    DeclarationOut,
    DeclarationRecordedOut,
    DeclarationStatus,
    FeeOut,
    IssuedOut,
    ReceiptIn,
    ReceiptKind,
    ReceiptListOut,
    ReceiptOut,
    VoidIn,
)

router = Router(tags=["revenue"])
ERRORS = {401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut, 422: ErrorsOut}


def declaration_out(d: Declaration) -> dict[str, Any]:
    return {
        "id": d.pk,
        "crossing_point": d.crossing_point.code,
        "office_code": d.office_code,
        "reference": d.reference,
        "model_code": d.model_code,
        "flow": d.flow,
        "declarant_name": d.declarant_name,
        "declarant_code": d.declarant_code,
        "registered_at": d.registered_at,
        "status": d.status,
        "declared_value_iqd": d.declared_value_iqd,
        "duties_assessed_iqd": d.duties_assessed_iqd,
        "vehicle": str(d.vehicle) if d.vehicle_id else None,
        "updated_at": d.updated_at,
    }


def _username(officer: Officer | None) -> str | None:
    return officer.user.get_username() if officer is not None else None


def receipt_out(r: Receipt, viewer: Officer) -> dict[str, Any]:
    return {
        "id": r.pk,
        "client_id": r.client_id,
        "number": r.number,
        "crossing_point": r.crossing_point.code,
        "kind": r.kind,
        "fee_code": r.fee.code if r.fee_id else None,  # type: ignore[union-attr]
        "quantity": r.quantity,
        "amount": r.amount,
        "currency": r.currency,
        "payer_name": r.payer_name,
        "payer_document": reveal(viewer, "document_number", r.payer_document) or "",
        "traveller_id": r.traveller_id,
        "declaration_id": r.declaration_id,
        "note": r.note,
        "issued_by": _username(r.issued_by),
        "issued_at": r.issued_at,
        "voided": r.voided,
        "voided_at": r.voided_at,
        "voided_by": _username(r.voided_by),
        "void_reason": r.void_reason,
    }


@router.get(
    "/declarations",
    response={200: list[DeclarationOut], **ERRORS},
    summary="Customs declarations at the ports one may read",
)
def declarations(
    request: HttpRequest,
    crossing_point: str = Query("", max_length=40),
    status: DeclarationStatus | None = None,
    day: date | None = None,
) -> list[dict[str, Any]]:
    rows = selectors.declarations_list(
        actor=actor_of(request), crossing_point_code=crossing_point, status=status or "", day=day
    )
    return [declaration_out(d) for d in rows]


@router.post(
    "/declarations",
    response={200: DeclarationRecordedOut, 201: DeclarationRecordedOut, **ERRORS},
    summary="Record or update a declaration by its ASYCUDA reference",
)
def declaration_record(request: HttpRequest, payload: DeclarationIn) -> Status[dict[str, Any]]:
    """201 when new; 200 when known (`unchanged`, or `updated` with the fields that changed);
    409 for a status that cannot follow the last or a reference held at another port."""
    recorded = services.declaration_record(
        actor=actor_of(request),
        spec=services.DeclarationSpec(
            crossing_point_code=payload.crossing_point,
            office_code=payload.office_code.strip().upper(),
            reference=payload.reference,
            model_code=payload.model_code.strip().upper(),
            declarant_name=payload.declarant_name.strip(),
            declarant_code=payload.declarant_code.strip().upper(),
            registered_at=payload.registered_at,
            status=payload.status,
            declared_value_iqd=payload.declared_value_iqd,
            duties_assessed_iqd=payload.duties_assessed_iqd,
            vehicle=(
                (payload.vehicle.registration_country, payload.vehicle.plate)
                if payload.vehicle
                else None
            ),
        ),
    )
    body = {
        "outcome": recorded.outcome,
        "changed": list(recorded.changed),
        "declaration": declaration_out(recorded.declaration),
    }
    return Status(201 if recorded.outcome == "created" else 200, body)


@router.get(
    "/declarations/{declaration_id}",
    response={200: DeclarationDetailOut, **ERRORS},
    summary="A declaration and the receipts that name it",
)
def declaration(request: HttpRequest, declaration_id: uuid.UUID) -> dict[str, Any]:
    actor = actor_of(request)
    detail = selectors.declaration_detail(actor=actor, declaration_id=str(declaration_id))
    return {
        **declaration_out(detail.declaration),
        "receipts": [receipt_out(r, actor.officer) for r in detail.receipts],
        "duties_received_iqd": detail.duties_received_iqd,
    }


@router.get(
    "/receipts",
    response={200: ReceiptListOut, **ERRORS},
    summary="Receipts, with totals per kind and currency",
)
def receipts(
    request: HttpRequest,
    crossing_point: str = Query("", max_length=40),
    day: date | None = None,
    kind: ReceiptKind | None = None,
    currency: CurrencyCode | None = None,
) -> dict[str, Any]:
    """Newest first (at most 200; `more` says when more match). Audited: receipts name who
    paid."""
    actor = actor_of(request)
    query = selectors.ReceiptQuery(
        crossing_point_code=crossing_point, day=day, kind=kind or "", currency=currency or ""
    )
    found = selectors.receipts_list(actor=actor, query=query)
    return {
        "receipts": [receipt_out(r, actor.officer) for r in found.receipts],
        "totals": [vars(t) for t in found.totals],
        "voided": found.voided,
        "more": found.more,
    }


@router.post(
    "/receipts", response={200: IssuedOut, 201: IssuedOut, **ERRORS}, summary="Issue a receipt"
)
def receipt_issue(request: HttpRequest, payload: ReceiptIn) -> Status[dict[str, Any]]:
    """201 when issued; 200 with `replayed: true` when this `client_id` was issued before (a
    retry after a lost reply); 409 if it was used for a different receipt."""
    actor = actor_of(request)
    issued = services.receipt_issue(
        actor=actor,
        request=services.ReceiptRequest(
            client_id=payload.client_id,
            crossing_point_code=payload.crossing_point,
            kind=payload.kind,
            payer_name=payload.payer_name,
            payer_document=payload.payer_document,
            fee_code=payload.fee_code,
            days=payload.days,
            amount=payload.amount,
            currency=payload.currency,
            traveller_id=payload.traveller_id,
            declaration_id=payload.declaration_id,
            note=payload.note,
        ),
    )
    body = {"replayed": issued.replayed, "receipt": receipt_out(issued.receipt, actor.officer)}
    return Status(200 if issued.replayed else 201, body)


@router.get("/receipts/{receipt_id}", response={200: ReceiptOut, **ERRORS}, summary="A receipt")
def receipt(request: HttpRequest, receipt_id: uuid.UUID) -> dict[str, Any]:
    actor = actor_of(request)
    found = selectors.receipt_detail(actor=actor, receipt_id=str(receipt_id))
    return receipt_out(found, actor.officer)


@router.post(
    "/receipts/{receipt_id}/void",
    response={200: ReceiptOut, **ERRORS},
    summary="Void a receipt, with the reason",
)
def receipt_void(request: HttpRequest, receipt_id: uuid.UUID, payload: VoidIn) -> dict[str, Any]:
    actor = actor_of(request)
    voided = services.receipt_void(actor=actor, receipt_id=str(receipt_id), reason=payload.reason)
    return receipt_out(voided, actor.officer)


@router.get("/fees", response={200: list[FeeOut], **ERRORS}, summary="The fee schedule in force")
def fees(request: HttpRequest, on: date | None = None) -> list[dict[str, Any]]:
    """Reference data for the officers who issue or check receipts."""
    schedule = selectors.fees_list(actor=actor_of(request), on_day=on or selectors.today())
    return [
        {
            "code": f.code,
            "kind": f.kind,
            "name_en": f.name_en,
            "name_ar": f.name_ar,
            "amount": f.amount,
            "currency": f.currency,
            "unit": f.unit,
            "valid_from": f.valid_from,
            "valid_until": f.valid_until,
            "legal_basis": f.legal_basis,
        }
        for f in schedule
    ]
