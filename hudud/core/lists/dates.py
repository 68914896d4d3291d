"""Partial dates as lists state them: a day, a month or only a year, kept at that precision."""

from __future__ import annotations

import re
from datetime import date, datetime

# xs:date allows a time-zone suffix; the 2018 UN list writes some birth dates as
# "1960-01-01-05:00". The zone says nothing about the day, so it is dropped.
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?")
_YEAR = re.compile(r"\d{4}")


def iso_day(text: str) -> str | None:
    """ "YYYY-MM-DD" for an ISO calendar day (time-zone suffix allowed), else None.

    >>> iso_day("1960-01-01-05:00"), iso_day("1960-02-30")
    ('1960-01-01', None)
    """
    match = _DAY.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def iso_year(text: str) -> str | None:
    """ "YYYY" for a four-digit year from 1 on, else None.

    >>> iso_year("1971"), iso_year("0000"), iso_year("71")
    ('1971', None, None)
    """
    text = text.strip()
    if _YEAR.fullmatch(text) is None or int(text) == 0:
        return None
    return text


def precision_of(date_format: str) -> str:
    """ "day", "month" or "year": what a strptime format states (a day needs %d or %j).

    >>> precision_of("%d/%m/%Y"), precision_of("%m/%Y"), precision_of("%Y")
    ('day', 'month', 'year')
    """
    if "%d" in date_format or "%j" in date_format:
        return "day"
    if "%m" in date_format or "%b" in date_format or "%B" in date_format:
        return "month"
    return "year"


def parse_partial(text: str, formats: tuple[str, ...]) -> str | None:
    """The first format that reads `text`, as ISO at that format's precision; None if none does.

    >>> parse_partial("05/03/1968", ("%Y-%m-%d", "%d/%m/%Y")), parse_partial("1968", ("%Y",))
    ('1968-03-05', '1968')
    """
    text = text.strip()
    for date_format in formats:
        try:
            parsed = datetime.strptime(text, date_format)  # noqa: DTZ007 (a date, no time zone)
        except ValueError:
            continue
        iso = parsed.date().isoformat()
        return {"day": iso, "month": iso[:7], "year": iso[:4]}[precision_of(date_format)]
    return None
