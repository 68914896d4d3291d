"""What a PAXLST reading gives: legs, travellers and their documents, messages, a manifest.

Plain dataclasses, filled while the segments are read and then handed out; `to_json` on a
`Manifest` gives the public contract of docs/formats/paxlst.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .issues import Issue, Location
from .syntax import ServiceCharacters

ROLES = {"FL": "passenger", "FM": "crew", "DDT": "passenger", "DDU": "crew"}
LIST_TYPES = {"745": "passengers", "250": "crew"}


@dataclass(slots=True)
class Document:
    """A travel document (DOC): `type` P passport, V visa, I identity card, A, C..., as sent."""

    type: str | None = None
    number: str | None = None
    issuing_state: str | None = None
    expiry_date: date | None = None
    expiry_date_raw: str | None = None
    issue_date: date | None = None
    issue_date_raw: str | None = None
    location: Location | None = None


@dataclass(slots=True)
class Address:
    """A traveller's address from NAD elements 5 to 9."""

    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None


@dataclass(slots=True)
class Traveller:
    """One passenger or crew member (NAD FL, FM, or DDT/DDU in transit) and what follows it.

    `birth_date` is None when unknown or when the century is ambiguous; then
    `birth_date_candidates` lists the readings. Places are codes as sent (IATA airports,
    ISO 3166 alpha-3 countries) or, for a place of birth, the name.
    """

    party: str
    role: str
    message: str | None = None
    surname: str | None = None
    given_names: str | None = None
    sex: str | None = None
    birth_date: date | None = None
    birth_date_raw: str | None = None
    birth_date_candidates: tuple[date, ...] = ()
    nationality: str | None = None
    country_of_residence: str | None = None
    place_of_birth: str | None = None
    port_of_embarkation: str | None = None
    port_of_debarkation: str | None = None
    clearance_place: str | None = None
    address: Address | None = None
    references: dict[str, str] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    location: Location | None = None

    @property
    def in_transit(self) -> bool:
        return self.party in ("DDT", "DDU")


@dataclass(slots=True)
class Leg:
    """One flight leg: the conveyance reference as sent (`ZZ123`), its carrier, and both ends.

    Times are local to each airport (EDIFACT sends them without a zone). The qualifiers say
    what the message calls each airport: 125 last departure abroad, 87 first arrival in the
    receiving country, 92 any other stop of the routing.
    """

    flight: str | None = None
    carrier: str | None = None
    departure_airport: str | None = None
    departure_qualifier: str | None = None
    departure_local: datetime | None = None
    arrival_airport: str | None = None
    arrival_qualifier: str | None = None
    arrival_local: datetime | None = None


@dataclass(slots=True)
class Contact:
    """A reporting party's means of contact (COM): the number or address and its type
    (TE telephone, FX fax, EM e-mail)."""

    number: str
    type: str | None = None


@dataclass(slots=True)
class ReportingParty:
    """Who sent the list (NAD+MS): a name, an identifier, contacts."""

    name: str | None = None
    id: str | None = None
    contacts: list[Contact] = field(default_factory=list)


@dataclass(slots=True)
class Message:
    """One PAXLST message (UNH to UNT): a whole list, or one part of a split list.

    `part` and `last_part` come from UNH's fourth element (`02:C` is part 2, more to follow;
    `03:F` is the final part 3); both are None for an unsplit message.
    """

    reference: str | None = None
    message_type: str | None = None
    version: str | None = None
    common_access_ref: str | None = None
    part: int | None = None
    last_part: bool | None = None
    bgm_code: str | None = None
    list_type: str | None = None
    document_id: str | None = None
    transaction_ref: str | None = None
    reporting_party: ReportingParty | None = None
    legs: list[Leg] = field(default_factory=list)
    travellers: list[Traveller] = field(default_factory=list)
    declared_counts: dict[str, int] = field(default_factory=dict)
    segments_declared: int | None = None
    segments_found: int = 0
    readable: bool = True
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    findings: list[Issue] = field(default_factory=list)


@dataclass(slots=True)
class Interchange:
    """One interchange (UNB to UNZ, or a whole file): its header and the messages in it."""

    syntax: str | None = None
    syntax_version: str | None = None
    sender: str | None = None
    recipient: str | None = None
    prepared: datetime | None = None
    control_ref: str | None = None
    application_ref: str | None = None
    service: ServiceCharacters = field(default_factory=ServiceCharacters)
    una: bool = False
    messages: list[Message] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)


@dataclass(slots=True)
class Count:
    """Travellers of one role: as the message declares (CNT), and as found."""

    declared: int | None
    found: int


@dataclass(slots=True)
class Flight:
    """The flight the manifest is for: carrier and number of the leg arriving in the receiving
    country (LOC 87), or of the last leg, and every leg in order."""

    carrier: str | None = None
    number: str | None = None
    legs: list[Leg] = field(default_factory=list)


@dataclass(slots=True)
class Manifest:
    """One flight's list (or lists: passengers and crew), assembled from all its parts."""

    interchanges: list[Interchange] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    list_type: str | None = None
    flight: Flight = field(default_factory=Flight)
    travellers: list[Traveller] = field(default_factory=list)
    counts: dict[str, Count] = field(default_factory=dict)
    findings: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when nothing stopped the reading: warnings and findings never affect it."""
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        """The JSON-ready object of docs/formats/paxlst.md (contract version 1)."""
        from .output import manifest_json  # output.py builds on this module

        return manifest_json(self)
