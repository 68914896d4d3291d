"""Who comes, how often, and through which crossing points: the shape of the demo's traffic.

Shares are rough orders of magnitude for a demo (Iraqis most numerous, Iranians next and far
more at Arbaeen), not statistics. Arbaeen falls on 20 Safar, so it moves about eleven days
earlier each Gregorian year; the dates below are approximate (the lunar month begins with a
sighting) and serve only to place the demo's surge.
"""

from __future__ import annotations

from datetime import date, timedelta

# Approximate Gregorian dates of Arbaeen (20 Safar).
ARBAEEN_DATES: tuple[date, ...] = (
    date(2024, 8, 25),
    date(2025, 8, 14),
    date(2026, 8, 4),
    date(2027, 7, 24),
    date(2028, 7, 13),
)
# Pilgrims arrive over about two weeks before the day and leave within about a week after it.
ARBAEEN_ARRIVAL_DAYS = 14
_ARRIVALS = timedelta(days=ARBAEEN_ARRIVAL_DAYS)

# Share of travellers per nationality (ICAO codes: D is Germany).
NATIONALITY_SHARES: dict[str, float] = {
    "IRQ": 0.33,
    "IRN": 0.30,
    "TUR": 0.06,
    "PAK": 0.05,
    "SYR": 0.03,
    "JOR": 0.03,
    "KWT": 0.03,
    "IND": 0.025,
    "SAU": 0.02,
    "LBN": 0.02,
    "BGD": 0.015,
    "EGY": 0.015,
    "BHR": 0.015,
    "AZE": 0.01,
    "AFG": 0.01,
    "GBR": 0.005,
    "USA": 0.005,
    "D": 0.004,
    "SWE": 0.003,
    "FRA": 0.002,
    "NLD": 0.002,
    "ITA": 0.001,
}

# Of a nationality's travellers, the share who come as Arbaeen pilgrims (when the year has one).
PILGRIM_SHARES: dict[str, float] = {
    "IRN": 0.65,
    "PAK": 0.55,
    "AFG": 0.5,
    "AZE": 0.45,
    "IND": 0.25,
    "BHR": 0.35,
    "LBN": 0.3,
    "KWT": 0.15,
    "SAU": 0.15,
    "IRQ": 0.05,
    "TUR": 0.03,
    "SYR": 0.1,
}

# How many trips in the year: (count, weight) pairs per nationality.
TRIP_COUNTS: dict[str, tuple[tuple[int, float], ...]] = {
    "IRQ": ((1, 0.5), (2, 0.3), (3, 0.12), (4, 0.08)),
    "TUR": ((1, 0.5), (2, 0.2), (3, 0.15), (5, 0.1), (8, 0.05)),
    "KWT": ((1, 0.6), (2, 0.3), (3, 0.1)),
    "IRN": ((1, 0.75), (2, 0.2), (3, 0.05)),
    "JOR": ((1, 0.7), (2, 0.3)),
}
DEFAULT_TRIP_COUNTS: tuple[tuple[int, float], ...] = ((1, 0.85), (2, 0.15))

Routes = tuple[tuple[str, float], ...]

_AIRPORTS: Routes = (
    ("baghdad-airport", 0.45),
    ("erbil-airport", 0.2),
    ("najaf-airport", 0.15),
    ("basra-airport", 0.12),
    ("sulaymaniyah-airport", 0.08),
)
_WESTERN: Routes = (
    ("erbil-airport", 0.45),
    ("baghdad-airport", 0.38),
    ("basra-airport", 0.1),
    ("sulaymaniyah-airport", 0.07),
)
_SOUTH_ASIA: Routes = (("baghdad-airport", 0.4), ("najaf-airport", 0.35), ("basra-airport", 0.25))

