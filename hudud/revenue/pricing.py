"""What a receipt charges, and for what: the fee schedule, the days of an overstay, the
customs duty still due on a declaration. Checked before a number is taken.

- Visa on arrival, residence fines and vehicle fees are charged from the fee schedule
  (`Fee`, reference data): the amount is the fee's, times the days for a fee per day. A
  residence fine for a traveller counts the days of their overstay from the border's stay
  facts when no days are given.
- Customs duties are ASYCUDA's: the receipt names the assessed declaration and takes at most
  what is still due on it.
- Anything else states its amount and what it is for.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from hudud.border.models import CrossingPoint
from hudud.common.errors import Problem, ServiceError
from hudud.revenue import selectors
from hudud.revenue.models import Currency, Declaration, Fee, Receipt
from hudud.revenue.validation import DOCUMENT_NUMBER, amount_problems, text_problem

SCHEDULED = frozenset(
    {Receipt.Kind.VISA_ON_ARRIVAL, Receipt.Kind.RESIDENCE_FINE, Receipt.Kind.VEHICLE_FEE}
)


@dataclass(frozen=True)
class ReceiptRequest:
    client_id: uuid.UUID
    crossing_point_code: str
    kind: str
    payer_name: str
    fee_code: str = ""
    days: int | None = None  # for a fee charged per day (a residence fine)
    amount: Decimal | None = None
    currency: str | None = None
    payer_document: str = ""
    traveller_id: uuid.UUID | None = None
    declaration_id: uuid.UUID | None = None
    note: str = ""


@dataclass(frozen=True)
class Priced:
    amount: Decimal
    currency: str
    fee: Fee | None
    quantity: int
    payer_document: str
    traveller_id: uuid.UUID | None
    declaration: Declaration | None


def price(*, request: ReceiptRequest, point: CrossingPoint, on_day: date) -> Priced:
    """The receipt's amount, currency and links, or a ServiceError naming every problem."""
    problems = _payer_problems(request)
    if request.kind not in Receipt.Kind.values:
        problems.append(Problem("invalid_value", "kind", f"one of {Receipt.Kind.values}"))
        raise ServiceError(problems)
    if request.traveller_id and not selectors.traveller_exists(request.traveller_id):
        problems.append(Problem("not_found", "traveller_id", "no such traveller"))
    declaration = _declaration(request, point, problems)
    if request.kind in SCHEDULED:
        priced = _scheduled(request, on_day, problems)
    else:
        priced = _stated(request, declaration, problems)
    if problems or priced is None:
        raise ServiceError(problems)
    amount, currency, fee, quantity = priced
    return Priced(
        amount=amount,
        currency=currency,
        fee=fee,
        quantity=quantity,
        payer_document=request.payer_document.strip().upper().replace(" ", ""),
        traveller_id=request.traveller_id,
        declaration=declaration,
    )


def _payer_problems(request: ReceiptRequest) -> list[Problem]:
    problems = [
        p
        for p in (
            text_problem("payer_name", request.payer_name.strip(), max_length=200, required=True),
            text_problem("note", request.note.strip(), max_length=500, required=False),
        )
        if p is not None
    ]
    document = request.payer_document.strip().upper().replace(" ", "")
    if document and not DOCUMENT_NUMBER.match(document):
        problems.append(Problem("invalid_value", "payer_document", "letters and digits, up to 30"))
    return problems


def _declaration(
    request: ReceiptRequest, point: CrossingPoint, problems: list[Problem]
) -> Declaration | None:
    if request.declaration_id is None:
        if request.kind == Receipt.Kind.CUSTOMS_DUTY:
            problems.append(
                Problem("missing_field", "declaration_id", "a customs duty names its declaration")
            )
        return None
    found = Declaration.objects.filter(pk=request.declaration_id, crossing_point=point).first()
    if found is None:
        problems.append(
            Problem("not_found", "declaration_id", f"no such declaration at {point.name_en}")
        )
    return found


Charge = tuple[Decimal, str, Fee | None, int]


