"""Dates in the MRZ: YYMMDD, with the century left for the reader to infer.

Birth date: never after today, nor after the expiry date. When 20YY would be, the holder was born
in 19YY, with certainty. When both readings are possible (a child or a centenarian?) the MRZ
alone cannot tell: the date is left None and both candidates are reported, unless an issuer's
personal number settles it (see `hints`).

Expiry date: the one reading within 50 years either side of today, so 700601 reads as 2070 and
810913 as 1981 in 2026. An expiry of `<<<<<<` means the document states none (Russian internal
passports); a date with some `<` has unknown parts. Both give None without an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class DateReading:
    """`value` if certain; `candidates` every calendar-valid reading allowed; `status` says why."""

    value: date | None
    candidates: tuple[date, ...]
    # "ok", "ambiguous", "not_stated" (all `<`), "partly_unknown", "invalid" (not a calendar
    # date), "impossible" (a birth date after today or after the expiry date in every century)
    status: str


_NOT_STATED = DateReading(None, (), "not_stated")
_PARTLY_UNKNOWN = DateReading(None, (), "partly_unknown")
_INVALID = DateReading(None, (), "invalid")


def read_birth_date(
    raw: str, *, today: date, expiry: date | None = None, hint_year: int | None = None
) -> DateReading:
    """Read a birth date: never after today nor after the document's expiry.

    >>> read_birth_date("740812", today=date(2026, 11, 22)).value
    datetime.date(1974, 8, 12)
    """
    special = _special(raw)
    if special is not None:
        return special
    latest = min(today, expiry) if expiry is not None else today
    century = today.year // 100 * 100
    calendar_dates = _readings(raw, (century - 100, century))
    readings = [d for d in calendar_dates if d <= latest]
    if not readings:
        return DateReading(None, (), "impossible") if calendar_dates else _INVALID
    chosen = [d for d in readings if d.year == hint_year]
    if len(readings) == 1 or chosen:
        return DateReading((chosen or readings)[0], tuple(readings), "ok")
    return DateReading(None, tuple(readings), "ambiguous")


def read_expiry_date(raw: str, *, today: date) -> DateReading:
    """Read an expiry date: the reading within 50 years either side of `today`.

    >>> read_expiry_date("700601", today=date(2026, 11, 22)).value
    datetime.date(2070, 6, 1)
    """
    special = _special(raw)
    if special is not None:
        return special
    start, end = _add_years(today, -50), _add_years(today, 50)
    century = today.year // 100 * 100
    readings = [
        d for d in _readings(raw, (century - 100, century, century + 100)) if start <= d < end
    ]
    if not readings:
        return _INVALID
    return DateReading(readings[0], tuple(readings), "ok")


def _special(raw: str) -> DateReading | None:
    if "<" not in raw:
        return None
    if raw == "<" * len(raw):
        return _NOT_STATED
    if all(char.isdigit() or char == "<" for char in raw):
        return _PARTLY_UNKNOWN
    return _INVALID


def _readings(raw: str, centuries: tuple[int, ...]) -> list[date]:
    if len(raw) != 6 or not raw.isdigit() or not raw.isascii():
        return []
    yy, month, day = int(raw[:2]), int(raw[2:4]), int(raw[4:])
    readings = []
    for century in centuries:
        try:
            readings.append(date(century + yy, month, day))
        except ValueError:
            continue  # not a calendar date in this century (29 February) or at all
    return readings


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)  # 29 February in a common year
