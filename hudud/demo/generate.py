"""The generator: synthetic travellers, their passports and a year of crossings, in memory.

Pure Python and deterministic: the same configuration (seed, size, days and "now") gives the
same travellers, ids and times, so a demo can be rebuilt exactly. Nothing here touches the
database; `load` writes the result with bulk inserts.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from hudud.core import mrz
from hudud.demo import documents, names, routes
from hudud.demo.documents import Passport
from hudud.demo.lanes import LanePicker
from hudud.demo.trips import Move, Window, plan_moves

# Line officers posted at each crossing point; a crossing names one of them by slot.
OFFICERS_PER_POINT = 2
# Traffic by hour of day (local time): land crossings sleep at night, airports less so.
_LAND_HOURS = (1, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 10, 9, 9, 9, 9, 8, 8, 7, 6, 5, 4, 3, 2)
_AIR_HOURS = (5, 4, 4, 5, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 6)


@dataclass(frozen=True)
class GenerationConfig:
    travellers: int
    seed: int
    days: int
    now: datetime  # aware, in the local time zone: crossings end at this moment
    reserved_numbers: frozenset[tuple[str, str]] = frozenset()  # (issuer, number) not to use


@dataclass(slots=True)
class GenCrossing:
    id: uuid.UUID
    client_id: uuid.UUID
    kind: str
    crossing_point: str
    occurred_at: datetime
    lane: str
    officer_slot: int
    refusal_reasons: str = ""
    bus: bool = False
    group: uuid.UUID | None = None
    vehicle: tuple[str, str] | None = None  # registration country, plate
    overstay_days: int = 0


@dataclass(slots=True)
class GenTraveller:
    id: uuid.UUID
    surname: str
    given_names: str
    name_ar: str
    birth_date: date
    sex: str
    nationality: str
    passport: Passport
    crossings: list[GenCrossing] = field(default_factory=list)
    is_present: bool = False
    stay_entry_date: date | None = None
    stay_last_allowed_day: date | None = None


@dataclass(frozen=True)
class GenGroup:
    id: uuid.UUID
    reference: str
    crossing_point: str
    opened_at: datetime
    officer_slot: int
    vehicle: tuple[str, str]


@dataclass
class DemoData:
    travellers: list[GenTraveller]
    groups: list[GenGroup]

    def crossings(self) -> list[GenCrossing]:
        return [c for t in self.travellers for c in t.crossings]


def generate(config: GenerationConfig) -> DemoData:
    """Travellers and crossings for the `config.days` days ending on the day of `config.now`."""
    rng = random.Random(config.seed)
    today = config.now.date()
    first = today - timedelta(days=config.days - 1)
    window = Window(first, today, tuple(routes.arbaeen_in(first, today)))
    nationalities = list(routes.NATIONALITY_SHARES)
    cumulative = list(accumulate(routes.NATIONALITY_SHARES.values()))
    builder = _Builder(rng, config, set(config.reserved_numbers))
    for _ in range(config.travellers):
        nationality = rng.choices(nationalities, cum_weights=cumulative)[0]
        builder.add(nationality, plan_moves(rng, nationality, window))
    groups = _form_bus_groups(rng, builder.travellers, builder.lanes, config.now)
    return DemoData(builder.travellers, groups)


def new_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def moment(rng: random.Random, day: date, *, air: bool, now: datetime) -> datetime:
    """A time on `day` (local), busier by day at land crossings, never after `now`."""
    hour = rng.choices(range(24), weights=_AIR_HOURS if air else _LAND_HOURS)[0]
    seconds = hour * 3600 + rng.randrange(3600)
    if day == now.date():
        elapsed = now.hour * 3600 + now.minute * 60 + now.second
        seconds = min(seconds, rng.randrange(max(1, elapsed)))
    start = datetime.combine(day, time(), tzinfo=now.tzinfo)
    return start + timedelta(seconds=seconds)


def birth_date(rng: random.Random, today: date) -> tuple[date, bool]:
    """A birth date, and whether the person is a child."""
    child = rng.random() < 0.12
    age = rng.randint(1, 17) if child else int(rng.triangular(18, 82, 34))
    return today - timedelta(days=age * 365 + rng.randint(0, 364)), child


def mrz_of(traveller: GenTraveller) -> str:
    """The TD3 zone of the traveller's passport, as a document reader would send it."""
    passport = traveller.passport
    return mrz.generate_td3(
        issuing_state=passport.issuing_state,
        surname=traveller.surname,
        given_names=traveller.given_names,
        document_number=passport.number,
        nationality=traveller.nationality,
        birth_date=traveller.birth_date,
        sex=traveller.sex,
        expiry_date=passport.expiry_date,
    )


