"""Interactive API responses: the border's answer per traveller, as an EDIFACT CUSRES message.

Under interactive API (iAPI) the carrier sends each flight's PAXLST before boarding and waits
for a response per traveller: OK to board, do not board, or insufficient data (send the missing
fields again). The WCO/IATA/ICAO API Response Message (CUSRES) Implementation Guide carries it
as a CUSRES answering each PAXLST message: UNH echoes the message's reference and common access
reference, BGM 962 says "response", RFF TN and AF name the transaction and the flight, LOC and
DTM its airports and times; then one group per traveller: ERP+2 (the point answered is a
traveller), RFF AVF and ABO (the booking locator and unique passenger reference the carrier
sent, so its system can match the answer), ERC with the status code and FTX AAP with its text.
The codes and the sources followed are in docs/formats/iapi-response.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .charset import _CODECS
from .model import Leg, Message
from .syntax import DEFAULT_SERVICE, ServiceCharacters
from .write import Writer

OK, DO_NOT_BOARD, INSUFFICIENT_DATA = "ok", "do_not_board", "insufficient_data"
# ERC application error codes of the iAPI response (docs/formats/iapi-response.md).
STATUS_CODES = {OK: "0Z", DO_NOT_BOARD: "1Z", INSUFFICIENT_DATA: "2Z"}
STATUS_TEXT = {
    OK: "OK TO BOARD",
    DO_NOT_BOARD: "DO NOT BOARD",
    INSUFFICIENT_DATA: "INSUFFICIENT DATA",
}
# The references a carrier's system matches answers by, in the order they are echoed.
ECHOED_REFERENCES = ("AVF", "ABO")
_FREE_TEXT_MAX = 70  # FTX element 4 components are an..512; short lines suit check-in screens


@dataclass(frozen=True, slots=True)
class TravellerResponse:
    """The answer for one traveller: a status (`ok`, `do_not_board`, `insufficient_data`),
    the carrier's references to echo, and an optional detail appended to the text."""

    status: str
    references: Mapping[str, str] = field(default_factory=dict)
    detail: str = ""

    @property
    def code(self) -> str:
        return STATUS_CODES[self.status]

    @property
    def text(self) -> str:
        # Spaces at either end of a value are layout in EDIFACT, not data: none are sent.
        text, detail = STATUS_TEXT[self.status], self.detail.strip()
        return f"{text} - {detail}"[:_FREE_TEXT_MAX].rstrip() if detail else text


@dataclass(frozen=True, slots=True)
class ResponseMessage:
    """One CUSRES: the answer to one PAXLST message (or part) and its travellers, in order."""

    reference: str
    travellers: tuple[TravellerResponse, ...]
    common_access_ref: str | None = None
    part: int | None = None
    last_part: bool | None = None
    transaction_ref: str | None = None
    flight: str | None = None
    departure_airport: str | None = None
    departure_local: datetime | None = None
    arrival_airport: str | None = None
    arrival_local: datetime | None = None


def response_for(message: Message, travellers: Sequence[TravellerResponse]) -> ResponseMessage:
    """The response to a read PAXLST `message`, given one answer per traveller, in its order.

    >>> from .model import Message
    >>> answer = response_for(Message(reference="7"), [TravellerResponse(OK)])
    >>> answer.reference, answer.travellers[0].code
    ('7', '0Z')
    """
    leg = _arriving_leg(message.legs)
    return ResponseMessage(
        reference=message.reference or "1",
        travellers=tuple(travellers),
        common_access_ref=message.common_access_ref,
        part=message.part,
        last_part=message.last_part,
        transaction_ref=message.transaction_ref,
        flight=leg.flight if leg else None,
        departure_airport=leg.departure_airport if leg else None,
        departure_local=leg.departure_local if leg else None,
        arrival_airport=leg.arrival_airport if leg else None,
        arrival_local=leg.arrival_local if leg else None,
    )


def write_response(
    messages: Sequence[ResponseMessage],
    *,
    sender: str = "IQ-BORDER",
    recipient: str = "CARRIER",
    control_ref: str = "1",
    prepared: datetime,
    syntax: str = "UNOA",
    service: ServiceCharacters = DEFAULT_SERVICE,
    line_end: str = "\n",
) -> str:
    """An interchange of CUSRES responses, as text (encode it by `syntax`: UNOW is UTF-8).

    `control_ref` should echo the PAXLST interchange's, so the carrier pairs them.

    >>> answer = ResponseMessage("1", (TravellerResponse(DO_NOT_BOARD, {"ABO": "P1"}),))
    >>> text = write_response([answer], prepared=datetime(2026, 12, 1, 8, 0), line_end="")
    >>> text[text.index("ERP"):text.index("UNT")]
    "ERP+2'RFF+ABO:P1'ERC+1Z'FTX+AAP+++DO NOT BOARD'"
    """
    out = Writer(service, line_end)
    stamp = [prepared.strftime("%y%m%d"), prepared.strftime("%H%M")]
    head = f"UNA{service}{line_end}"
    head += out.segment("UNB", [syntax, "4"], sender, recipient, stamp, control_ref)
    body = "".join(_message(out, message) for message in messages)
    return head + body + out.segment("UNZ", str(len(messages)), control_ref)


def encode_response(text: str, syntax: str) -> bytes:
    """The response's bytes in the character set its UNB declares (ASCII under UNOA/UNOB;
    a character the set lacks becomes `?`, never an error).

    >>> encode_response("FTX+AAP+++OK'", "UNOW")
    b"FTX+AAP+++OK'"
    """
    return text.encode(_CODECS.get(syntax, "ascii"), errors="replace")


def _message(out: Writer, message: ResponseMessage) -> str:
    status: list[str] | str = ""
    if message.part is not None:
        status = [f"{message.part:02d}", "F" if message.last_part else "C"]
    segments = [
        out.segment(
            "UNH",
            message.reference,
            ["CUSRES", "D", "05B", "UN", "IATA"],
            message.common_access_ref or "",
            status,
        ),
        out.segment("BGM", "962"),
    ]
    if message.transaction_ref:
        segments.append(out.segment("RFF", ["TN", message.transaction_ref]))
    if message.flight:
        segments.append(out.segment("RFF", ["AF", message.flight]))
    for qualifier, moment in (("189", message.departure_local), ("232", message.arrival_local)):
        if moment is not None:
            segments.append(out.segment("DTM", [qualifier, f"{moment:%y%m%d%H%M}", "201"]))
    for qualifier, airport in (("125", message.departure_airport), ("87", message.arrival_airport)):
        if airport:
            segments.append(out.segment("LOC", qualifier, airport))
    for traveller in message.travellers:
        segments.extend(_traveller(out, traveller))
    segments.append(out.segment("UNT", str(len(segments) + 1), message.reference))
    return "".join(segments)


def _traveller(out: Writer, traveller: TravellerResponse) -> list[str]:
    segments = [out.segment("ERP", "2")]
    for qualifier in ECHOED_REFERENCES:
        value = (traveller.references.get(qualifier) or "").strip()
        if value:
            segments.append(out.segment("RFF", [qualifier, value]))
    segments.append(out.segment("ERC", traveller.code))
    segments.append(out.segment("FTX", "AAP", "", "", traveller.text))
    return segments


def _arriving_leg(legs: Sequence[Leg]) -> Leg | None:
    # The leg into the receiving country (LOC 87), else the last one: what the carrier asked about.
    return next((leg for leg in legs if leg.arrival_qualifier == "87"), legs[-1] if legs else None)
