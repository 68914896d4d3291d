"""The journeys' travellers (shared/journeys.md): their MRZs, and the history some of them need.

The people and their passports are the same in every demo (a fixed random stream, fixed
document dates), so `hudud demo scenarios` prints the same MRZs whatever seed was loaded. The
history is dated relative to the day of `hudud demo load`: the overstay is 12 days on that day
and grows by one each day after; reload a fresh database to reset it.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from hudud.agencies.models import Agency, Officer
from hudud.border.documents import document_from_mrz
from hudud.border.models import Crossing, Permit, Traveller
from hudud.border.services import CrossingRequest, crossing_record
from hudud.common.actor import Actor
from hudud.core import mrz
from hudud.demo import documents, names
from hudud.demo.generate import birth_date

_STREAM = "hudud-demo-scenarios"
# Fixed so the MRZs never change: long valid, or expired before any demo is loaded.
_VALID_FROM, _VALID_TO = date(2028, 1, 1), date(2034, 12, 31)
EXPIRED_ON = date(2025, 6, 30)
PILGRIMS = 48
EXPIRED_PILGRIM = 17  # index of the expired passport in the pilgrim bus
# Index of the pilgrim whose name is on the demo entry-ban list (born twenty years later than
# the listed person: the hit that secondary inspection dismisses in journey 2).
WATCHLIST_PILGRIM = 4
OVERSTAY_DAYS = 12
PER_ENTRY_DAYS = 30


@dataclass(frozen=True)
class Person:
    surname: str
    given_names: str
    name_ar: str
    nationality: str
    sex: str
    birth_date: date
    number: str
    expiry_date: date

    def mrz(self) -> str:
        return mrz.generate_td3(
            issuing_state=self.nationality,
            surname=self.surname,
            given_names=self.given_names,
            document_number=self.number,
            nationality=self.nationality,
            birth_date=self.birth_date,
            sex=self.sex,
            expiry_date=self.expiry_date,
        )


@dataclass(frozen=True)
class Scenario:
    description: str
    crossing_point: str
    direction: str
    mrzs: tuple[str, ...]
    people: tuple[Person, ...] = ()
    single: bool = True  # printed as "mrz" rather than "mrzs"

    def as_json(self) -> dict[str, Any]:
        shown: dict[str, Any] = {
            "description": self.description,
            "crossing_point": self.crossing_point,
            "direction": self.direction,
        }
        if self.single:
            shown["mrz"] = self.mrzs[0]
        else:
            shown["mrzs"] = list(self.mrzs)
        return shown


class _People:
    def __init__(self) -> None:
        self.rng = random.Random(_STREAM)
        self.used: set[tuple[str, str]] = set()

    def person(self, nationality: str, *, sex: str = "M", expiry: date | None = None) -> Person:
        rng = self.rng
        name = names.person_name(rng, names.group_for(rng, nationality), sex)
        born, _ = birth_date(rng, date(2026, 1, 1))
        if born > date(2007, 1, 1):  # journeys' travellers are adults
            born = born.replace(year=born.year - 20)
        number = documents.unique_number(rng, nationality, self.used)
        expiry = expiry or _VALID_FROM + timedelta(
            days=rng.randint(0, (_VALID_TO - _VALID_FROM).days)
        )
        return Person(
            name.surname, name.given_names, name.name_ar, nationality, sex, born, number, expiry
        )


@cache
def scenarios() -> dict[str, Scenario]:
    """Every scenario by name, in the order of the journeys."""
    people = _People()
    pilgrims = tuple(
        people.person(
            "IRN",
            sex="F" if i % 3 == 2 else "M",
            expiry=EXPIRED_ON if i == EXPIRED_PILGRIM else None,
        )
        for i in range(PILGRIMS)
    )
    overstayer, iraqi, turk = people.person("EGY"), people.person("IRQ"), people.person("TUR")
    garbled = people.person("JOR", sex="F")
    kuwaiti = people.person("KWT", expiry=EXPIRED_ON)
    iranian = people.person("IRN")
    return {
        "pilgrim_bus_zurbatiya": Scenario(
            f"Journey 1. A pilgrim bus at Zurbatiya: {PILGRIMS} Iranian passports not yet in the "
            f"database, for group mode. Passport {EXPIRED_PILGRIM + 1} expired on "
            f"{EXPIRED_ON}: refuse it with reason A. Passport {WATCHLIST_PILGRIM + 1} "
            f"({pilgrims[WATCHLIST_PILGRIM].given_names} {pilgrims[WATCHLIST_PILGRIM].surname}) "
            "is a possible match on the national entry-ban list: the check is red, an alert "
            "is raised; send the traveller to secondary inspection, where the listed birth "
            "date turns out twenty years earlier: dismiss with a reason and clear the "
            "traveller (journey 2). Record the others.",
            "zurbatiya",
            "entry",
            tuple(p.mrz() for p in pilgrims),
            pilgrims,
            single=False,
        ),
        "overstay_exit_baghdad": Scenario(
            f"Journey 3. Entered Baghdad airport on a {PER_ENTRY_DAYS}-day visa on arrival "
            f"{PER_ENTRY_DAYS + OVERSTAY_DAYS - 1} days before the demo was loaded and is still "
            f"inside: on the day of loading, the exit shows an overstay of {OVERSTAY_DAYS} days "
            "and the residence fine due by the fee schedule.",
            "baghdad-airport",
            "exit",
            (overstayer.mrz(),),
            (overstayer,),
        ),
        "returning_iraqi_ibrahim_khalil": Scenario(
            "Journey 4. An Iraqi who last left through Ibrahim Khalil in 2022 returns: record "
            "the entry; a Migrant Resource Centre referral is offered (with the cases work).",
            "ibrahim-khalil",
            "entry",
            (iraqi.mrz(),),
            (iraqi,),
        ),
        "garbled_mrz": Scenario(
            "Journey 8. Bad input: the first MRZ has a wrong birth-date check digit (line 2, "
            "position 20; every other check passes), the second is cut short on line 2.",
            "trebil",
            "entry",
            _garbled(garbled.mrz()),
            (garbled,),
            single=False,
        ),
        "clean_entry_turkish_ibrahim_khalil": Scenario(
            "A Turkish visitor with one earlier trip (about four months ago) enters: all clean.",
            "ibrahim-khalil",
            "entry",
            (turk.mrz(),),
            (turk,),
        ),
        "expired_document_safwan": Scenario(
            f"A Kuwaiti whose passport expired on {EXPIRED_ON} arrives at Safwan: the entry is "
            "blocked; refuse with reason A. An earlier trip in May 2025 is on record.",
            "safwan",
            "entry",
            (kuwaiti.mrz(),),
            (kuwaiti,),
        ),
        "stay_used_rolling_iran": Scenario(
            "An Iranian who spent 90 of the last 180 days in Iraq (entered 150 days before the "
            "demo was loaded, left 61 days before) and is outside: under the rolling 90/180 "
            "rule no day is left, so entry that day must be refused with reason F.",
            "zurbatiya",
            "entry",
            (iranian.mrz(),),
            (iranian,),
        ),
    }


def watchlist_match() -> Person:
    """The pilgrim whose namesake is on the demo entry-ban list (journeys 1 and 2)."""
    return scenarios()["pilgrim_bus_zurbatiya"].people[WATCHLIST_PILGRIM]


def _garbled(zone: str) -> tuple[str, str]:
    """The zone with its birth-date check digit wrong (composite recomputed, so only that one
    check fails), and the zone with line 2 cut short."""
    line1, line2 = zone.splitlines()
    wrong = str((int(line2[19]) + 5) % 10)
    chars = list(line2[:19] + wrong + line2[20:])
    composite = line2[0:10] + "".join(chars[13:20]) + "".join(chars[21:43])
    chars[43] = mrz.check_digit(composite) or "0"
    return f"{line1}\n{''.join(chars)}", f"{line1}\n{line2[:31]}"


def reserved_numbers() -> frozenset[tuple[str, str]]:
    """The scenarios' passports, which the generator must not hand to anyone else."""
    return frozenset((p.nationality, p.number) for s in scenarios().values() for p in s.people)


