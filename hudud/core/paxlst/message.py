"""Reading one PAXLST message, UNH to UNT, into a `Message`.

Segments are routed by tag and qualifier rather than by strict position, because carriers
reorder and omit: BGM (745 passengers, 250 crew), RFF+TN, NAD+MS with its COM contacts; TDT+20
opens a leg, whose LOC 125/87/92 stops and DTM 189/232 times follow; NAD FL/FM/DDT/DDU opens a
traveller, whose ATT, DTM 329, LOC 22/174/178/179/180, NAT and RFF follow; DOC opens one of the
traveller's documents, with DTM 36/182 and LOC 91; CNT 42/41 closes the list. Segments the
reader has no use for (MEA, FTX, GEI, EMP, CTA...) are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from .issues import IssueLog, Locator
from .legs import LegBuilder
from .model import LIST_TYPES, Contact, Message, ReportingParty
from .syntax import Segment
from .travellers import TravellerReader


def read_message(segments: Sequence[Segment], locator: Locator, today: date) -> Message:
    """Read the segments of one message (UNH first; UNT last when present), never raising."""
    return _MessageReader(locator, today).read(segments)


class _MessageReader:
    def __init__(self, locator: Locator, today: date) -> None:
        self.locator, self.today = locator, today
        self.log = IssueLog()
        self.message = Message()
        self.legs = LegBuilder(self.log, locator)
        self.travellers = TravellerReader(self.log, locator)
        self.party: ReportingParty | None = None  # the party COM contacts belong to, if any
        self.handlers: dict[str, Callable[[Segment], None]] = {
            "BGM": self._bgm,
            "RFF": self._rff,
            "NAD": self._nad,
            "COM": self._com,
            "TDT": self.legs.tdt,
            "LOC": self._loc,
            "DTM": self._dtm,
            "ATT": self.travellers.att,
            "NAT": self.travellers.nat,
            "DOC": self.travellers.doc,
            "CNT": self._cnt,
        }

    def read(self, segments: Sequence[Segment]) -> Message:
        message = self.message
        self._unh(segments[0])
        if message.readable:
            for segment in segments[1:]:
                handler = self.handlers.get(segment.tag)
                if handler is not None:
                    handler(segment)
        message.legs = self.legs.finish()
        departure = message.legs[0].departure_local if message.legs else None
        reference = departure.date() if departure is not None else self.today
        message.travellers = self.travellers.finish(message.reference, reference)
        message.findings = self.travellers.findings
        message.warnings, message.errors = self.log.warnings, self.log.errors
        return message

    def _unh(self, unh: Segment) -> None:
        message = self.message
        message.reference = unh.value(1) or None
        identifier = unh.components(2)
        message.message_type = identifier[0] if identifier else None
        message.version = ":".join(identifier[1:]).rstrip(":") or None
        message.common_access_ref = unh.value(3) or None
        sequence, flag = unh.value(4), unh.value(4, 2)
        message.part = int(sequence) if sequence.isdigit() and sequence.isascii() else None
        message.last_part = {"F": True, "C": False}.get(flag)
        where = self.locator.locate(unh.number, unh.tag, unh.offset)
        if message.message_type != "PAXLST":
            message.readable = False
            self.log.error(
                "not_paxlst",
                "message_type",
                f"message {message.reference!r} is a {message.message_type!r}, not a PAXLST",
                where,
            )
        elif len(identifier) < 4 or identifier[1] != "D" or identifier[3] != "UN":
            message.readable = False
            self.log.error(
                "unsupported_version",
                "version",
                f"PAXLST version {message.version!r} is not a UN/EDIFACT directory (D:..:UN) "
                "of the WCO/IATA/ICAO guidelines (a legacy national profile?); its travellers "
                "were not read",
                where,
            )

    def _bgm(self, segment: Segment) -> None:
        code = segment.value(1)
        self.message.bgm_code = code or None
        self.message.list_type = LIST_TYPES.get(code)
        self.message.document_id = segment.value(2) or None
        if self.message.list_type is None:
            self.log.warn(
                "list_type_unknown",
                "bgm",
                f"BGM document code {code!r} is neither 745 (passengers) nor 250 (crew)",
                self.locator.locate(segment.number, segment.tag, segment.offset),
            )

    def _rff(self, segment: Segment) -> None:
        if self.travellers.current is not None:
            self.travellers.rff(segment)
        elif segment.value(1) == "TN":
            self.message.transaction_ref = segment.value(1, 2) or None

    def _nad(self, segment: Segment) -> None:
        if segment.value(1) != "MS":
            self.party = None
            self.travellers.nad(segment)
            return
        name = " ".join(part for part in segment.components(4) if part)
        self.party = ReportingParty(name=name or None, id=segment.value(2) or None)
        self.message.reporting_party = self.message.reporting_party or self.party

    def _com(self, segment: Segment) -> None:
        if self.party is None:
            return  # a traveller's own contact numbers: not part of the contract
        for element in range(1, len(segment.elements) + 1):
            number = segment.value(element)
            if number:
                self.party.contacts.append(Contact(number, segment.value(element, 2) or None))

    def _loc(self, segment: Segment) -> None:
        if segment.value(1) in ("125", "87", "92"):
            self.legs.loc(segment)
        else:
            self.travellers.loc(segment)

    def _dtm(self, segment: Segment) -> None:
        if segment.value(1) in ("189", "232"):
            self.legs.dtm(segment)
        else:
            self.travellers.dtm(segment)

    def _cnt(self, segment: Segment) -> None:
        qualifier, value = segment.value(1), segment.value(1, 2)
        where = self.locator.locate(segment.number, segment.tag, segment.offset)
        if not value and segment.value(2):
            value = segment.value(2)
            self.log.warn(
                "cnt_malformed",
                "counts",
                f"CNT+{qualifier}+{value}: the count should follow the qualifier after ':'",
                where,
            )
        if value.isdigit() and value.isascii():
            self.message.declared_counts[qualifier] = int(value)
        else:
            self.log.warn("cnt_malformed", "counts", f"CNT value {value!r} is not a number", where)
