"""Writing PAXLST: the model back to EDIFACT text, for the generator and round-trip tests.

Values are escaped with the release character wherever they hold a service character, so any
name survives any choice of separators. Dates are written as carriers do (YYMMDD, and
YYMMDDHHMM with format 201), except a birth date whose century a reader could not tell from
the departure date: that one is written in full (CCYYMMDD, format 102).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from hudud.core.mrz.dates import read_birth_date

from .dates import local_today
from .model import Document, Leg, Message, Traveller
from .syntax import DEFAULT_SERVICE, ServiceCharacters

Element = str | Sequence[str]
_PREPARED = datetime(2026, 11, 22, 12, 0)  # noqa: DTZ001 - EDIFACT times carry no zone


class Writer:
    """Builds segments with one set of service characters and one line end."""

    def __init__(self, service: ServiceCharacters = DEFAULT_SERVICE, line_end: str = "") -> None:
        self.service, self.line_end = service, line_end
        specials = {service.component, service.element, service.terminator, service.release}
        self._escapes = {ord(c): service.release + c for c in specials if c}

    def segment(self, tag: str, *elements: Element) -> str:
        """`segment("NAD", "FL", "", "", ["DOE", "JANE"])` is `NAD+FL+++DOE:JANE'`."""
        parts = [tag, *(self._element(e) for e in elements)]
        while len(parts) > 1 and parts[-1] == "":
            parts.pop()
        return self.service.element.join(parts) + self.service.terminator + self.line_end

    def _element(self, element: Element) -> str:
        components = [element] if isinstance(element, str) else list(element)
        while components and components[-1] == "":
            components.pop()
        return self.service.component.join(c.translate(self._escapes) for c in components)


def write_interchange(
    messages: Sequence[Message],
    *,
    service: ServiceCharacters = DEFAULT_SERVICE,
    una: bool = True,
    syntax: str = "UNOA",
    line_end: str = "\n",
    sender: str = "SYNTHETIC",
    recipient: str = "IQ-BORDER",
    control_ref: str = "1",
    prepared: datetime = _PREPARED,
) -> str:
    """An interchange holding `messages`, as text (encode it by `syntax`: UNOW is UTF-8).

    >>> text = write_interchange([Message(reference="1", list_type="passengers")], line_end="")
    >>> text[:40]
    "UNA:+.? 'UNB+UNOA:4+SYNTHETIC+IQ-BORDER+"
    """
    out = Writer(service, line_end)
    head = f"UNA{service}{line_end}" if una else ""
    stamp = [prepared.strftime("%y%m%d"), prepared.strftime("%H%M")]
    head += out.segment("UNB", [syntax, "4"], sender, recipient, stamp, control_ref)
    body = "".join(_message(out, message) for message in messages)
    return head + body + out.segment("UNZ", str(len(messages)), control_ref)


def _message(out: Writer, message: Message) -> str:
    reference = message.reference or "1"
    status: Element = ""
    if message.part is not None:
        status = [f"{message.part:02d}", "F" if message.last_part else "C"]
    code = {"passengers": "745", "crew": "250"}.get(message.list_type or "", "745")
    segments = [
        out.segment(
            "UNH",
            reference,
            ["PAXLST", "D", "05B", "UN", "IATA"],
            message.common_access_ref or "",
            status,
        ),
        out.segment("BGM", code),
    ]
    if message.transaction_ref:
        segments.append(out.segment("RFF", ["TN", message.transaction_ref]))
    party = message.reporting_party
    if party is not None:
        segments.append(out.segment("NAD", "MS", party.id or "", "", party.name or ""))
        segments.extend(out.segment("COM", [c.number, c.type or ""]) for c in party.contacts)
    for leg in message.legs:
        segments.extend(_leg(out, leg))
    departure = next((leg.departure_local for leg in message.legs if leg.departure_local), None)
    reference_day = departure.date() if departure is not None else local_today()
    for traveller in message.travellers:
        segments.extend(_traveller(out, traveller, reference_day))
    for qualifier, value in message.declared_counts.items():
        segments.append(out.segment("CNT", [qualifier, str(value)]))
    segments.append(out.segment("UNT", str(len(segments) + 1), reference))
    return "".join(segments)


def _leg(out: Writer, leg: Leg) -> list[str]:
    segments = [out.segment("TDT", "20", leg.flight or "", "", "", leg.carrier or "")]
    for qualifier, airport, moment, time_qualifier in (
        (leg.departure_qualifier, leg.departure_airport, leg.departure_local, "189"),
        (leg.arrival_qualifier, leg.arrival_airport, leg.arrival_local, "232"),
    ):
        if airport is not None:
            segments.append(out.segment("LOC", qualifier or "92", airport))
        if moment is not None:
            segments.append(out.segment("DTM", [time_qualifier, f"{moment:%y%m%d%H%M}", "201"]))
    return segments


def _traveller(out: Writer, traveller: Traveller, departure: date) -> list[str]:
    name = [traveller.surname or "", traveller.given_names or ""]
    address = traveller.address
    where: list[Element] = []
    if address is not None:
        where = [
            address.street or "",
            address.city or "",
            ["", "", "", address.region or ""],
            address.postal_code or "",
            address.country or "",
        ]
    segments = [out.segment("NAD", traveller.party, "", "", name, *where)]
    if traveller.sex:
        segments.append(out.segment("ATT", "2", "", traveller.sex))
    if traveller.birth_date is not None:
        segments.append(out.segment("DTM", ["329", *_birth(traveller.birth_date, departure)]))
    for qualifier, place in (
        ("22", traveller.clearance_place),
        ("174", traveller.country_of_residence),
        ("178", traveller.port_of_embarkation),
        ("179", traveller.port_of_debarkation),
        ("180", traveller.place_of_birth),
    ):
        if place:
            segments.append(out.segment("LOC", qualifier, place))
    if traveller.nationality:
        segments.append(out.segment("NAT", "2", traveller.nationality))
    segments.extend(out.segment("RFF", [q, v]) for q, v in traveller.references.items())
    for document in traveller.documents:
        segments.extend(_document(out, document))
    return segments


def _birth(birth: date, departure: date) -> list[str]:
    short = f"{birth:%y%m%d}"
    if read_birth_date(short, today=departure).value == birth:
        return [short]
    return [f"{birth:%Y%m%d}", "102"]


def _document(out: Writer, document: Document) -> list[str]:
    segments = [out.segment("DOC", document.type or "", document.number or "")]
    if document.expiry_date is not None:
        segments.append(out.segment("DTM", ["36", f"{document.expiry_date:%y%m%d}"]))
    if document.issue_date is not None:
        segments.append(out.segment("DTM", ["182", f"{document.issue_date:%y%m%d}"]))
    if document.issuing_state:
        segments.append(out.segment("LOC", "91", document.issuing_state))
    return segments
