"""Advance passenger information: carriers, what they send, and the flights it announces.

A carrier (an airline) sends each arriving flight's passenger and crew lists as PAXLST
interchanges, over the API or through its drop folder. Each interchange is kept as received
(`Submission.raw`, the bytes unchanged) beside its reading. The flight (carrier, number and
date) holds the current list: one row per traveller (`ManifestTraveller`), updated in place by
later messages, with every addition, removal and change recorded (`ManifestChange`). A list
split over several messages is tracked part by part (`ListPart`).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.db import models

from hudud.agencies.models import Officer
from hudud.border.models import CrossingPoint


class Carrier(models.Model):
    """An airline that sends passenger lists, with its one system account.

    The account is an officer with the role `carrier`, authenticated by API token: it sees only
    its own carrier's messages and the responses sent to them.
    """

    code = models.CharField(max_length=3, unique=True, help_text="IATA airline designator")
    name = models.CharField(max_length=200)
    account = models.OneToOneField(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="carrier"
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Flight(models.Model):
    """An arriving flight as announced by its lists: carrier, number and date identify it.

    `departure_date` is the local date of departure of the leg into Iraq; `scheduled_arrival`
    is that leg's arrival time, read as Baghdad time (every Iraqi airport keeps it).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    carrier = models.ForeignKey(Carrier, on_delete=models.PROTECT, related_name="flights")
    number = models.CharField(max_length=17)
    departure_date = models.DateField()
    crossing_point = models.ForeignKey(CrossingPoint, on_delete=models.PROTECT, related_name="+")
    departure_airport = models.CharField(max_length=5, blank=True)
    arrival_airport = models.CharField(max_length=5)
    # As sent: PAXLST times are local to each airport and carry no zone.
    departure_local = models.CharField(max_length=16, blank=True)
    scheduled_arrival = models.DateTimeField(db_index=True)
    legs = models.JSONField(default=list)
    declared_passengers = models.PositiveIntegerField(null=True, blank=True)
    declared_crew = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    first_received_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["scheduled_arrival"]
        constraints = [
            models.UniqueConstraint(
                fields=["carrier", "number", "departure_date"], name="flight_identity_unique"
            )
        ]
        indexes = [models.Index(fields=["crossing_point", "scheduled_arrival"])]

    def __str__(self) -> str:
        return (
            f"{self.number} {self.departure_date} {self.departure_airport}-{self.arrival_airport}"
        )


class Submission(models.Model):
    """One interchange as a carrier delivered it: the raw bytes, the reading and the answer.

    `reference` is the interchange control reference (UNB), else the first message's (UNH):
    the same reference with the same bytes is a redelivery and is answered from here; with
    other bytes it is refused as a conflict (docs/decisions/0009-manifests.md), unless the
    earlier delivery was itself refused.
    """

    class Channel(models.TextChoices):
        API = "api", "API"
        DROP_FOLDER = "drop_folder", "Drop folder"

    class Status(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    carrier = models.ForeignKey(Carrier, on_delete=models.PROTECT, related_name="submissions")
    received_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=12, choices=Channel.choices)
    file_name = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField(db_index=True)
    reference = models.CharField(max_length=120)
    raw = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices)
    flight = models.ForeignKey(
        Flight, null=True, blank=True, on_delete=models.PROTECT, related_name="submissions"
    )
    # The reading (docs/formats/paxlst.md, contract 1) and the problems that stopped it.
    parsed = models.JSONField(default=dict)
    errors = models.JSONField(default=list)
    # The answer as sent: per traveller, and as the EDIFACT CUSRES interchange.
    responses = models.JSONField(default=list)
    response_edifact = models.TextField(blank=True)
    processing_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            # Refused deliveries may share a reference (the fixed file is resent under it).
            models.UniqueConstraint(
                fields=["carrier", "reference"],
                condition=models.Q(status="accepted"),
                name="submission_reference_unique",
            )
        ]
        indexes = [models.Index(fields=["carrier", "reference"])]

    def __str__(self) -> str:
        return f"{self.carrier.code} {self.reference} ({self.status})"


class ListPart(models.Model):
    """One PAXLST message of a flight's list (a whole list, or part n of a split one).

    The current parts of a list (`current`) are the newest message of each part number of its
    newest series (common access reference); together they make the list.
    """

    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="parts")
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="parts")
    list_type = models.CharField(max_length=12)
    series = models.CharField(max_length=40, blank=True)
    part = models.PositiveIntegerField(default=0)  # 0: not split
    last_part = models.BooleanField(default=True)
    message_ref = models.CharField(max_length=40, blank=True)
    travellers = models.PositiveIntegerField(default=0)
    declared = models.PositiveIntegerField(null=True, blank=True)
    current = models.BooleanField(default=True)
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["flight", "list_type", "part", "received_at"]
        indexes = [models.Index(fields=["flight", "list_type", "current"])]

    def __str__(self) -> str:
        return f"{self.flight} {self.list_type} part {self.part}"


