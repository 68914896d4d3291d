"""Synthetic passports: a number in each issuer's style, an issue date and an expiry.

The number patterns imitate the look of each issuer's passports (Iraq: a letter and eight
digits, Türkiye: U and eight digits, Pakistan: two letters and seven digits, ...). They are
plausible, not official formats, and no check is made against any real register.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date, timedelta

# `#` a digit, `@` a letter from the issuer's pool, anything else literal.
_FORMATS: dict[str, tuple[str, str, int]] = {
    # issuer: (pattern, letter pool, validity in years)
    "IRQ": ("A########", "A", 8),
    "IRN": ("@########", "ABKLUXYZ", 5),
    "TUR": ("U########", "U", 10),
    "SYR": ("N########", "N", 6),
    "JOR": ("@######", "NPRST", 5),
    "KWT": ("P########", "P", 10),
    "SAU": ("@#######", "ABDFKLRU", 5),
    "LBN": ("RL#######", "", 10),
    "PAK": ("@@#######", "ABCDEFGHJKLMNPRSTUVWXYZ", 5),
    "IND": ("@#######", "JKLMNPRSTUVWZ", 10),
    "BGD": ("@@#######", "ABCEFGHJK", 10),
    "EGY": ("A########", "A", 7),
    "BHR": ("#########", "", 10),
    "AZE": ("C########", "C", 10),
    "AFG": ("P########", "P", 10),
    "GBR": ("#########", "", 10),
    "USA": ("A########", "A", 10),
    "D": ("C@@######", "CFGHJKLMNPRTVWXYZ", 10),
    "FRA": ("##@@#####", "ABCDEFGHJKLMNPRSTUVWXYZ", 10),
    "SWE": ("########", "", 5),
    "NLD": ("N@@######", "BCDFGHJKLMNPRSTVWXYZ", 10),
    "ITA": ("@@#######", "ABCDEFGHJKLMNPRSTUVWXYZ", 10),
}
_DEFAULT_FORMAT = ("@########", string.ascii_uppercase, 10)


@dataclass(frozen=True)
class Passport:
    issuing_state: str
    number: str
    expiry_date: date
    document_code: str = "P"

    @property
    def kind(self) -> str:
        return self.document_code[:1]


def passport_number(rng: random.Random, issuer: str) -> str:
    """A number in `issuer`'s style.

    >>> passport_number(random.Random(1), "IRQ")[0], len(passport_number(random.Random(1), "IRQ"))
    ('A', 9)
    """
    pattern, pool, _ = _FORMATS.get(issuer, _DEFAULT_FORMAT)
    chars = []
    for char in pattern:
        if char == "#":
            chars.append(str(rng.randrange(10)))
        elif char == "@":
            chars.append(rng.choice(pool))
        else:
            chars.append(char)
    return "".join(chars)


def validity_years(issuer: str) -> int:
    return _FORMATS.get(issuer, _DEFAULT_FORMAT)[2]


def unique_number(rng: random.Random, issuer: str, used: set[tuple[str, str]]) -> str:
    """A number not yet in `used` (which it joins): two travellers never share a passport."""
    while True:
        number = passport_number(rng, issuer)
        if (issuer, number) not in used:
            used.add((issuer, number))
            return number


def valid_expiry(rng: random.Random, issuer: str, must_cover: date) -> date:
    """An expiry after `must_cover`, as if issued at a random point of the validity period."""
    years = validity_years(issuer)
    return must_cover + timedelta(days=rng.randint(20, years * 365))


def lapsed_expiry(rng: random.Random, after: date, before: date) -> date:
    """An expiry between `after` (the last day the passport was used) and `before` (today)."""
    span = (before - after).days
    if span < 2:
        return before - timedelta(days=1)
    return after + timedelta(days=rng.randint(1, span - 1))
