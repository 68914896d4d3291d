"""Synthetic PAXLST flights: seeded, obviously made-up travellers, for tests, demos, benchmarks.

Names are placeholders nobody carries as a whole: NATO-alphabet given names with surnames such
as EXAMPLE, SPECIMEN or O'SAMPLE (an apostrophe: the release character at work); under UNOW
some travellers carry Arabic-script placeholder names (فلان الفلاني, the Arabic "so-and-so").
A flight has one or two legs into an Iraqi airport, passengers holding a passport, a passport
and a visa, or an identity card, and a crew list. A long passenger list can be split into
parts (`01:C` ... `nn:F`), each sent as its own interchange, as carriers do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .dates import local_today
from .model import Contact, Document, Leg, Message, ReportingParty, Traveller
from .syntax import DEFAULT_SERVICE, ServiceCharacters
from .write import write_interchange

SURNAMES = (
    "EXAMPLE", "SPECIMEN", "TESTPERSON", "SAMPLE", "MUSTERMANN", "PLACEHOLDER", "FICTIVE",
    "DUMMY", "MADEUP", "NOBODY", "FULAN", "ALLAN", "O'SAMPLE", "D'EXAMPLE", "TEST-CASE",
    "AL FULANI", "BIN TESTER", "DE SPECIMEN",
)  # fmt: skip
GIVEN_NAMES = (
    "ALFA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL", "INDIA", "JULIETT",
    "KILO", "LIMA", "MIKE", "NOVEMBER", "OSCAR", "PAPA", "QUEBEC", "ROMEO", "SIERRA", "TANGO",
    "UNIFORM", "VICTOR", "WHISKEY", "XRAY", "YANKEE", "ZULU",
)  # fmt: skip
ARABIC_SURNAMES = ("فلان", "الفلاني", "علان", "العلاني", "تجريبي", "مثال")
ARABIC_GIVEN_NAMES = ("زيد", "عمرو", "فلانة", "علانة", "تجربة")
NATIONALITIES = (
    ("IRQ", 40), ("IRN", 15), ("TUR", 8), ("JOR", 6), ("LBN", 5), ("SYR", 5), ("GBR", 4),
    ("DEU", 4), ("SWE", 3), ("USA", 3), ("IND", 4), ("PAK", 3),
)  # fmt: skip
# PAXLST departure times are airport-local, without a zone.
_DEPARTURE = datetime(2026, 12, 1, 9, 30)  # noqa: DTZ001
ROUTES = (
    (("IST", "BGW"),),
    (("DXB", "BSR"),),
    (("AMM", "EBL"),),
    (("THR", "NJF"),),
    (("CAI", "AMM"), ("AMM", "BGW")),
    (("FRA", "IST"), ("IST", "ISU")),
)


@dataclass(frozen=True, slots=True)
class SyntheticFlight:
    """A generated flight: `files` as a carrier would send them (one interchange per message,
    or one in all with `single_file`), and `messages`, the truth they were written from."""

    files: tuple[bytes, ...]
    messages: tuple[Message, ...]

    @property
    def travellers(self) -> list[Traveller]:
        return [t for m in self.messages for t in m.travellers]


def generate_flight(
    *,
    seed: int = 1,
    passengers: int = 400,
    crew: int = 12,
    part_size: int | None = None,
    charset: str = "UNOA",
    service: ServiceCharacters = DEFAULT_SERVICE,
    line_end: str = "\n",
    departure: datetime = _DEPARTURE,
    single_file: bool = False,
) -> SyntheticFlight:
    """A seeded synthetic flight; `part_size` splits the passenger list into parts of at most
    that many travellers. UNOW adds Arabic-script names and writes UTF-8; UNOC writes Latin-1.

    >>> flight = generate_flight(seed=7, passengers=300, crew=10, part_size=120)
    >>> len(flight.files), len(flight.travellers), flight.messages[2].part
    (4, 310, 3)
    """
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    legs = _legs(rng, departure)
    people = _People(rng, legs, arabic=charset == "UNOW")
    passenger_list = [people.traveller("FL", index) for index in range(passengers)]
    crew_list = [people.traveller("FM", index) for index in range(crew)]
    flight_ref = f"{legs[-1].flight}/{departure:%y%m%d}"
    messages = _split(passenger_list, part_size, legs, flight_ref, "passengers", "42")
    messages.append(_message(crew_list, legs, flight_ref, "crew", "41", reference="CREW1"))
    codec = {"UNOW": "utf-8", "UNOC": "latin-1"}.get(charset, "ascii")
    batches = [messages] if single_file else [[m] for m in messages]
    files = tuple(
        write_interchange(
            batch, service=service, syntax=charset, line_end=line_end, control_ref=str(n + 1)
        ).encode(codec)
        for n, batch in enumerate(batches)
    )
    return SyntheticFlight(files, tuple(messages))


def _legs(rng: random.Random, departure: datetime) -> list[Leg]:
    route = rng.choice(ROUTES)
    number = f"ZZ{rng.randint(100, 999)}"
    legs, leaves = [], departure
    for index, (start, end) in enumerate(route):
        arrives = leaves + timedelta(minutes=rng.randint(70, 240))
        last = index == len(route) - 1
        legs.append(
            Leg(
                flight=number,
                carrier="ZZ",
                departure_airport=start,
                departure_qualifier="125" if last else "92",
                departure_local=leaves,
                arrival_airport=end,
                arrival_qualifier="87" if last else "92",
                arrival_local=arrives,
            )
        )
        leaves = arrives + timedelta(minutes=rng.randint(45, 120))
    return legs


class _People:
    def __init__(self, rng: random.Random, legs: list[Leg], *, arabic: bool) -> None:
        self.rng, self.legs, self.arabic = rng, legs, arabic
        self.day = legs[0].departure_local.date() if legs[0].departure_local else local_today()
        codes, weights = zip(*NATIONALITIES, strict=True)
        self.codes, self.weights = list(codes), list(weights)

    def traveller(self, party: str, index: int) -> Traveller:
        rng = self.rng
        nationality = rng.choices(self.codes, self.weights)[0]
        surname, given = self._name()
        adult = party == "FM" or rng.random() > 0.12
        age_days = rng.randint(18 * 365 if adult else 180, 80 * 365 if adult else 17 * 365)
        traveller = Traveller(
            party=party,
            role="crew" if party == "FM" else "passenger",
            surname=surname,
            given_names=given,
            sex=rng.choice("MF"),
            birth_date=self.day - timedelta(days=age_days),
            nationality=nationality,
            country_of_residence=nationality,
            port_of_embarkation=self._embarkation(),
            port_of_debarkation=self.legs[-1].arrival_airport,
            clearance_place=self.legs[-1].arrival_airport,
            documents=self._documents(nationality, party),
        )
        if party == "FL":
            traveller.references = {"AVF": self._locator(), "SEA": self._seat(index)}
        return traveller

    def _name(self) -> tuple[str, str]:
        rng = self.rng
        if self.arabic and rng.random() < 0.15:
            return rng.choice(ARABIC_SURNAMES), rng.choice(ARABIC_GIVEN_NAMES)
        given = rng.sample(GIVEN_NAMES, rng.choice((1, 1, 2)))
        return rng.choice(SURNAMES), " ".join(given)

    def _embarkation(self) -> str | None:
        leg = self.legs[0] if len(self.legs) == 1 else self.rng.choice(self.legs)
        return leg.departure_airport

    def _documents(self, nationality: str, party: str) -> list[Document]:
        rng = self.rng
        kind = "P" if party == "FM" else rng.choices("PVI", (80, 10, 10))[0]
        first = Document(
            type="I" if kind == "I" else "P",
            number=f"{rng.choice('TXZ')}{rng.randint(1000000, 9999999)}",
            issuing_state=nationality,
            expiry_date=self.day + timedelta(days=rng.randint(30, 3650)),
        )
        if kind != "V" or nationality == "IRQ":
            return [first]
        visa = Document(
            type="V",
            number=f"V{rng.randint(10000000, 99999999)}",
            issuing_state="IRQ",
            expiry_date=self.day + timedelta(days=rng.randint(10, 90)),
        )
        return [first, visa]

    def _locator(self) -> str:
        return "".join(self.rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=6))

    def _seat(self, index: int) -> str:
        return f"{index // 6 + 1}{'ABCDEF'[index % 6]}"


def _split(
    travellers: list[Traveller],
    part_size: int | None,
    legs: list[Leg],
    flight_ref: str,
    list_type: str,
    qualifier: str,
) -> list[Message]:
    size = part_size or max(len(travellers), 1)
    chunks = [travellers[i : i + size] for i in range(0, len(travellers), size)] or [[]]
    messages = []
    for number, chunk in enumerate(chunks, start=1):
        message = _message(chunk, legs, flight_ref, list_type, qualifier, reference=f"PAX{number}")
        if len(chunks) > 1:
            message.part, message.last_part = number, number == len(chunks)
        message.declared_counts = {qualifier: len(travellers)}
        messages.append(message)
    return messages


def _message(
    travellers: list[Traveller],
    legs: list[Leg],
    flight_ref: str,
    list_type: str,
    qualifier: str,
    *,
    reference: str,
) -> Message:
    for traveller in travellers:
        traveller.message = reference
    return Message(
        reference=reference,
        message_type="PAXLST",
        version="D:05B:UN:IATA",
        common_access_ref=flight_ref,
        list_type=list_type,
        bgm_code={"passengers": "745", "crew": "250"}[list_type],
        transaction_ref=f"SYN{flight_ref.replace('/', '')}",
        reporting_party=ReportingParty(
            name="SYNTHETIC CARRIER APIS", contacts=[Contact("000 000 0000", "TE")]
        ),
        legs=legs,
        travellers=travellers,
        declared_counts={qualifier: len(travellers)},
    )
