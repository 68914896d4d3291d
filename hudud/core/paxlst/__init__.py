"""Advance passenger information: reading UN/EDIFACT PAXLST passenger and crew lists.

Before a flight leaves, the airline sends the border of the destination country the list of
everyone on board, as a PAXLST message in UN/EDIFACT, the UN's syntax for trade documents
(WCO/IATA/ICAO API guidelines). EDIFACT text is a run of *segments*, each a three-letter tag and
data *elements* ended by an apostrophe: `NAD+FL+++DOE:JANE'` is a name-and-address segment
for a passenger (FL) named JANE DOE; `+` separates elements, `:` the components of a composite
element, `?` releases the next character (`O?'LEARY` is O'LEARY), and an optional `UNA` service
string at the start may choose other characters. An *interchange* (UNB ... UNZ) wraps
*messages* (UNH ... UNT), optionally in groups (UNG ... UNE); each trailer counts what it
closes.

A PAXLST message carries: BGM (745 a passenger list, 250 a crew list); the reporting party
(NAD+MS); the flight (TDT+20 flight number and carrier) with its airports (LOC 125 departure,
87 arrival, 92 other stops of a multi-leg flight) and local times (DTM 189 departure, 232
arrival); then one group per traveller: NAD (FL passenger, FM crew, DDT/DDU in transit) with
surname and given names, ATT sex, DTM 329 birth date, LOC ports (178 embarkation, 179
debarkation, 22 clearance, 174 residence, 180 birthplace), NAT nationality, RFF references, and
DOC travel documents (P passport, V visa, I identity card...) with DTM 36 expiry, 182 issue and
LOC 91 issuing state. CNT closes the list with the declared count (42 passengers, 41 crew). A
long list is split over several messages, numbered in UNH (`01:C` ... `03:F`).

This package reads what carriers really send (custom separators, CR-only or no line breaks,
indented lines, non-ASCII bytes under UNOA, wrong counts, junk after UNZ) and never raises:
`parse` gives a `Manifest` with the flight, the travellers, counts, data-quality `findings`
per traveller, `warnings` and `errors` (each naming the segment, line and column). `assemble`
joins the parts of a split list; `generate_flight` builds seeded synthetic flights.

>>> flight = generate_flight(seed=3, passengers=5, crew=2, single_file=True)
>>> manifest = parse(flight.files[0])
>>> manifest.valid, len(manifest.travellers), manifest.counts["crew"].found
(True, 7, 2)
"""

from __future__ import annotations

from .assemble import assemble, parse, parse_many
from .generate import SyntheticFlight, generate_flight
from .interchange import read_interchange
from .issues import Issue, Location
from .model import (
    Address,
    Contact,
    Count,
    Document,
    Flight,
    Interchange,
    Leg,
    Manifest,
    Message,
    ReportingParty,
    Traveller,
)
from .output import CONTRACT_VERSION, manifest_json
from .syntax import DEFAULT_SERVICE, Segment, ServiceCharacters, Tokens, tokenize
from .write import write_interchange

__all__ = [
    "CONTRACT_VERSION",
    "DEFAULT_SERVICE",
    "Address",
    "Contact",
    "Count",
    "Document",
    "Flight",
    "Interchange",
    "Issue",
    "Leg",
    "Location",
    "Manifest",
    "Message",
    "ReportingParty",
    "Segment",
    "ServiceCharacters",
    "SyntheticFlight",
    "Tokens",
    "Traveller",
    "assemble",
    "generate_flight",
    "manifest_json",
    "parse",
    "parse_many",
    "read_interchange",
    "tokenize",
    "write_interchange",
]
