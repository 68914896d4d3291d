"""Request and response shapes of the watchlist and alert API."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import AwareDatetime

FileFormat = Literal["un-xml", "csv"]


class WatchlistIn(Schema):
    code: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$", examples=["national-entry-ban"])
    name_en: str = Field(min_length=1, max_length=200)
    name_ar: str = Field(min_length=1, max_length=200)
    kind: Literal[
        "wanted_persons", "entry_ban", "lost_stolen_documents", "missing_children", "international"
    ]
    action: Literal["arrest", "refuse_entry", "inform_owner", "monitor"]
    legal_basis: str = Field(min_length=1, max_length=300)
    threshold: float = Field(gt=0, le=1, examples=[0.8])
    valid_from: date | None = None
    valid_until: date | None = None
    active: bool = True


class WatchlistSummaryOut(Schema):
    code: str
    name_en: str
    name_ar: str
    kind: str
    action: str
    owner: str
    owner_name: str
    legal_basis: str
    threshold: float
    valid_from: date | None
    valid_until: date | None
    active: bool
    entries_in_force: int


class ImportIn(Schema):
    """A list file sent as text in JSON (the upload route takes the file itself)."""

    format: FileFormat
    file_name: str = Field(min_length=1, max_length=255)
    content: str = Field(min_length=1, description="The file's text (UTF-8)")
    mapping: dict[str, Any] | None = Field(None, description="CSV column mapping (csv only)")


class ImportOut(Schema):
    import_run_id: int
    watchlist: str
    file_name: str
    sha256: str
    generated_on: str | None
    added: int
    changed: int
    removed: int
    unchanged: int
    revision: int | None
    warning_count: int
    warnings: list[dict[str, Any]]
    rejected: list[dict[str, Any]]


class NameIn(Schema):
    name: str = Field(min_length=1, max_length=300)
    script: Literal["latin", "arabic", "other"] | None = None
    kind: Literal["primary", "alias", "original_script"] | None = None
    quality: Literal["good", "low"] | None = None


class EntryDocumentIn(Schema):
    number: str = Field(min_length=1, max_length=40)
    issuing_state: str = Field("", max_length=3)
    kind: str = Field("", max_length=40)


class EntryIn(Schema):
    names: list[NameIn] = Field(default_factory=list, max_length=50)
    birth_dates: list[str] = Field(default_factory=list, max_length=20)
    nationalities: list[str] = Field(default_factory=list, max_length=10)
    sex: Literal["", "M", "F", "X"] = ""
    documents: list[EntryDocumentIn] = Field(default_factory=list, max_length=20)
    listed_on: date | None = None
    expires_on: date | None = None
    source_id: str = Field("", max_length=100)
    comments: str = Field("", max_length=4000)


class ReasonIn(Schema):
    reason: str = Field(min_length=1, max_length=4000)


class ClearanceIn(ReasonIn):
    expires_on: date | None = Field(None, description="Default: a year from today")


class DismissIn(ReasonIn):
    grant_clearance: bool = Field(
        False, description="Also clear this document for this entry, so it is not stopped again"
    )
    clearance_expires_on: date | None = Field(None, description="Default: a year from today")


class EntryOut(Schema):
    id: int
    watchlist: str
    source_id: str
    origin: str
    names: list[dict[str, Any]]
    birth_dates: list[str]
    nationalities: list[str]
    sex: str
    documents: list[dict[str, Any]]
    listed_on: date | None
    expires_on: date | None
    removed_at: AwareDatetime | None
    details: dict[str, Any]


class AlertSummaryOut(Schema):
    id: uuid.UUID
    status: str
    crossing_point: str
    raised_at: AwareDatetime
    last_seen_at: AwareDatetime
    times_seen: int
    score: float
    watchlist: str
    watchlist_name: str
    action: str
    entry_id: int
    entry_name: str
    subject: dict[str, Any]
    document_number: str
    document_issuing_state: str
    summary: str


class ListOut(Schema):
    code: str
    name_en: str
    name_ar: str
    kind: str
    action: str
    owner: str
    owner_name: str
    legal_basis: str
    threshold: float


class ClearanceOut(Schema):
    id: int
    entry_id: int
    watchlist: str
    document_number: str
    document_issuing_state: str
    traveller_id: uuid.UUID | None
    alert_id: uuid.UUID | None
    granted_by: str
    granted_at: AwareDatetime
    reason: str
    expires_on: date
    revoked_at: AwareDatetime | None
    revoke_reason: str


class AlertDetailOut(AlertSummaryOut):
    traveller_id: uuid.UUID | None
    entry: EntryOut
    list_details: ListOut
    explanation: dict[str, Any]
    raised_by: str
    decided_by: str | None
    decided_at: AwareDatetime | None
    decision_reason: str
    clearances: list[ClearanceOut]


class DismissOut(Schema):
    alert: AlertSummaryOut
    clearance: ClearanceOut | None


class NotificationOut(Schema):
    id: int
    agency: str
    watchlist: str
    created_at: AwareDatetime
    acknowledged_at: AwareDatetime | None
    alert: AlertSummaryOut
