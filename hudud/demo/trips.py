"""Planning one traveller's year: trips, and the entries, exits and refusals they make.

A foreigner's trip is an entry and, unless they are still inside, an exit; an Iraqi living in
Iraq makes the opposite trip (an exit, then the entry home), while the diaspora visits like a
foreigner. Trips never overlap and no two of a traveller's crossings fall on the same day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from hudud.demo import routes

# Days between entry and exit that a stay may last (the stay counts both days).
_ALLOWED_LENGTH = {"IRN": 89}
_PER_ENTRY_LENGTH = 29


@dataclass(frozen=True)
class Window:
    first: date
    last: date  # today
    arbaeen: tuple[date, ...]


@dataclass(frozen=True)
class Move:
    kind: str  # entry, exit or refusal
    day: date
    crossing_point: str
    reasons: str = ""
    bus: bool = False  # a pilgrim who may ride in a bus group


@dataclass(frozen=True)
class Trip:
    start: date
    end: date | None  # None: the trip has not ended by the last day
    there: str  # crossing point of the first move
    back: str  # crossing point of the second move
    outbound: bool = False  # True: an exit first (an Iraqi going abroad)
    bus: bool = False


def weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([v for v, _ in pairs], weights=[w for _, w in pairs])[0]


def plan_moves(rng: random.Random, nationality: str, window: Window) -> list[Move]:
    """Everything one traveller does at the border within the window, in order."""
    if nationality != "IRQ" and rng.random() < routes.REFUSED_SHARE:
        day = _random_day(rng, window.first, window.last)
        point = weighted(rng, routes.ROUTES.get(nationality, routes.DEFAULT_ROUTES))
        return [Move("refusal", day, point, reasons=weighted(rng, routes.REFUSAL_REASONS))]
    fixed: list[Trip] = []
    pilgrimage = _pilgrim_trip(rng, nationality, window)
    # Iraqi pilgrims entering from Iran live abroad: like all the diaspora, they enter first.
    diaspora = nationality == "IRQ" and (pilgrimage is not None or rng.random() < 0.15)
    if pilgrimage is not None:
        fixed.append(pilgrimage)
    elif nationality != "IRQ" and rng.random() < routes.STILL_OVERSTAYING_SHARE:
        fixed.append(_overstaying_trip(rng, nationality, window))
    counts = routes.TRIP_COUNTS.get(nationality, routes.DEFAULT_TRIP_COUNTS)
    wanted = int(weighted(rng, tuple((str(n), w) for n, w in counts)))
    others = [_trip(rng, nationality, window, diaspora) for _ in range(wanted - len(fixed))]
    return _moves(_schedule(fixed, others))


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _point(rng: random.Random, nationality: str) -> str:
    return weighted(rng, routes.ROUTES.get(nationality, routes.DEFAULT_ROUTES))


def _return_point(rng: random.Random, nationality: str, there: str) -> str:
    return there if rng.random() < 0.7 else _point(rng, nationality)


def _trip(rng: random.Random, nationality: str, window: Window, diaspora: bool) -> Trip:
    start = _random_day(rng, window.first, window.last)
    there = _point(rng, nationality)
    back = _return_point(rng, nationality, there)
    if nationality == "IRQ":
        length = rng.randint(5, 45) if diaspora else rng.randint(2, 30)
        return _ending(Trip(start, None, there, back, outbound=not diaspora), length, window)
    return _ending(Trip(start, None, there, back), _visit_length(rng, nationality), window)


def _visit_length(rng: random.Random, nationality: str) -> int:
    allowed = _ALLOWED_LENGTH.get(nationality, _PER_ENTRY_LENGTH)
    if rng.random() < routes.LATE_EXIT_SHARE:
        return allowed + rng.randint(1, 45)
    return min(allowed, 1 + int(rng.expovariate(1 / 6)))


def _ending(trip: Trip, length: int, window: Window) -> Trip:
    end = trip.start + timedelta(days=length)
    return Trip(
        trip.start,
        end if end <= window.last else None,
        trip.there,
        trip.back,
        trip.outbound,
        trip.bus,
    )


def _pilgrim_trip(rng: random.Random, nationality: str, window: Window) -> Trip | None:
    if not window.arbaeen or rng.random() >= routes.PILGRIM_SHARES.get(nationality, 0.02):
        return None
    arbaeen = rng.choice(window.arbaeen)
    start = arbaeen - timedelta(days=int(rng.triangular(0, routes.ARBAEEN_ARRIVAL_DAYS, 3)))
    if not window.first <= start <= window.last:
        return None
    pilgrim_routes = routes.ARBAEEN_ROUTES.get(nationality, routes.DEFAULT_ARBAEEN_ROUTES)
    there = weighted(rng, pilgrim_routes)
    back = there if rng.random() < 0.7 else weighted(rng, pilgrim_routes)
    end = start + timedelta(days=rng.randint(7, 14))
    if end <= arbaeen:
        end = arbaeen + timedelta(days=rng.randint(1, 3))
    bus = not there.endswith("-airport") and rng.random() < routes.BUS_SHARE
    return Trip(start, end if end <= window.last else None, there, back, bus=bus)


def _overstaying_trip(rng: random.Random, nationality: str, window: Window) -> Trip:
    allowed = _ALLOWED_LENGTH.get(nationality, _PER_ENTRY_LENGTH)
    days_ago = min(allowed + rng.randint(5, 120), (window.last - window.first).days)
    there = _point(rng, nationality)
    return Trip(window.last - timedelta(days=days_ago), None, there, there)


def _schedule(fixed: list[Trip], others: list[Trip]) -> list[Trip]:
    """Fixed trips first, then the others that fit between them (a day apart at least)."""
    kept = list(fixed)
    for trip in sorted(others, key=lambda t: t.start):
        if all(_apart(trip, other) for other in kept):
            kept.append(trip)
    return sorted(kept, key=lambda t: t.start)


def _apart(a: Trip, b: Trip) -> bool:
    first, second = (a, b) if a.start <= b.start else (b, a)
    return first.end is not None and first.end < second.start


def _moves(trips: list[Trip]) -> list[Move]:
    moves: list[Move] = []
    for trip in trips:
        go, come = ("exit", "entry") if trip.outbound else ("entry", "exit")
        moves.append(Move(go, trip.start, trip.there, bus=trip.bus))
        if trip.end is not None:
            moves.append(Move(come, trip.end, trip.back))
    return moves
