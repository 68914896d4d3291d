"""Response shapes of the advance passenger information API (they generate its OpenAPI
document). Requests are raw EDIFACT, described in `api.py`."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import AwareDatetime

from hudud.border.schemas import ProblemOut

BoardStatus = Literal["ok", "do_not_board", "insufficient_data"]


class TravellerAnswerOut(Schema):
    message: str | None = Field(description="The UNH reference of the PAXLST message")
    list_type: str
    position: int
    surname: str
    given_names: str
    document_number: str
    references: dict[str, str] = Field(description="AVF and ABO as the carrier sent them")
    status: BoardStatus
    code: str = Field(description="ERC code of the iAPI response: 0Z, 1Z, 2Z")
    text: str


class FlightRefOut(Schema):
    id: uuid.UUID
    carrier: str
    number: str
    departure_date: date
    departure_airport: str
    arrival_airport: str
    crossing_point: str
    scheduled_arrival: AwareDatetime
    version: int


class SubmissionSummaryOut(Schema):
    id: uuid.UUID
    carrier: str
    channel: str
    file_name: str
    received_at: AwareDatetime
    reference: str
    sha256: str
    size: int
    status: Literal["accepted", "rejected"]
    flight: FlightRefOut | None
    processing_ms: int


class SubmissionOut(SubmissionSummaryOut):
    replayed: bool = Field(False, description="true when this answers a redelivery")
    errors: list[dict[str, Any]]
    warnings: list[dict[str, Any]]
    responses: list[TravellerAnswerOut]


class RejectedOut(Schema):
    errors: list[ProblemOut]
    submission_id: uuid.UUID


class ConflictOut(Schema):
    errors: list[ProblemOut]
    submission_id: uuid.UUID


class CountsOut(Schema):
    passengers_declared: int | None
    passengers_found: int
    crew_declared: int | None
    crew_found: int
    ok: int
    do_not_board: int
    insufficient_data: int
    hits: int
    problems: int
    arrived: int
    no_shows: int
    not_on_manifest: int


class FlightSummaryOut(Schema):
    flight: FlightRefOut
    status: Literal["expected", "landed", "closed"]
    passengers: int
    crew: int
    hits: int
    do_not_board: int
    insufficient_data: int
    problems: int


class HitOut(Schema):
    watchlist: str
    watchlist_name: str
    kind: str
    action: str
    denies: bool
    entry_id: int
    entry_name: str
    score: float
    reason: str
    summary: str
    cleared: bool
    clearance_id: int | None


class FindingOut(Schema):
    code: str
    field: str
    message: str


class ManifestTravellerOut(Schema):
    id: uuid.UUID
    list_type: str
    role: str
    surname: str
    given_names: str
    sex: str
    birth_date: date | None = Field(
        description="null when unknown, or when masked for the caller's role (birth_date_masked)"
    )
    birth_year: int | None = Field(description="The year of the birth date, for every role")
    birth_date_masked: bool = Field(
        description="true when the caller's role sees the birth year only (docs/api.md)"
    )
    nationality: str
    document_type: str
    document_number: str = Field(
        description="First two and last two characters only for roles that see it masked"
    )
    document_issuing_state: str
    document_expiry: date | None
    port_of_embarkation: str
    port_of_debarkation: str
    references: dict[str, str]
    board_status: BoardStatus
    board_reasons: list[dict[str, Any]]
    screening_status: str
    hits: list[HitOut]
    findings: list[FindingOut]
    removed: bool


class ArrivalOut(Schema):
    crossing_id: uuid.UUID
    kind: str
    occurred_at: AwareDatetime
    traveller_id: uuid.UUID
    surname: str
    given_names: str
    document_number: str
    document_issuing_state: str


class ChangeOut(Schema):
    version: int
    at: AwareDatetime
    kind: Literal["added", "removed", "changed"]
    traveller_id: uuid.UUID
    name: str
    fields: dict[str, list[Any]]
    submission_id: uuid.UUID


class BoardOut(Schema):
    flight: FlightRefOut
    status: Literal["expected", "landed", "closed"] = Field(
        description="expected before the scheduled arrival; landed during the grace period; "
        "closed after it, when no-shows are listed"
    )
    counts: CountsOut
    with_hits: list[ManifestTravellerOut]
    with_problems: list[ManifestTravellerOut]
    no_shows: list[ManifestTravellerOut]
    not_on_manifest: list[ArrivalOut]
    recent_changes: list[ChangeOut]
