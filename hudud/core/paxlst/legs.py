"""Flight legs from TDT, LOC and DTM.

Each TDT+20 names a flight (`TDT+20+ZZ123+++ZZ`: conveyance reference, then the carrier in the
fifth element) and is followed by its stops: `LOC+125` the last airport abroad, `LOC+87` the
first airport of arrival, `LOC+92` any stop of a progressive (multi-leg) routing, each with
`DTM+189` (departure) and/or `DTM+232` (arrival). Consecutive stops of one TDT make its legs:
two stops one leg, three stops two legs under the same flight number.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime

from .dates import read_moment
from .issues import IssueLog, Locator
from .model import Leg
from .syntax import Segment

# Where a stop belongs in its TDT's routing when a carrier sends them out of order.
_ORDER = {"125": 0, "92": 1, "87": 2}


@dataclass(slots=True)
class _Stop:
    airport: str | None
    qualifier: str
    departure: datetime | None = None
    arrival: datetime | None = None


@dataclass(slots=True)
class _Transport:
    flight: str | None
    carrier: str | None
    stops: list[_Stop] = field(default_factory=list)


class LegBuilder:
    """Collects TDT, LOC and DTM segments in message order; `finish` gives the legs."""

    def __init__(self, log: IssueLog, locator: Locator) -> None:
        self.log, self.locator = log, locator
        self.transports: list[_Transport] = []

    def tdt(self, segment: Segment) -> None:
        self.transports.append(_Transport(segment.value(2) or None, segment.value(5) or None))

    def loc(self, segment: Segment) -> None:
        if not self.transports:
            self._warn("loc_without_tdt", segment, "an airport (LOC) before any flight (TDT)")
            self.transports.append(_Transport(None, None))
        airport = segment.value(2) or segment.value(2, 4) or None
        self.transports[-1].stops.append(_Stop(airport, segment.value(1)))

    def dtm(self, segment: Segment) -> None:
        stops = self.transports[-1].stops if self.transports else []
        if not stops:
            self._warn("dtm_without_loc", segment, "a departure or arrival time before any LOC")
            return
        raw = segment.value(1, 2)
        moment = read_moment(raw, segment.value(1, 3))
        if moment is None:
            self._warn("invalid_datetime", segment, f"{raw!r} is not a date-time YYMMDDHHMM")
        if segment.value(1) == "189":
            stops[-1].departure = moment
        else:
            stops[-1].arrival = moment

    def finish(self) -> list[Leg]:
        legs: list[Leg] = []
        for transport in self.transports:
            stops = sorted(transport.stops, key=lambda stop: _ORDER.get(stop.qualifier, 1))
            if len(stops) < 2:
                legs.append(_partial_leg(transport, stops))
            for start, end in itertools.pairwise(stops):
                legs.append(
                    Leg(
                        flight=transport.flight,
                        carrier=transport.carrier,
                        departure_airport=start.airport,
                        departure_qualifier=start.qualifier,
                        departure_local=start.departure,
                        arrival_airport=end.airport,
                        arrival_qualifier=end.qualifier,
                        arrival_local=end.arrival,
                    )
                )
        return legs

    def _warn(self, code: str, segment: Segment, message: str) -> None:
        where = self.locator.locate(segment.number, segment.tag, segment.offset)
        self.log.warn(code, "flight", message, where)


def _partial_leg(transport: _Transport, stops: list[_Stop]) -> Leg:
    leg = Leg(flight=transport.flight, carrier=transport.carrier)
    if stops:
        stop = stops[0]
        if stop.qualifier == "87" or (stop.arrival is not None and stop.departure is None):
            leg.arrival_airport, leg.arrival_qualifier = stop.airport, stop.qualifier
            leg.arrival_local = stop.arrival
        else:
            leg.departure_airport, leg.departure_qualifier = stop.airport, stop.qualifier
            leg.departure_local = stop.departure
    return leg
