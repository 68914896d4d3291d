"""Request and response shapes of the border API (they generate its OpenAPI document)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema
from pydantic import AwareDatetime, model_validator


class DocumentIn(Schema):
    """Document fields typed by hand, for a document without a readable MRZ."""

    document_code: str = Field(pattern=r"^[A-Z][A-Z<]?$", examples=["P"])
    issuing_state: str = Field(pattern=r"^[A-Z<]{1,3}$", examples=["IRN"])
    number: str = Field(min_length=1, max_length=30, examples=["K12345678"])
    nationality: str = Field(pattern=r"^[A-Z<]{1,3}$", examples=["IRN"])
    surname: str = Field(min_length=1, max_length=120)
    given_names: str = Field("", max_length=120)
    birth_date: date | None = None
    sex: Literal["M", "F", "X"] = "X"
    expiry_date: date | None = None


class _PresentedDocument(Schema):
    mrz: str | None = Field(
        None,
        max_length=400,
        description="The MRZ as the reader sends it, lines separated by newlines",
    )
    document: DocumentIn | None = None

    @model_validator(mode="after")
    def _one_document(self) -> _PresentedDocument:
        if (self.mrz is None) == (self.document is None):
            raise ValueError("send exactly one of mrz or document")
        return self


class CheckIn(_PresentedDocument):
    crossing_point: str = Field(max_length=40, examples=["zurbatiya"])
    direction: Literal["entry", "exit"]
    officer: str | None = Field(
        None, description="Badge number; when given it must be the authenticated officer's"
    )
    at: AwareDatetime | None = Field(None, description="When the check happens (default: now)")


class VehicleIn(Schema):
    plate: str = Field(min_length=1, max_length=20, pattern=r"^[A-Z0-9\- ]+$")
    registration_country: str = Field(pattern=r"^[A-Z]{3}$", examples=["IRN"])
    kind: Literal["car", "bus", "truck", "other"] = "car"


class CrossingIn(_PresentedDocument):
    client_id: uuid.UUID = Field(
        description="Chosen by the client; a retry with the same id never records twice"
    )
    kind: Literal["entry", "exit", "refusal"]
    crossing_point: str = Field(max_length=40)
    lane: str | None = Field(None, max_length=20)
    officer: str | None = None
    occurred_at: AwareDatetime | None = None
    refusal_reasons: list[Literal["A", "B", "C", "D", "E", "F", "G", "H", "I"]] = Field(
        default_factory=list, max_length=9
    )
    name_ar: str = Field(
        "", max_length=200, description="The name in Arabic script, when the officer has it"
    )
    group_id: uuid.UUID | None = None
    vehicle: VehicleIn | None = None
    note: str = Field("", max_length=2000)


class GroupIn(Schema):
    crossing_point: str = Field(max_length=40)
    kind: Literal["pilgrim_bus", "tour", "delegation", "crew", "other"]
    reference: str = Field("", max_length=60)


class ProblemOut(Schema):
    code: str
    field: str
    message: str


class ErrorsOut(Schema):
    errors: list[ProblemOut]


class DocumentOut(Schema):
    source: str
    valid: bool
    format: str | None
    document_code: str
    issuing_state: str
    number: str
    nationality: str
    expiry_date: date | None
    expired: bool
    days_to_expiry: int | None
    warnings: list[ProblemOut]
    errors: list[ProblemOut]


class IdentityOut(Schema):
    traveller_id: uuid.UUID | None
    known: bool
    surname: str
    given_names: str
    name_ar: str
    birth_date: date | None
    birth_date_raw: str
    sex: str
    nationality: str


class CrossingOut(Schema):
    id: uuid.UUID
    client_id: uuid.UUID
    kind: str
    traveller_id: uuid.UUID
    crossing_point: str
    crossing_point_name: str
    lane: str | None
    occurred_at: AwareDatetime
    refusal_reasons: list[str]
    overstay_days: int
    group_id: uuid.UUID | None


class StayOut(Schema):
    policy: dict[str, object]
    unlimited: bool
    present: bool
    entry_date: date | None
    days_used: int
    last_allowed_day: date | None
    remaining_days: int | None
    overstay_days: int


class ReasonOut(Schema):
    code: str
    severity: str
    message: str
    suggests: str


class WatchlistHitOut(Schema):
    watchlist: str
    watchlist_name: str
    action: Literal["arrest", "refuse_entry", "inform_owner", "monitor"]
    score: float
    reason: str = Field(description="What fired: 'name' or 'document'")
    entry_id: int
    entry_name: str
    summary: str = Field(description="Which name parts aligned, how the other fields compared")
    alert_id: uuid.UUID | None = Field(description="The open alert; null when cleared")
    cleared: bool = Field(description="A clearance says this document is not this entry")
    clearance_id: int | None


class WatchlistOut(Schema):
    status: Literal["clear", "hit", "cleared", "not_screened"] = Field(
        description="hit: an alert is open, refer to secondary; cleared: every hit was "
        "suppressed by a clearance for this document"
    )
    hits: list[WatchlistHitOut]


class PreArrivalHitOut(Schema):
    watchlist_name: str
    action: str
    score: float
    denies: bool
    cleared: bool


class PreArrivalOut(Schema):
    """The traveller's record on an arriving flight's manifest, and its pre-screening."""

    status: Literal["not_applicable", "not_on_manifest", "on_manifest"] = Field(
        description="not_applicable away from airports or at exit; not_on_manifest when no "
        "flight arriving around now lists this document (or name and birth date)"
    )
    matched_by: Literal["document", "name_and_birth_date"] | None = None
    manifest_traveller_id: uuid.UUID | None = None
    flight_id: uuid.UUID | None = None
    flight: str | None = Field(None, description="Carrier flight number as sent, e.g. ZZ123")
    departure_airport: str | None = None
    scheduled_arrival: AwareDatetime | None = None
    board_status: Literal["ok", "do_not_board", "insufficient_data"] | None = Field(
        None, description="What the carrier was told before departure"
    )
    screening_status: str | None = Field(None, description="clear, hit or cleared")
    hits: list[PreArrivalHitOut] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list, description="Data-quality finding codes")


class FineDueOut(Schema):
    """The residence fine an overstay costs by the fee schedule in force on the check's day:
    advice for the officer (nothing is charged or recorded; the cue is unchanged)."""

    days: int = Field(description="The overstay days counted, as in stay.overstay_days")
    per_day: Decimal = Field(description="The schedule's amount per day, a decimal string")
    amount: Decimal = Field(description="days × per_day, a decimal string")
    currency: str
    fee_code: str = Field(description="The fee schedule's row (GET /api/v1/fees)")
    legal_basis: str


class CheckOut(Schema):
    checked_at: AwareDatetime
    crossing_point: str
    direction: str
    cue: Literal["green", "amber", "red"]
    reasons: list[ReasonOut]
    document: DocumentOut
    identity: IdentityOut
    stay: StayOut | None
    recent_crossings: list[CrossingOut]
    refusals: list[CrossingOut]
    watchlist: WatchlistOut
    pre_arrival: PreArrivalOut
    fine_due: FineDueOut | None = Field(
        None,
        description="Set when the traveller has overstayed and the fee schedule has a "
        "residence fine per day in force; null otherwise",
    )


class RecordOut(Schema):
    replayed: bool
    crossing: CrossingOut
    stay: StayOut | None


class GroupOut(Schema):
    id: uuid.UUID
    kind: str
    reference: str
    crossing_point: str


class CrossingPointOut(Schema):
    code: str
    name_en: str
    name_ar: str
    kind: str
    status: str
    neighbour_country: str
    neighbour_crossing: str
    governorate: str
    iata_code: str
    authority: str
    latitude: float
    longitude: float


class OverstayerOut(Schema):
    traveller_id: uuid.UUID
    surname: str
    given_names: str
    nationality: str
    entry_date: date | None
    last_allowed_day: date
    overstay_days: int
    still_present: bool
    exit_crossing_id: uuid.UUID | None
