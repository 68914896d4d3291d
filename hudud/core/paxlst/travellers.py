"""Travellers from NAD FL/FM/DDT/DDU and the segments that follow each one.

`NAD+FL+++SURNAME:GIVEN:NAMES+street+city+region+postcode+country` opens a traveller (FL a
passenger, FM a crew member, DDT and DDU the same in transit); then `ATT+2++M` sex, `DTM+329`
birth date, `LOC` 22 clearance, 174 residence, 178 embarkation, 179 debarkation, 180 place of
birth, `NAT+2` nationality, `RFF` references (AVF booking locator, ABO unique passenger
reference, SEA seat...). `DOC+P+number` opens a document with `DTM+36` expiry, `DTM+182`
issue and `LOC+91` issuing state; a traveller may hold several (a passport and a visa).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .checks import check_traveller
from .dates import read_birth, read_expiry
from .issues import Issue, IssueLog, Location, Locator
from .model import ROLES, Address, Document, Traveller
from .syntax import Segment

_TRAVELLER_LOC = {
    "22": "clearance_place",
    "174": "country_of_residence",
    "178": "port_of_embarkation",
}
_TRAVELLER_LOC |= {"179": "port_of_debarkation", "180": "place_of_birth"}


@dataclass(slots=True)
class _Raw:
    """Date values as sent, read once the flight's departure date is known."""

    birth: tuple[str, str] | None = None
    documents: list[dict[str, tuple[str, str]]] = field(default_factory=list)


class TravellerReader:
    """Collects travellers segment by segment; `finish` reads their dates and checks them."""

    def __init__(self, log: IssueLog, locator: Locator) -> None:
        self.log, self.locator = log, locator
        self.travellers: list[Traveller] = []
        self.raw: list[_Raw] = []
        self.current: Traveller | None = None
        self.findings: list[Issue] = []

    def nad(self, segment: Segment) -> None:
        party = segment.value(1)
        role = ROLES.get(party)
        if role is None:
            self.current = None
            self._warn("party_unknown", segment, f"NAD party {party!r} is not FL, FM, DDT or DDU")
            return
        names = [part for part in segment.components(4) if part] or [
            part for part in segment.components(3) if part
        ]
        traveller = Traveller(party=party, role=role, location=self._where(segment))
        traveller.surname = names[0] if names else None
        traveller.given_names = " ".join(names[1:]) or None
        traveller.address = _address(segment)
        self.travellers.append(traveller)
        self.raw.append(_Raw())
        self.current = traveller

    def att(self, segment: Segment) -> None:
        if self._traveller(segment) is not None and segment.value(1) == "2":
            self.travellers[-1].sex = segment.value(3).upper() or None

    def nat(self, segment: Segment) -> None:
        traveller = self._traveller(segment)
        if traveller is not None and (segment.value(1) == "2" or traveller.nationality is None):
            traveller.nationality = segment.value(2) or None

    def rff(self, segment: Segment) -> None:
        traveller = self._traveller(segment)
        qualifier, value = segment.value(1), segment.value(1, 2)
        if traveller is not None and qualifier and value:
            traveller.references.setdefault(qualifier, value)

    def doc(self, segment: Segment) -> None:
        traveller = self._traveller(segment)
        if traveller is not None:
            document = Document(type=segment.value(1) or None, number=segment.value(2) or None)
            document.location = self._where(segment)
            traveller.documents.append(document)
            self.raw[-1].documents.append({})

    def dtm(self, segment: Segment) -> None:
        qualifier = segment.value(1)
        traveller = self._traveller(segment)
        if traveller is None or qualifier not in ("329", "36", "182"):
            return
        value = (segment.value(1, 2), segment.value(1, 3))
        if qualifier == "329":
            self.raw[-1].birth = value
            traveller.birth_date_raw = value[0] or None
        elif self._document(segment) is not None:
            self.raw[-1].documents[-1][qualifier] = value

    def loc(self, segment: Segment) -> None:
        qualifier = segment.value(1)
        traveller = self._traveller(segment)
        if traveller is None:
            return
        place = segment.value(2) or segment.value(2, 4) or None
        if qualifier in _TRAVELLER_LOC:
            setattr(traveller, _TRAVELLER_LOC[qualifier], place)
        elif qualifier == "91":
            document = self._document(segment)
            if document is not None:
                document.issuing_state = place

    def finish(self, message: str | None, reference: date) -> list[Traveller]:
        """Read the dates against `reference` (the departure date) and check every traveller;
        the findings land in `self.findings`, indexed within this message."""
        for index, (traveller, raw) in enumerate(zip(self.travellers, self.raw, strict=True)):
            traveller.message = message
            _read_dates(traveller, raw, reference)
            self.findings.extend(check_traveller(traveller, index, reference))
        return self.travellers

    def _traveller(self, segment: Segment) -> Traveller | None:
        if self.current is None:
            self._warn("segment_outside_traveller", segment, "no traveller (NAD) before it")
        return self.current

    def _document(self, segment: Segment) -> Document | None:
        traveller = self.current
        if traveller is None or not traveller.documents:
            self._warn("segment_outside_document", segment, "no document (DOC) before it")
            return None
        return traveller.documents[-1]

    def _where(self, segment: Segment) -> Location:
        return self.locator.locate(segment.number, segment.tag, segment.offset)

    def _warn(self, code: str, segment: Segment, message: str) -> None:
        self.log.warn(code, "travellers", message, self._where(segment))


def _address(segment: Segment) -> Address | None:
    region = segment.value(7, 4) or segment.value(7)
    address = Address(
        street=" ".join(part for part in segment.components(5) if part) or None,
        city=segment.value(6) or None,
        region=region or None,
        postal_code=segment.value(8) or None,
        country=segment.value(9) or None,
    )
    return None if address == Address() else address


def _read_dates(traveller: Traveller, raw: _Raw, reference: date) -> None:
    if raw.birth is not None and raw.birth[0]:
        reading = read_birth(*raw.birth, reference)
        traveller.birth_date, traveller.birth_date_candidates = reading.value, reading.candidates
    for document, dates in zip(traveller.documents, raw.documents, strict=True):
        if "36" in dates and dates["36"][0]:
            document.expiry_date_raw = dates["36"][0]
            document.expiry_date = read_expiry(*dates["36"], reference).value
        if "182" in dates and dates["182"][0]:
            document.issue_date_raw = dates["182"][0]
            document.issue_date = read_expiry(*dates["182"], reference).value
