"""Request and response shapes of the revenue API (they generate its OpenAPI document).

The shapes check types and sizes; the services check meaning (a known model code, a fee in
force, a status that may follow the last) and name the field of each problem."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema
from pydantic import AwareDatetime

DeclarationStatus = Literal["registered", "assessed", "paid", "released", "cancelled"]
ReceiptKind = Literal["visa_on_arrival", "residence_fine", "vehicle_fee", "customs_duty", "other"]
CurrencyCode = Literal["IQD", "USD"]


class VehicleRef(Schema):
    registration_country: str = Field(pattern=r"^[A-Z]{3}$", examples=["KWT"])
    plate: str = Field(min_length=1, max_length=20, pattern=r"^[A-Z0-9\- ]+$")


class DeclarationIn(Schema):
    crossing_point: str = Field(max_length=40, examples=["umm-qasr-north"])
    office_code: str = Field(max_length=10, examples=["BSRUQN"])
    reference: str = Field(
        max_length=30, examples=["2026 C 1234"], description="Year, serial letter, number"
    )
    model_code: str = Field(max_length=4, examples=["IM4"], description="ASYCUDA model")
    declarant_name: str = Field(max_length=200, description="The declarant company")
    declarant_code: str = Field(max_length=20, description="The trader's id in ASYCUDA")
    registered_at: AwareDatetime
    status: DeclarationStatus
    declared_value_iqd: Decimal = Field(ge=0, max_digits=16, decimal_places=0)
    duties_assessed_iqd: Decimal | None = Field(None, ge=0, max_digits=16, decimal_places=0)
    vehicle: VehicleRef | None = None


class DeclarationOut(Schema):
    id: uuid.UUID
    crossing_point: str
    office_code: str
    reference: str
    model_code: str
    flow: str
    declarant_name: str
    declarant_code: str
    registered_at: datetime
    status: str
    declared_value_iqd: Decimal
    duties_assessed_iqd: Decimal | None
    vehicle: str | None
    updated_at: datetime


class DeclarationRecordedOut(Schema):
    outcome: Literal["created", "updated", "unchanged"]
    changed: list[str]
    declaration: DeclarationOut


class ReceiptIn(Schema):
    client_id: uuid.UUID = Field(
        description="Chosen by the client; a retry with the same id never issues twice"
    )
    crossing_point: str = Field(max_length=40, examples=["umm-qasr-north"])
    kind: ReceiptKind
    payer_name: str = Field(max_length=200)
    payer_document: str = Field("", max_length=30)
    fee_code: str = Field("", max_length=40, description="For scheduled fees: the fee charged")
    days: int | None = Field(None, ge=1, le=36500, description="For a fee charged per day")
    amount: Decimal | None = Field(
        None, gt=0, max_digits=14, decimal_places=2, description="Stated, or checked if scheduled"
    )
    currency: CurrencyCode | None = None
    traveller_id: uuid.UUID | None = None
    declaration_id: uuid.UUID | None = None
    note: str = Field("", max_length=500)


class ReceiptOut(Schema):
    id: uuid.UUID
    client_id: uuid.UUID
    number: str
    crossing_point: str
    kind: str
    fee_code: str | None
    quantity: int
    amount: Decimal
    currency: str
    payer_name: str
    payer_document: str = Field(description="Masked for roles that do not see documents")
    traveller_id: uuid.UUID | None
    declaration_id: uuid.UUID | None
    note: str
    issued_by: str
    issued_at: datetime
    voided: bool
    voided_at: datetime | None
    voided_by: str | None
    void_reason: str


class IssuedOut(Schema):
    replayed: bool
    receipt: ReceiptOut


class TotalOut(Schema):
    kind: str
    currency: str
    count: int
    amount: Decimal


class ReceiptListOut(Schema):
    receipts: list[ReceiptOut]
    totals: list[TotalOut]
    voided: int
    more: bool


class VoidIn(Schema):
    reason: str = Field(max_length=1000)


class DeclarationDetailOut(DeclarationOut):
    receipts: list[ReceiptOut]
    duties_received_iqd: Decimal


class FeeOut(Schema):
    code: str
    kind: str
    name_en: str
    name_ar: str
    amount: Decimal
    currency: str
    unit: str
    valid_from: date
    valid_until: date | None
    legal_basis: str
