"""Reads in revenue. What an officer asks for takes the actor, goes through `access` and, when it
shows who paid (payers are personal data), is audited. The look-ups at the end are building
blocks for the services, which check access themselves.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from hudud.agencies.mandates import can
from hudud.agencies.models import Officer
from hudud.audit.services import audit_record
from hudud.border.models import Crossing, CrossingPoint, Traveller, Vehicle
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.revenue import access
from hudud.revenue.auditing import audit_receipt
from hudud.revenue.models import Declaration, Fee, Receipt

LIST_LIMIT = 200
RECENT_DECLARATIONS = 20
CENTS = Decimal("0.01")
# What a receipt's presentation reads beside it (port, fee, the officers' names).
RECEIPT_RELATED = ("crossing_point", "fee", "issued_by__user", "voided_by__user")


# --- declarations ----------------------------------------------------------------------------


def declarations_list(
    *,
    actor: Actor,
    crossing_point_code: str = "",
    status: str = "",
    day: date | None = None,
    limit: int = LIST_LIMIT,
) -> list[Declaration]:
    """Declarations at the ports `actor` may read, newest first. Declarants are companies:
    a list is not audited (its receipts, with payers, are)."""
    rows = access.declarations_visible(actor.officer)
    if crossing_point_code:
        point = access.crossing_point_for_reading(officer=actor.officer, code=crossing_point_code)
        rows = rows.filter(crossing_point=point)
    if status:
        if status not in Declaration.Status.values:
            raise ServiceError.one("invalid_value", "status", f"one of {Declaration.Status.values}")
        rows = rows.filter(status=status)
    if day is not None:
        rows = rows.filter(registered_at__date=day)
    return list(rows.select_related("crossing_point").order_by("-registered_at")[:limit])


@dataclass(frozen=True)
class DeclarationDetail:
    declaration: Declaration
    receipts: list[Receipt]
    duties_received_iqd: Decimal


def declaration_detail(*, actor: Actor, declaration_id: str) -> DeclarationDetail:
    """One declaration with the receipts that name it (audited: they show who paid)."""
    declaration = access.declaration_for_read(officer=actor.officer, declaration_id=declaration_id)
    receipts = list(
        declaration.receipts.select_related(*RECEIPT_RELATED).order_by("issued_at", "sequence")
    )
    received = sum(
        (r.amount for r in receipts if not r.voided and r.kind == Receipt.Kind.CUSTOMS_DUTY),
        Decimal(0),
    )
    audit_record(
        actor=actor,
        action="declaration.read",
        object_type="declaration",
        object_id=str(declaration.pk),
        crossing_point_code=declaration.crossing_point.code,
        details={"receipts": [r.number for r in receipts]},
    )
    return DeclarationDetail(declaration, receipts, received)


# --- receipts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptQuery:
    crossing_point_code: str = ""
    day: date | None = None  # in Baghdad time
    kind: str = ""
    currency: str = ""
    include_void: bool = True

    def as_details(self) -> dict[str, Any]:
        return {
            "crossing_point": self.crossing_point_code,
            "day": self.day.isoformat() if self.day else "",
            "kind": self.kind,
            "currency": self.currency,
        }


@dataclass(frozen=True)
class Total:
    kind: str
    currency: str
    count: int
    amount: Decimal


@dataclass
class ReceiptList:
    receipts: list[Receipt]
    totals: list[Total] = field(default_factory=list)  # valid receipts, per kind and currency
    voided: int = 0
    more: bool = False  # more receipts match than the list shows


def _filtered(actor: Actor, query: ReceiptQuery) -> QuerySet[Receipt]:
    rows = access.receipts_visible(actor.officer)
    if query.crossing_point_code:
        point = access.crossing_point_for_reading(
            officer=actor.officer, code=query.crossing_point_code
        )
        rows = rows.filter(crossing_point=point)
    if query.kind:
        if query.kind not in Receipt.Kind.values:
            raise ServiceError.one("invalid_value", "kind", f"one of {Receipt.Kind.values}")
        rows = rows.filter(kind=query.kind)
    if query.currency:
        rows = rows.filter(currency=query.currency)
    if query.day is not None:
        rows = rows.filter(issued_at__date=query.day)
    if not query.include_void:
        rows = rows.filter(voided_at__isnull=True)
    return rows


def receipts_list(*, actor: Actor, query: ReceiptQuery, limit: int = LIST_LIMIT) -> ReceiptList:
    """Receipts at the ports `actor` may read, newest first, with the totals per kind and
    currency of the valid ones (one grouped query). Audited: the list shows who paid."""
    rows = _filtered(actor, query)
    shown = list(
        rows.select_related(*RECEIPT_RELATED).order_by("-issued_at", "-sequence")[: limit + 1]
    )
    grouped = (
        rows.values("kind", "currency")
        .annotate(
            count=Count("pk", filter=Q(voided_at__isnull=True)),
            amount=Sum("amount", filter=Q(voided_at__isnull=True)),
            void_count=Count("pk", filter=Q(voided_at__isnull=False)),
        )
        .order_by("kind", "currency")
    )
    totals, voided = [], 0
    for g in grouped:
        voided += g["void_count"]
        if g["count"]:
            # SQLite's sums come back without the column's scale; PostgreSQL's with it.
            amount = Decimal(g["amount"]).quantize(CENTS)
            totals.append(Total(g["kind"], g["currency"], g["count"], amount))
    result = ReceiptList(shown[:limit], totals, voided, more=len(shown) > limit)
    audit_record(
        actor=actor,
        action="receipts.list",
        object_type="receipt_list",
        object_id=query.crossing_point_code or "*",
        crossing_point_code=query.crossing_point_code,
        details={**query.as_details(), "receipts": [r.number for r in result.receipts]},
    )
    return result


def receipt_detail(*, actor: Actor, receipt_id: str) -> Receipt:
    """One receipt (audited, on the traveller's trail too when it names one)."""
    receipt = access.receipt_for_read(officer=actor.officer, receipt_id=receipt_id)
    audit_receipt(actor, receipt, "receipt.read", details={"number": receipt.number})
    return receipt


# --- the workspace ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Workspace:
    points: list[CrossingPoint]
    point: CrossingPoint | None
    day: date
    receipts: ReceiptList | None
    declarations: list[Declaration]
    may_issue: bool


def workspace(*, actor: Actor, crossing_point_code: str, day: date, kind: str = "") -> Workspace:
    """A port's day: its receipts with totals, and its recent declarations. The port is the
    one asked for, else the officer's first posting (an auditor picks one)."""
    points = list(access.points_readable(actor.officer).order_by("name_en"))
    if crossing_point_code:
        point: CrossingPoint | None = access.crossing_point_for_reading(
            officer=actor.officer, code=crossing_point_code
        )
    else:
        point = points[0] if points and not access.reads_everywhere(actor.officer) else None
    if point is None:
        return Workspace(points, None, day, None, [], False)
    query = ReceiptQuery(crossing_point_code=point.code, day=day, kind=kind)
    receipts = receipts_list(actor=actor, query=query)
    recent = declarations_list(
        actor=actor, crossing_point_code=point.code, limit=RECENT_DECLARATIONS
    )
    may_issue = access.may_issue_at(actor.officer, point)
    return Workspace(points, point, day, receipts, recent, may_issue)


# --- reference data and building blocks ------------------------------------------------------


def fees_in_force(*, on_day: date, kind: str = "") -> list[Fee]:
    """The fee schedule on a day (reference data, no personal data)."""
    rows = Fee.objects.filter(valid_from__lte=on_day).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=on_day)
    )
    return list(rows.filter(kind=kind) if kind else rows)


