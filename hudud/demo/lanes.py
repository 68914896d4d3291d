"""The lanes of each operational crossing point: desks at airports; pedestrian, vehicle, bus and
freight lanes at land crossings; a passenger and a freight lane at sea and river ports."""

from __future__ import annotations

import random
from collections.abc import Iterable

LaneSpec = tuple[str, str, str]  # code, kind (Lane.Kind), direction (entry, exit, both)

# Crossing points with more than the usual number of lanes (arrival desks, or bus lanes).
_BIG_AIRPORTS = {"baghdad-airport": 8, "najaf-airport": 6, "erbil-airport": 6}
_BUS_LANES = {"zurbatiya": 8, "shalamcheh": 4, "al-sheeb": 3, "mandali": 3}


def lanes_for(code: str, kind: str) -> list[LaneSpec]:
    """The lanes to create at crossing point `code` of kind `kind` (land, air, sea, river).

    >>> lanes_for("kirkuk-airport", "air")[:2]
    [('A01', 'desk', 'entry'), ('A02', 'desk', 'entry')]
    """
    if kind == "air":
        desks = _BIG_AIRPORTS.get(code, 3)
        arrivals = [(f"A{n:02d}", "desk", "entry") for n in range(1, desks + 1)]
        departures = [(f"D{n:02d}", "desk", "exit") for n in range(1, desks + 1)]
        return [*arrivals, *departures, ("DIP", "diplomatic", "both")]
    if kind == "land":
        buses = _BUS_LANES.get(code, 1)
        return [
            ("P01", "pedestrian", "entry"),
            ("P02", "pedestrian", "exit"),
            ("V01", "vehicle", "entry"),
            ("V02", "vehicle", "exit"),
            *[(f"B{n:02d}", "bus", "entry") for n in range(1, buses + 1)],
            ("BX1", "bus", "exit"),
            ("T01", "truck", "both"),
        ]
    return [("P01", "pedestrian", "both"), ("T01", "truck", "both")]


class LanePicker:
    """Chooses a lane for a crossing from the lanes planned at each crossing point."""

    def __init__(self, points: Iterable[tuple[str, str]]) -> None:
        self._lanes = {code: lanes_for(code, kind) for code, kind in points}

    def pick(self, rng: random.Random, code: str, direction: str, *, bus: bool = False) -> str:
        lanes = self._lanes[code]
        wanted = self._wanted(rng, lanes, bus)
        matching = [c for c, k, d in lanes if k in wanted and d in (direction, "both")]
        if not matching:
            matching = [c for c, _, d in lanes if d in (direction, "both")]
        return rng.choice(matching)

    @staticmethod
    def _wanted(rng: random.Random, lanes: list[LaneSpec], bus: bool) -> set[str]:
        kinds = {kind for _, kind, _ in lanes}
        if "desk" in kinds:
            return {"desk"}
        if bus:
            return {"bus"}
        if "vehicle" in kinds:
            return {"pedestrian"} if rng.random() < 0.45 else {"vehicle"}
        return {"pedestrian"}
