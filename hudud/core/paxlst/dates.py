"""Dates and times in DTM segments: `DTM+qualifier:value:format`.

Formats: 201 `YYMMDDHHMM` and 203 `CCYYMMDDHHMM` (departure and arrival, local time, no zone),
101 `YYMMDD` and 102 `CCYYMMDD` (birth, expiry and issue dates). When the format code is left
out the length of the value decides. Two-digit years follow the MRZ rules
(`hudud.core.mrz.dates`), counted from the flight's departure date: a birth date is never
after it (19YY when 20YY would be; ambiguous, with both candidates, when both are possible), an
expiry date is the reading within 50 years of it. Departure and arrival years are 20YY.
"""

from __future__ import annotations

from datetime import date, datetime

from hudud.core.mrz.dates import DateReading, read_birth_date, read_expiry_date

_INVALID = DateReading(None, (), "invalid")


def local_today() -> date:
    """The date where the list is being read: the reference when a message gives no departure."""
    # PAXLST dates are calendar dates without a zone, like the MRZ's: the local date applies.
    return date.today()  # noqa: DTZ011


def read_moment(raw: str, fmt: str = "") -> datetime | None:
    """A local date-time from DTM 189 or 232, or None if it is not one.

    >>> read_moment("1306212200", "201")
    datetime.datetime(2013, 6, 21, 22, 0)
    """
    digits = raw.strip()
    if not digits.isdigit() or not digits.isascii():
        return None
    if len(digits) == 10 and fmt in ("", "201"):
        digits = "20" + digits
    elif len(digits) == 8 and fmt in ("", "102"):
        digits += "0000"
    elif len(digits) != 12 or fmt not in ("", "203"):
        return None
    try:
        return datetime.strptime(digits, "%Y%m%d%H%M")  # noqa: DTZ007 - local time, no zone sent
    except ValueError:
        return None


def read_birth(raw: str, fmt: str, reference: date) -> DateReading:
    """A birth date, never after `reference` (the departure date, else today).

    >>> read_birth("720907", "", date(2013, 6, 21)).value
    datetime.date(1972, 9, 7)
    """
    full = _full_date(raw, fmt)
    if full is not None:
        return full
    if len(raw) == 6 and fmt in ("", "101"):
        return read_birth_date(raw, today=reference)
    return _INVALID


def read_expiry(raw: str, fmt: str, reference: date) -> DateReading:
    """An expiry (or issue) date: the reading within 50 years of `reference`.

    >>> read_expiry("610218", "", date(2017, 1, 27)).value
    datetime.date(2061, 2, 18)
    """
    full = _full_date(raw, fmt)
    if full is not None:
        return full
    if len(raw) == 6 and fmt in ("", "101"):
        return read_expiry_date(raw, today=reference)
    return _INVALID


def _full_date(raw: str, fmt: str) -> DateReading | None:
    if len(raw) != 8 or fmt not in ("", "102"):
        return None
    if not raw.isdigit() or not raw.isascii():
        return _INVALID
    try:
        value = date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return _INVALID
    return DateReading(value, (value,), "ok")