Officers = Mapping[tuple[str, int], Officer]


def scenarios_build(*, now: datetime, officers: Officers) -> None:
    """Record the history the journeys need, through the crossing service itself."""
    today = now.date()
    record = _recorder(now, officers)
    all_scenarios = scenarios()
    overstayer = all_scenarios["overstay_exit_baghdad"].people[0]
    entered = today - timedelta(days=PER_ENTRY_DAYS + OVERSTAY_DAYS - 1)
    entry = record(overstayer, "entry", "baghdad-airport", entered)
    _visa_on_arrival(entry, entered)
    iraqi = all_scenarios["returning_iraqi_ibrahim_khalil"].people[0]
    record(iraqi, "exit", "ibrahim-khalil", date(2022, 3, 14))
    turk = all_scenarios["clean_entry_turkish_ibrahim_khalil"].people[0]
    record(turk, "entry", "ibrahim-khalil", today - timedelta(days=120))
    record(turk, "exit", "ibrahim-khalil", today - timedelta(days=113))
    kuwaiti = all_scenarios["expired_document_safwan"].people[0]
    record(kuwaiti, "entry", "safwan", date(2025, 5, 10))
    record(kuwaiti, "exit", "safwan", date(2025, 5, 13))
    iranian = all_scenarios["stay_used_rolling_iran"].people[0]
    record(iranian, "entry", "zurbatiya", today - timedelta(days=150))
    record(iranian, "exit", "zurbatiya", today - timedelta(days=61))


def _recorder(now: datetime, officers: Officers) -> Callable[[Person, str, str, date], Crossing]:
    rng = random.Random(f"{_STREAM}:history")

    def record(person: Person, kind: str, point: str, day: date) -> Crossing:
        at = datetime.combine(day, time(10 + rng.randrange(6), rng.randrange(60)), now.tzinfo)
        request = CrossingRequest(
            client_id=uuid.UUID(int=rng.getrandbits(128), version=4),
            kind=kind,
            crossing_point_code=point,
            document=document_from_mrz(person.mrz(), today=day),
            occurred_at=at,
        )
        crossing = crossing_record(actor=Actor(officers[(point, 0)]), request=request).crossing
        if person.name_ar:
            Traveller.objects.filter(pk=crossing.traveller_id).update(name_ar=person.name_ar)
        return crossing

    return record


def _visa_on_arrival(entry: Crossing, entered: date) -> None:
    permit = Permit.objects.create(
        traveller_id=entry.traveller_id,
        kind=Permit.Kind.VISA_ON_ARRIVAL,
        number=f"VOA-DEMO-{entered:%Y%m%d}",
        issued_by=Agency.objects.get(code="moi-residency"),
        valid_from=entered,
        valid_until=entered + timedelta(days=PER_ENTRY_DAYS - 1),
        max_stay_days=PER_ENTRY_DAYS,
        entries_allowed=1,
    )
    Crossing.objects.filter(pk=entry.pk).update(permit=permit)