class BoardStatus(models.TextChoices):
    """The interactive API answer for a traveller."""

    OK = "ok", "OK to board"
    DO_NOT_BOARD = "do_not_board", "Do not board"
    INSUFFICIENT_DATA = "insufficient_data", "Insufficient data"


# What a traveller's record holds beyond its columns: shown, never filtered on. One JSON value
# per row instead of eleven columns keeps a 500-traveller insert cheap (decision 0009).
DETAIL_FIELDS = (
    "party",
    "birth_date_raw",
    "residence",
    "port_of_embarkation",
    "port_of_debarkation",
    "document_expiry",
    "documents",
    "references",
    "findings",
    "board_reasons",
    "hits",
)
_DETAIL_DEFAULTS: dict[str, Any] = {"documents": [], "references": {}, "findings": [],
                                    "board_reasons": [], "hits": []}  # fmt: skip


def _detail(name: str) -> property:
    def read(row: ManifestTraveller) -> Any:
        value = row.details.get(name, _DETAIL_DEFAULTS.get(name, ""))
        return date.fromisoformat(value) if name == "document_expiry" and value else value

    def write(row: ManifestTraveller, value: Any) -> None:
        row.details[name] = value.isoformat() if isinstance(value, date) else value

    return property(read, write, doc=f"`{name}`, kept in `details`")


class ManifestTraveller(models.Model):
    """A passenger or crew member on a flight's current list (or removed from it).

    `identity_key` recognises the same person in a later message: the travel document (issuing
    state and number), else the name and birth date. The document shown at the primary line is
    matched against `document_issuing_state` and `document_number` (the first document that is
    not a visa). What is shown but never searched (`DETAIL_FIELDS`: ports, every document,
    references, findings, hits, the reasons for the answer) is kept in `details`.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="travellers")
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="+")
    list_type = models.CharField(max_length=12)
    part = models.PositiveIntegerField(default=0)
    position = models.PositiveIntegerField(default=0)
    identity_key = models.CharField(max_length=160)
    content_hash = models.CharField(max_length=40)
    role = models.CharField(max_length=10)  # passenger, crew
    surname = models.CharField(max_length=120, blank=True)
    given_names = models.CharField(max_length=120, blank=True)
    sex = models.CharField(max_length=1, blank=True)
    birth_date = models.DateField(null=True, blank=True, db_index=True)
    nationality = models.CharField(max_length=3, blank=True)
    document_type = models.CharField(max_length=3, blank=True)
    document_number = models.CharField(max_length=35, blank=True)
    document_issuing_state = models.CharField(max_length=3, blank=True)
    findings_count = models.PositiveSmallIntegerField(default=0)
    board_status = models.CharField(max_length=20, choices=BoardStatus.choices)
    screening_status = models.CharField(max_length=12, default="not_screened")
    details = models.JSONField(default=dict)
    screened_at = models.DateTimeField(null=True, blank=True)
    added_at = models.DateTimeField()
    changed_at = models.DateTimeField()
    removed_at = models.DateTimeField(null=True, blank=True)

    party = _detail("party")
    birth_date_raw = _detail("birth_date_raw")
    residence = _detail("residence")
    port_of_embarkation = _detail("port_of_embarkation")
    port_of_debarkation = _detail("port_of_debarkation")
    document_expiry = _detail("document_expiry")
    documents = _detail("documents")
    references = _detail("references")
    findings = _detail("findings")
    board_reasons = _detail("board_reasons")
    hits = _detail("hits")

    class Meta:
        ordering = ["flight", "list_type", "position"]
        indexes = [
            models.Index(fields=["document_issuing_state", "document_number"]),
            models.Index(fields=["flight", "removed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.surname}, {self.given_names} ({self.role})"


class ManifestChange(models.Model):
    """One traveller added to, removed from or changed on a flight's list by a submission."""

    class Kind(models.TextChoices):
        ADDED = "added", "Added"
        REMOVED = "removed", "Removed"
        CHANGED = "changed", "Changed"

    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="changes")
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="changes")
    traveller = models.ForeignKey(ManifestTraveller, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    at = models.DateTimeField()
    version = models.PositiveIntegerField()
    name = models.CharField(max_length=240)
    fields = models.JSONField(default=dict)  # changed: {"field": [before, after]}

    class Meta:
        ordering = ["flight", "version", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name} (v{self.version})"