class _Builder:
    def __init__(
        self, rng: random.Random, config: GenerationConfig, used: set[tuple[str, str]]
    ) -> None:
        self.rng, self.now, self.used = rng, config.now, used
        self.today = config.now.date()
        self.lanes = LanePicker(_points())
        self.travellers: list[GenTraveller] = []

    def add(self, nationality: str, moves: list[Move]) -> None:
        rng = self.rng
        born, child = birth_date(rng, self.today)
        sex = rng.choice("MF") if child else ("M" if rng.random() < 0.6 else "F")
        person = names.person_name(rng, names.group_for(rng, nationality), sex)
        number = documents.unique_number(rng, nationality, self.used)
        passport = Passport(nationality, number, self._expiry(nationality, moves))
        traveller = GenTraveller(
            new_uuid(rng),
            person.surname,
            person.given_names,
            person.name_ar,
            born,
            sex,
            nationality,
            passport,
        )
        traveller.crossings = [self._crossing(move) for move in moves]
        self.travellers.append(traveller)

    def _expiry(self, issuer: str, moves: list[Move]) -> date:
        rng = self.rng
        refused_a = [m.day for m in moves if m.kind == "refusal" and "A" in m.reasons]
        if refused_a:
            return refused_a[0] - timedelta(days=rng.randint(5, 400))
        # Entry needs a valid passport; leaving does not, so it may lapse after the last entry.
        entries = [m.day for m in moves if m.kind == "entry"]
        last_entry = max(entries, default=self.today)
        lapse = (self.today - last_entry).days >= 2 and rng.random() < routes.EXPIRED_SINCE_SHARE
        if lapse:
            return documents.lapsed_expiry(rng, last_entry, self.today)
        return documents.valid_expiry(rng, issuer, self.today)

    def _crossing(self, move: Move) -> GenCrossing:
        rng = self.rng
        air = move.crossing_point.endswith("-airport")
        direction = "exit" if move.kind == "exit" else "entry"
        return GenCrossing(
            id=new_uuid(rng),
            client_id=new_uuid(rng),
            kind=move.kind,
            crossing_point=move.crossing_point,
            occurred_at=moment(rng, move.day, air=air, now=self.now),
            lane=self.lanes.pick(rng, move.crossing_point, direction),
            officer_slot=rng.randrange(OFFICERS_PER_POINT),
            refusal_reasons=move.reasons,
            bus=move.bus,
        )


def _points() -> list[tuple[str, str]]:
    codes: set[str] = set()
    for table in (routes.ROUTES, routes.ARBAEEN_ROUTES):
        for pairs in table.values():
            codes.update(code for code, _ in pairs)
    codes.update(code for code, _ in routes.DEFAULT_ROUTES + routes.DEFAULT_ARBAEEN_ROUTES)
    return [(code, "air" if code.endswith("-airport") else "land") for code in sorted(codes)]


def _form_bus_groups(
    rng: random.Random, travellers: list[GenTraveller], lanes: LanePicker, now: datetime
) -> list[GenGroup]:
    """Seat the pilgrims who came by bus in buses of 30 to 50, per crossing point, day and
    nationality; each bus crosses together, in one lane, seconds apart."""
    waiting: dict[tuple[str, date, str], list[GenCrossing]] = defaultdict(list)
    for traveller in travellers:
        for crossing in traveller.crossings:
            if crossing.bus:
                key = (crossing.crossing_point, crossing.occurred_at.date(), traveller.nationality)
                waiting[key].append(crossing)
    groups: list[GenGroup] = []
    plates: set[str] = set()
    for (point, day, nationality), seated in sorted(waiting.items()):
        while seated:
            size = rng.randint(30, 50)
            bus, seated = seated[:size], seated[size:]
            lane = lanes.pick(rng, point, "entry", bus=True)
            groups.append(
                _board(rng, bus, (point, day, nationality, lane), now, plates, len(groups))
            )
    return groups


def _board(
    rng: random.Random,
    bus: list[GenCrossing],
    where: tuple[str, date, str, str],  # crossing point, day, nationality, lane
    now: datetime,
    plates: set[str],
    index: int,
) -> GenGroup:
    point, day, nationality, lane = where
    plate = _plate(rng, plates)
    opened = moment(rng, day, air=False, now=now)
    group = GenGroup(
        id=new_uuid(rng),
        reference=f"{point.upper()}-{day:%Y%m%d}-{index + 1:04d}",
        crossing_point=point,
        opened_at=opened,
        officer_slot=rng.randrange(OFFICERS_PER_POINT),
        vehicle=(nationality, plate),
    )
    for seat, crossing in enumerate(bus):
        crossing.occurred_at = min(opened + timedelta(seconds=20 * seat), now)
        crossing.group, crossing.vehicle = group.id, group.vehicle
        crossing.lane, crossing.officer_slot = lane, group.officer_slot
    return group


def _plate(rng: random.Random, plates: set[str]) -> str:
    while True:
        plate = f"{rng.randint(10, 99)} B {rng.randint(100, 999)} {rng.randint(10, 99)}"
        if plate not in plates:
            plates.add(plate)
            return plate
