"""Synthetic flights for tests, the demo and benchmarks, from `hudud.core.paxlst.generate_flight`.

The generator makes seeded, obviously made-up travellers on one of a few routes under carrier
ZZ; this module puts them on a chosen flight (carrier, number, route, departure) and lets a
caller edit travellers before the files are written, e.g. to drop a document number. It imports
no Django, so `hudud manifest generate` starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from hudud.core import paxlst

Editor = Callable[[list[paxlst.Message]], None]


@dataclass(frozen=True)
class FlightPlan:
    carrier: str = "ZZ"
    number: str = "ZZ482"
    origin: str = "IST"
    destination: str = "NJF"
    departure: datetime = datetime(2026, 12, 1, 9, 30)  # noqa: DTZ001 - airport-local
    minutes: int = 150
    passengers: int = 400
    crew: int = 12
    part_size: int | None = None
    seed: int = 1
    charset: str = "UNOA"


def plan_legs(plan: FlightPlan) -> list[paxlst.Leg]:
    return [
        paxlst.Leg(
            flight=plan.number,
            carrier=plan.carrier,
            departure_airport=plan.origin,
            departure_qualifier="125",
            departure_local=plan.departure,
            arrival_airport=plan.destination,
            arrival_qualifier="87",
            arrival_local=plan.departure + timedelta(minutes=plan.minutes),
        )
    ]


def flight_messages(plan: FlightPlan) -> list[paxlst.Message]:
    """The plan's passenger list (split when `part_size` is set) and crew list, as messages."""
    generated = paxlst.generate_flight(
        seed=plan.seed,
        passengers=plan.passengers,
        crew=plan.crew,
        part_size=plan.part_size,
        departure=plan.departure,
        charset=plan.charset,
    )
    legs = plan_legs(plan)
    series = f"{plan.number}/{plan.departure:%y%m%d}"
    messages = []
    for message in generated.messages:
        for traveller in message.travellers:
            traveller.port_of_embarkation = plan.origin
            traveller.port_of_debarkation = plan.destination
            traveller.clearance_place = plan.destination
        messages.append(
            replace(
                message,
                legs=legs,
                common_access_ref=series,
                transaction_ref=f"T{plan.number}{plan.departure:%y%m%d}",
            )
        )
    return messages


def flight_files(
    plan: FlightPlan,
    *,
    edit: Editor | None = None,
    single_file: bool = False,
    control_prefix: str = "",
) -> list[bytes]:
    """The plan's interchanges as a carrier sends them: one per message, or one in all.

    >>> files = flight_files(FlightPlan(passengers=5, crew=2), single_file=True)
    >>> manifest = paxlst.parse(files[0])
    >>> manifest.flight.number, manifest.flight.legs[0].arrival_airport, len(manifest.travellers)
    ('ZZ482', 'NJF', 7)
    """
    messages = flight_messages(plan)
    if edit is not None:
        edit(messages)
    batches = [messages] if single_file else [[m] for m in messages]
    codec = {"UNOW": "utf-8", "UNOC": "latin-1"}.get(plan.charset, "ascii")
    # UNB control references are at most 14 characters: 12 of prefix, 2 of file number.
    prefix = (control_prefix or f"{plan.number[-4:]}{plan.departure:%m%d%H%M}")[:12]
    return [
        paxlst.write_interchange(
            batch,
            syntax=plan.charset,
            sender=plan.carrier,
            control_ref=f"{prefix}{n + 1:02d}",
        ).encode(codec)
        for n, batch in enumerate(batches)
    ]
