"""Problems with a presented document, said in the officer's language, with where they are.

The MRZ reader names each problem by a stable code and says where it is ("line 2, position
20"); the workspace translates the code, keeps the place, and marks the failing characters in
the zone so the officer can correct them by hand (journey 8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hudud.common.errors import Problem

_PLACE = re.compile(r"line (\d+), positions? (\d+)(?:-(\d+))?")

_MESSAGES: dict[str, Promise] = {
    "document_number_check_digit": gettext_lazy("the document number's check digit is wrong"),
    "birth_date_check_digit": gettext_lazy("the birth date's check digit is wrong"),
    "expiry_date_check_digit": gettext_lazy("the expiry date's check digit is wrong"),
    "personal_number_check_digit": gettext_lazy("the personal number's check digit is wrong"),
    "composite_check_digit": gettext_lazy("the composite check digit is wrong"),
    "issuing_state_unknown_code": gettext_lazy("the issuing state is not an ICAO code"),
    "nationality_unknown_code": gettext_lazy("the nationality is not an ICAO code"),
    "invalid_sex": gettext_lazy("the sex is not M, F, X or <"),
    "invalid_date": gettext_lazy("the date does not exist"),
    "invalid_character": gettext_lazy("a character is not allowed in an MRZ (A-Z, 0-9, < only)"),
    "unrecognised_format": gettext_lazy(
        "not a complete MRZ: expected 2 lines of 44 or 36 characters, or 3 lines of 30"
    ),
    "visa_not_travel_document": gettext_lazy("this is a visa's MRZ: scan the passport instead"),
    "invalid_value": gettext_lazy("the value is not valid"),
}


@dataclass(frozen=True)
class Place:
    line: int
    first: int
    last: int


@dataclass(frozen=True)
class ShownProblem:
    text: str
    place: Place | None
    detail: str  # the reader's own words (English), for the technically minded


def place_of(message: str) -> Place | None:
    found = _PLACE.search(message)
    if not found:
        return None
    line, first, last = found.groups()
    return Place(int(line), int(first), int(last or first))


def shown(problem: Problem) -> ShownProblem:
    """The problem as the officer reads it: translated, with its line and position."""
    message = _MESSAGES.get(problem.code)
    place = place_of(problem.message)
    text = str(message) if message is not None else problem.message
    if place is not None:
        where = _("line %(line)s, position %(position)s") % {
            "line": place.line,
            "position": place.first,
        }
        text = f"{where}: {text}"
    return ShownProblem(text=text, place=place, detail=problem.message)


def zone_lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


def _expected_width(lines: list[str]) -> int | None:
    """The width the zone's first line announces (TD1 30, TD2 36, TD3 44), if any."""
    return len(lines[0]) if lines and len(lines[0]) in (30, 36, 44) else None


def shape_problems(text: str) -> list[ShownProblem]:
    """For a zone that is not a complete MRZ: which line is too short or too long."""
    lines = zone_lines(text)
    width = _expected_width(lines)
    if width is None:
        return []
    return [
        ShownProblem(
            text=_("line %(line)s has %(count)s characters; %(expected)s expected")
            % {"line": number, "count": len(line), "expected": width},
            place=Place(number, min(len(line), width) + 1, width),
            detail="",
        )
        for number, line in enumerate(lines, start=1)
        if len(line) != width
    ]


@dataclass(frozen=True)
class ZoneChar:
    char: str
    failed: bool


@dataclass(frozen=True)
class ZoneLine:
    chars: list[ZoneChar]
    length: int
    wrong_length: bool


def marked_zone(text: str, problems: list[ShownProblem]) -> list[ZoneLine]:
    """The MRZ's lines as characters, those the problems point at marked as failed."""
    lines = zone_lines(text)
    width = _expected_width(lines)
    failed = {
        (p.place.line, position)
        for p in problems
        if p.place is not None
        for position in range(p.place.first, p.place.last + 1)
    }
    return [
        ZoneLine(
            [ZoneChar(char, (number, column) in failed) for column, char in enumerate(line, 1)],
            len(line),
            width is not None and len(line) != width,
        )
        for number, line in enumerate(lines, start=1)
    ]
