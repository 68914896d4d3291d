"""State changes in revenue, one function each: they check access, own their transaction and
write their audit event in it.

- `declaration_record`: a declaration's reference and state, as ASYCUDA has it (idempotent on
  the office and reference: the same content again changes nothing).
- `receipt_issue`: a numbered receipt (idempotent on the client's id, decision 0010).
- `receipt_void`: a receipt taken back, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.common.actor import Actor
from hudud.common.errors import Problem, ServiceError
from hudud.revenue import access, selectors
from hudud.revenue.auditing import audit_receipt
from hudud.revenue.models import Declaration, Receipt
from hudud.revenue.numbering import number_take
from hudud.revenue.pricing import Priced, ReceiptRequest, duty_recheck, price
from hudud.revenue.validation import (
    OFFICE_CODE,
    TRADER_CODE,
    amount_problems,
    flow_of,
    parse_reference,
    text_problem,
    transition_allowed,
)

__all__ = [
    "DeclarationSpec",
    "IssuedReceipt",
    "ReceiptRequest",
    "RecordedDeclaration",
    "declaration_record",
    "receipt_issue",
    "receipt_void",
]

# A client's clock may run a little ahead of the server's; more than this is a wrong time.
_CLOCK_SKEW = timedelta(minutes=5)

# --- declarations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DeclarationSpec:
    crossing_point_code: str
    office_code: str
    reference: str  # "2026 C 1234"
    model_code: str
    declarant_name: str
    declarant_code: str
    registered_at: datetime
    status: str
    declared_value_iqd: Decimal
    duties_assessed_iqd: Decimal | None = None
    vehicle: tuple[str, str] | None = None  # registration country, plate


@dataclass(frozen=True)
class RecordedDeclaration:
    declaration: Declaration
    outcome: str  # "created", "updated" or "unchanged"
    changed: tuple[str, ...] = ()


_COMPARED = (
    "model_code",
    "flow",
    "declarant_name",
    "declarant_code",
    "registered_at",
    "status",
    "declared_value_iqd",
    "duties_assessed_iqd",
    "vehicle_id",
)


def _declaration_problems(spec: DeclarationSpec) -> list[Problem]:
    problems: list[Problem] = []
    if not OFFICE_CODE.match(spec.office_code):
        problems.append(Problem("invalid_value", "office_code", "3 to 10 letters or digits"))
    reference = parse_reference(spec.reference)
    if reference is None:
        problems.append(
            Problem("invalid_value", "reference", "year, serial letter and number: 2026 C 1234")
        )
    elif reference.year != timezone.localtime(spec.registered_at).year:
        problems.append(
            Problem("invalid_value", "reference", "the year is not the year of registered_at")
        )
    if flow_of(spec.model_code) is None:
        problems.append(
            Problem("invalid_value", "model_code", "an ASYCUDA model: IM4-IM9, EX1-EX9, T1, T2")
        )
    name = text_problem("declarant_name", spec.declarant_name, max_length=200, required=True)
    problems += [name] if name else []
    if not TRADER_CODE.match(spec.declarant_code):
        problems.append(
            Problem("invalid_value", "declarant_code", "the trader's id: 3 to 20 letters, digits")
        )
    if spec.registered_at > timezone.now() + _CLOCK_SKEW:
        problems.append(Problem("in_future", "registered_at", "registered in the future"))
    if spec.status not in Declaration.Status.values:
        problems.append(Problem("invalid_value", "status", f"one of {Declaration.Status.values}"))
    problems += _declaration_amount_problems(spec)
    return problems


def _declaration_amount_problems(spec: DeclarationSpec) -> list[Problem]:
    problems: list[Problem] = []
    if spec.declared_value_iqd != 0:
        problems += amount_problems("declared_value_iqd", spec.declared_value_iqd, "IQD")
    duties = spec.duties_assessed_iqd
    if duties is None and spec.status in ("assessed", "paid", "released"):
        problems.append(
            Problem("missing_field", "duties_assessed_iqd", f"required once {spec.status}")
        )
    elif duties is not None and duties != 0:
        problems += amount_problems("duties_assessed_iqd", duties, "IQD")
    return problems


def declaration_record(*, actor: Actor, spec: DeclarationSpec) -> RecordedDeclaration:
    """Record a declaration's reference, or bring it up to date. Idempotent on the office and
    reference: the same content again records nothing; changed content is an audited update,
    if its status may move that way."""
    point = access.crossing_point_for_work(
        officer=actor.officer, code=spec.crossing_point_code, capability="declaration.record"
    )
    problems = _declaration_problems(spec)
    if problems:
        raise ServiceError(problems)
    vehicle_id = selectors.vehicle_id_find(spec.vehicle) if spec.vehicle else None
    reference = parse_reference(spec.reference)
    assert reference is not None  # checked above
    fields: dict[str, Any] = {
        "model_code": spec.model_code,
        "flow": flow_of(spec.model_code),
        "declarant_name": spec.declarant_name,
        "declarant_code": spec.declarant_code,
        "registered_at": spec.registered_at,
        "status": spec.status,
        "declared_value_iqd": spec.declared_value_iqd,
        "duties_assessed_iqd": spec.duties_assessed_iqd,
        "vehicle_id": vehicle_id,
    }
    key = {
        "office_code": spec.office_code,
        "registration_year": reference.year,
        "registration_series": reference.series,
        "registration_number": reference.number,
    }
    # Two deliveries of a new declaration may race: the loser finds the winner's row.
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return _declaration_store(actor, point, key, fields)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _declaration_store(
    actor: Actor, point: Any, key: dict[str, Any], fields: dict[str, Any]
) -> RecordedDeclaration:
    existing = Declaration.objects.select_for_update().filter(**key).first()
    if existing is None:
        with transaction.atomic():
            created = Declaration.objects.create(
                crossing_point=point, recorded_by=actor.officer, **key, **fields
            )
        _audit_declaration(actor, created, "declaration.record", {})
        return RecordedDeclaration(created, "created")
    if existing.crossing_point_id != point.pk:
        raise ServiceError.one(
            "reference_conflict",
            "crossing_point",
            "this office and reference belong to a declaration at another crossing point",
            status=409,
        )
    changed = {name: value for name, value in fields.items() if getattr(existing, name) != value}
    if not changed:
        return RecordedDeclaration(existing, "unchanged")
    if not transition_allowed(existing.status, fields["status"]):
        raise ServiceError.one(
            "invalid_transition",
            "status",
            f"a {existing.status} declaration cannot become {fields['status']}",
            status=409,
        )
    before = {name: _plain(getattr(existing, name)) for name in changed}
    for name, value in changed.items():
        setattr(existing, name, value)
    existing.save(update_fields=[*changed, "updated_at"])
    _audit_declaration(actor, existing, "declaration.update", before)
    return RecordedDeclaration(existing, "updated", tuple(sorted(changed)))


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _audit_declaration(
    actor: Actor, declaration: Declaration, action: str, before: dict[str, Any]
) -> None:
    details: dict[str, Any] = {
        "office_code": declaration.office_code,
        "reference": declaration.reference,
        "model_code": declaration.model_code,
        "status": declaration.status,
        "declarant_code": declaration.declarant_code,
    }
    if before:
        details["before"] = {k: str(v) if isinstance(v, Decimal) else v for k, v in before.items()}
    audit_record(
        actor=actor,
        action=action,
        object_type="declaration",
        object_id=str(declaration.pk),
        crossing_point_code=declaration.crossing_point.code,
        details=details,
    )


# --- receipts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedReceipt:
    receipt: Receipt
    replayed: bool


def _replay(actor: Actor, request: ReceiptRequest) -> IssuedReceipt | None:
    existing = (
        Receipt.objects.select_related("crossing_point", "declaration")
        .filter(client_id=request.client_id)
        .first()
    )
    if existing is None:
        return None
    same = (
        existing.kind == request.kind
        and existing.crossing_point.code == request.crossing_point_code
        and existing.payer_name == request.payer_name.strip()
        and (request.amount is None or existing.amount == request.amount)
        and (request.currency is None or existing.currency == request.currency)
    )
    if not same:
        raise ServiceError.one(
            "client_id_conflict",
            "client_id",
            "this client_id was already used for a different receipt",
            status=409,
        )
    if existing.issued_by_id != actor.officer.pk:
        raise ServiceError.one(
            "client_id_conflict", "client_id", "this client_id belongs to another officer", 409
        )
    return IssuedReceipt(existing, replayed=True)


def receipt_issue(
    *, actor: Actor, request: ReceiptRequest, issued_at: datetime | None = None
) -> IssuedReceipt:
    """Issue a receipt with the next number of the crossing point's book. Idempotent on
    `request.client_id`: a retry answers with the receipt already issued.

    `issued_at` is for receipts written on paper while the system was unreachable and
    entered afterwards (and for the demo); by default the receipt is issued now."""
    replay = _replay(actor, request)
    if replay is not None:
        return replay
    point = access.crossing_point_for_work(
        officer=actor.officer, code=request.crossing_point_code, capability="receipt.issue"
    )
    moment = issued_at or timezone.now()
    if moment > timezone.now() + _CLOCK_SKEW:
        raise ServiceError.one("in_future", "issued_at", "a receipt cannot be issued ahead of time")
    priced = price(request=request, point=point, on_day=timezone.localdate(moment))
    # Two deliveries of one request may race past the look-up above: the unique client id
    # stops the second, whose transaction rolls back (giving its number back), and it
    # answers with the first's receipt.
    try:
        with transaction.atomic():
            return IssuedReceipt(_issue(actor, request, point, priced, moment), replayed=False)
    except IntegrityError:
        replay = _replay(actor, request)
        if replay is None:
            raise
        return replay


def _issue(
    actor: Actor, request: ReceiptRequest, point: Any, priced: Priced, moment: datetime
) -> Receipt:
    if request.kind == Receipt.Kind.CUSTOMS_DUTY and priced.declaration is not None:
        duty_recheck(declaration=priced.declaration, amount=priced.amount)
    taken = number_take(point=point, year=timezone.localtime(moment).year)
    receipt = Receipt.objects.create(
        client_id=request.client_id,
        number=taken.number,
        book=taken.book,
        year=taken.year,
        sequence=taken.sequence,
        crossing_point=point,
        kind=request.kind,
        fee=priced.fee,
        quantity=priced.quantity,
        amount=priced.amount,
        currency=priced.currency,
        payer_name=request.payer_name.strip(),
        payer_document=priced.payer_document,
        traveller_id=priced.traveller_id,
        declaration=priced.declaration,
        note=request.note.strip(),
        issued_by=actor.officer,
        issued_at=moment,
    )
    details = {
        "number": receipt.number,
        "kind": receipt.kind,
        "amount": str(receipt.amount),
        "currency": receipt.currency,
        "fee": priced.fee.code if priced.fee else "",
        "quantity": receipt.quantity,
        "client_id": str(request.client_id),
    }
    audit_receipt(actor, receipt, "receipt.issue", details=details)
    return receipt


def receipt_void(*, actor: Actor, receipt_id: str, reason: str) -> Receipt:
    """Void a receipt: it stays, with its number, marked void with who, when and why."""
    reason = reason.strip()
    problem = text_problem("reason", reason, max_length=1000, required=True)
    if problem is not None:
        raise ServiceError([problem])
    with transaction.atomic():
        receipt = access.receipt_for_void(officer=actor.officer, receipt_id=receipt_id)
        if receipt.voided:
            raise ServiceError.one(
                "already_voided", "receipt_id", f"{receipt.number} was voided already", 409
            )
        receipt.voided_at = timezone.now()
        receipt.voided_by = actor.officer
        receipt.void_reason = reason
        receipt.save(update_fields=["voided_at", "voided_by", "void_reason"])
        details = {"number": receipt.number, "amount": str(receipt.amount)}
        audit_receipt(actor, receipt, "receipt.void", details=details, reason=reason)
    return receipt