# Where each nationality crosses outside the pilgrimage season.
ROUTES: dict[str, Routes] = {
    "IRQ": (
        ("baghdad-airport", 0.2),
        ("erbil-airport", 0.1),
        ("ibrahim-khalil", 0.12),
        ("najaf-airport", 0.06),
        ("basra-airport", 0.06),
        ("sulaymaniyah-airport", 0.05),
        ("zurbatiya", 0.06),
        ("shalamcheh", 0.05),
        ("safwan", 0.04),
        ("trebil", 0.04),
        ("bashmakh", 0.03),
        ("mandali", 0.02),
        ("al-sheeb", 0.02),
        ("haj-omran", 0.02),
        ("parviz-khan", 0.01),
        ("al-munthiriya", 0.01),
        ("rabia", 0.02),
        ("al-qaim", 0.02),
        ("arar", 0.01),
        ("mosul-airport", 0.02),
        ("kirkuk-airport", 0.01),
        ("nasiriyah-airport", 0.01),
    ),
    "IRN": (
        ("zurbatiya", 0.2),
        ("shalamcheh", 0.15),
        ("al-sheeb", 0.08),
        ("mandali", 0.08),
        ("al-munthiriya", 0.06),
        ("bashmakh", 0.08),
        ("parviz-khan", 0.05),
        ("haj-omran", 0.06),
        ("najaf-airport", 0.1),
        ("baghdad-airport", 0.08),
        ("sulaymaniyah-airport", 0.03),
        ("erbil-airport", 0.03),
    ),
    "AFG": (("zurbatiya", 0.4), ("shalamcheh", 0.2), ("mandali", 0.1), *_SOUTH_ASIA[:2]),
    "TUR": (
        ("ibrahim-khalil", 0.6),
        ("erbil-airport", 0.2),
        ("baghdad-airport", 0.1),
        ("sulaymaniyah-airport", 0.05),
        ("basra-airport", 0.03),
        ("najaf-airport", 0.02),
    ),
    "AZE": (("najaf-airport", 0.45), ("baghdad-airport", 0.35), ("erbil-airport", 0.2)),
    "SYR": (
        ("rabia", 0.25),
        ("al-qaim", 0.25),
        ("baghdad-airport", 0.2),
        ("erbil-airport", 0.2),
        ("najaf-airport", 0.1),
    ),
    "JOR": (
        ("trebil", 0.5),
        ("baghdad-airport", 0.35),
        ("erbil-airport", 0.1),
        ("basra-airport", 0.05),
    ),
    "KWT": (
        ("safwan", 0.7),
        ("basra-airport", 0.1),
        ("najaf-airport", 0.1),
        ("baghdad-airport", 0.1),
    ),
    "SAU": (
        ("arar", 0.6),
        ("najaf-airport", 0.2),
        ("baghdad-airport", 0.15),
        ("basra-airport", 0.05),
    ),
    "BHR": (
        ("najaf-airport", 0.4),
        ("baghdad-airport", 0.3),
        ("safwan", 0.2),
        ("basra-airport", 0.1),
    ),
    "LBN": (("baghdad-airport", 0.45), ("najaf-airport", 0.4), ("erbil-airport", 0.15)),
    "EGY": (
        ("baghdad-airport", 0.6),
        ("basra-airport", 0.2),
        ("erbil-airport", 0.1),
        ("najaf-airport", 0.1),
    ),
    "PAK": _SOUTH_ASIA,
    "IND": _SOUTH_ASIA,
    "BGD": _SOUTH_ASIA,
}
DEFAULT_ROUTES: Routes = _WESTERN

# Where Arbaeen pilgrims enter: the eastern land crossings, above all Zurbatiya (opposite
# Mehran), and Najaf airport.
_EASTERN_PILGRIMS: Routes = (
    ("zurbatiya", 0.47),
    ("shalamcheh", 0.18),
    ("al-sheeb", 0.12),
    ("mandali", 0.08),
    ("al-munthiriya", 0.03),
    ("najaf-airport", 0.07),
    ("baghdad-airport", 0.02),
    ("bashmakh", 0.01),
    ("parviz-khan", 0.01),
    ("haj-omran", 0.01),
)
ARBAEEN_ROUTES: dict[str, Routes] = {
    "IRN": _EASTERN_PILGRIMS,
    "AFG": _EASTERN_PILGRIMS,
    "IRQ": (("zurbatiya", 0.4), ("shalamcheh", 0.2), ("al-sheeb", 0.1), ("najaf-airport", 0.3)),
    "PAK": (
        ("zurbatiya", 0.3),
        ("shalamcheh", 0.1),
        ("najaf-airport", 0.4),
        ("baghdad-airport", 0.15),
        ("basra-airport", 0.05),
    ),
    "AZE": (("zurbatiya", 0.3), ("najaf-airport", 0.5), ("baghdad-airport", 0.2)),
    "KWT": (("safwan", 0.6), ("najaf-airport", 0.4)),
    "SAU": (("arar", 0.3), ("najaf-airport", 0.7)),
}
DEFAULT_ARBAEEN_ROUTES: Routes = (("najaf-airport", 0.7), ("baghdad-airport", 0.3))

# Nationalities whose refused travellers are turned back at land crossings or airports alike;
# refusal reasons (EES codes) with their weights. F (stay used up) is left to the scenarios.
REFUSAL_REASONS: tuple[tuple[str, float], ...] = (
    ("C", 0.3),
    ("E", 0.2),
    ("A", 0.15),
    ("G", 0.1),
    ("H", 0.08),
    ("I", 0.05),
    ("B", 0.04),
    ("D", 0.03),
    ("CE", 0.05),
)

# Of foreign trips: the share that leave late, and of foreign travellers: the share still in
# the country past their last allowed day.
LATE_EXIT_SHARE = 0.02
STILL_OVERSTAYING_SHARE = 0.015
REFUSED_SHARE = 0.006
EXPIRED_SINCE_SHARE = 0.04
# Share of land-crossing pilgrims who come by bus in a group (the rest on foot or by car).
BUS_SHARE = 0.45


def arbaeen_in(first: date, last: date) -> list[date]:
    """The Arbaeen days whose arrivals (the two weeks before the day) fall in [first, last].

    >>> arbaeen_in(date(2025, 11, 22), date(2026, 11, 22))
    [datetime.date(2026, 8, 4)]
    """
    return [d for d in ARBAEEN_DATES if first <= d and d - _ARRIVALS <= last]