def fees_list(*, actor: Actor, on_day: date) -> list[Fee]:
    access.ensure_can_read(actor.officer)
    return fees_in_force(on_day=on_day)


def fee_in_force(*, code: str, on_day: date) -> Fee | None:
    return next((f for f in fees_in_force(on_day=on_day) if f.code == code), None)


@dataclass(frozen=True)
class FineDue:
    """A residence fine as the fee schedule prices it: `days` × `per_day` = `amount`."""

    days: int
    per_day: Decimal
    amount: Decimal
    currency: str
    fee_code: str
    name_en: str
    name_ar: str
    legal_basis: str


def fine_due(*, overstay_days: int, on_day: date) -> FineDue | None:
    """The residence fine for an overstay of `overstay_days`, by the schedule in force on
    `on_day`; None without an overstay or without a residence fine per day in the schedule
    (nothing is guessed). Advice for the officer: nothing is charged or recorded.

    >>> fine_due(overstay_days=12, on_day=date(2026, 11, 22)).amount  # doctest: +SKIP
    Decimal('300000.00')
    """
    if overstay_days < 1:
        return None
    fees = [
        f
        for f in fees_in_force(on_day=on_day, kind=Receipt.Kind.RESIDENCE_FINE)
        if f.unit == Fee.Unit.PER_DAY
    ]
    if not fees:
        return None
    # Overlapping rows: the one that came into force last is the schedule's current word.
    fee = max(fees, key=lambda f: (f.valid_from, f.code))
    return FineDue(
        days=overstay_days,
        per_day=fee.amount,
        amount=fee.amount * overstay_days,
        currency=fee.currency,
        fee_code=fee.code,
        name_en=fee.name_en,
        name_ar=fee.name_ar,
        legal_basis=fee.legal_basis,
    )


def traveller_fine_receipts(*, officer: Officer, traveller_id: uuid.UUID) -> list[str]:
    """The numbers of the valid residence-fine receipts naming a traveller, at the ports
    `officer` may read receipts of; none for a role that may not read receipts at all. Numbers
    only: who paid is not shown, so the caller's own audit event covers the read."""
    if not can(officer, "declaration.read"):
        return []
    rows = access.receipts_visible(officer).filter(
        traveller_id=traveller_id, kind=Receipt.Kind.RESIDENCE_FINE, voided_at__isnull=True
    )
    return list(rows.order_by("issued_at", "sequence").values_list("number", flat=True))


def traveller_exists(traveller_id: uuid.UUID) -> bool:
    return Traveller.objects.filter(pk=traveller_id).exists()


def traveller_overstay_days(*, traveller_id: uuid.UUID, today: date) -> int:
    """The days a traveller overstayed, from the border's stay facts (decision 0005): while
    inside, the days since their last allowed day; after leaving, what their last exit
    recorded."""
    traveller = Traveller.objects.filter(pk=traveller_id).first()
    if traveller is None:
        return 0
    last = traveller.stay_last_allowed_day
    if traveller.is_present and last is not None and last < today:
        return (today - last).days
    exit_crossing = (
        Crossing.objects.filter(traveller=traveller, kind=Crossing.Kind.EXIT)
        .order_by("-occurred_at")
        .first()
    )
    return exit_crossing.overstay_days if exit_crossing else 0


def vehicle_id_find(vehicle: tuple[str, str]) -> int:
    """A vehicle the border has seen, by registration country and plate."""
    country, plate = vehicle
    found = Vehicle.objects.filter(registration_country=country, plate=plate).first()
    if found is None:
        raise ServiceError.one("not_found", "vehicle", f"no vehicle {country} {plate} on record")
    return found.pk


def today() -> date:
    return timezone.localdate()