def _scheduled(request: ReceiptRequest, on_day: date, problems: list[Problem]) -> Charge | None:
    if not request.fee_code:
        problems.append(Problem("missing_field", "fee_code", "charged by the fee schedule"))
        return None
    fee = selectors.fee_in_force(code=request.fee_code, on_day=on_day)
    if fee is None:
        problems.append(Problem("not_found", "fee_code", f"no fee {request.fee_code!r} in force"))
        return None
    if fee.kind != request.kind:
        problems.append(Problem("invalid_value", "fee_code", f"a {fee.kind} fee"))
        return None
    if request.currency and request.currency != fee.currency:
        problems.append(Problem("invalid_value", "currency", f"this fee is paid in {fee.currency}"))
    quantity = _quantity(request, fee, on_day, problems)
    if quantity is None:
        return None
    amount = fee.amount * quantity
    if request.amount is not None and request.amount != amount:
        problems.append(
            Problem("amount_mismatch", "amount", f"the schedule says {amount} {fee.currency}")
        )
    problems += amount_problems("amount", amount, fee.currency)
    return amount, fee.currency, fee, quantity


def _quantity(
    request: ReceiptRequest, fee: Fee, on_day: date, problems: list[Problem]
) -> int | None:
    if fee.unit == Fee.Unit.FLAT:
        if request.days not in (None, 1):
            problems.append(Problem("invalid_value", "days", "this fee is not charged per day"))
            return None
        return 1
    days = request.days
    if days is None and request.traveller_id:
        days = selectors.traveller_overstay_days(traveller_id=request.traveller_id, today=on_day)
    if not days or days < 1:
        message = "no overstay on record for this traveller: give the days"
        if not request.traveller_id:
            message = "give the days charged, or the traveller whose overstay it is"
        problems.append(Problem("missing_field", "days", message))
        return None
    return days


def _stated(
    request: ReceiptRequest, declaration: Declaration | None, problems: list[Problem]
) -> Charge | None:
    if request.fee_code:
        problems.append(Problem("invalid_value", "fee_code", "only scheduled fees name a fee"))
    if request.days not in (None, 1):
        problems.append(Problem("invalid_value", "days", "only a fee per day counts days"))
    if request.kind == Receipt.Kind.OTHER and not request.note.strip():
        problems.append(Problem("missing_field", "note", "say what the payment is for"))
    currency = request.currency
    if currency not in Currency.values:
        problems.append(Problem("missing_field", "currency", "IQD or USD"))
    if request.amount is None:
        problems.append(Problem("missing_field", "amount", "state the amount taken"))
    if request.amount is None or currency is None or currency not in Currency.values:
        return None
    problems += amount_problems("amount", request.amount, currency)
    if request.kind == Receipt.Kind.CUSTOMS_DUTY and declaration is not None:
        problems += _duty_problems(request.amount, currency, declaration)
    return request.amount, currency, None, 1


def _duty_problems(amount: Decimal, currency: str, declaration: Declaration) -> list[Problem]:
    if currency != Currency.IQD:
        return [Problem("invalid_value", "currency", "customs duties are paid in dinars")]
    if declaration.status != Declaration.Status.ASSESSED:
        return [
            Problem(
                "invalid_state",
                "declaration_id",
                f"the declaration is {declaration.status}; duties are taken once assessed",
            )
        ]
    taken = declaration.receipts.filter(voided_at__isnull=True).aggregate(total=Sum("amount"))
    due = (declaration.duties_assessed_iqd or Decimal(0)) - (taken["total"] or Decimal(0))
    if amount > due:
        return [Problem("exceeds_due", "amount", f"only {due} IQD is still due")]
    return []


def duty_recheck(*, declaration: Declaration, amount: Decimal) -> None:
    """Inside the issuing transaction: lock the declaration and check again what is due, so
    two cashiers cannot both take the last of a duty."""
    locked = Declaration.objects.select_for_update().get(pk=declaration.pk)
    problems = _duty_problems(amount, Currency.IQD, locked)
    if problems:
        raise ServiceError(problems)
