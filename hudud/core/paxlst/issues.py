"""Errors, warnings and data-quality findings, each with where it was found.

An issue names the segment it concerns by its number in the file (the UNA service string, when
present, is segment 1), its tag, and the line and column of its first character, so that an
officer or a carrier's help desk can open the raw message and find it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Location:
    """Segment `number` (from 1, in file order) with `tag`, starting at `line`, `column`."""

    segment: int
    tag: str
    line: int
    column: int

    def describe(self) -> str:
        return f"segment {self.segment} ({self.tag}) at line {self.line}, column {self.column}"

    def to_json(self) -> dict[str, Any]:
        return {"segment": self.segment, "tag": self.tag, "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class Issue:
    """One error, warning or finding: a stable `code`, the `field` concerned, a message for people.

    `traveller` is the traveller's index in the manifest for per-traveller findings, else None.
    """

    code: str
    field: str
    message: str
    traveller: int | None = None
    location: Location | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "field": self.field,
            "message": self.message,
            "traveller": self.traveller,
            "location": self.location.to_json() if self.location is not None else None,
        }


class Locator:
    """Turns a character offset in the decoded text into a line and column, lazily.

    Line starts are found only when the first issue needs one: clean messages never pay for it.
    CR LF, bare CR (old Macintosh feeds) and LF each end a line.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def locate(self, number: int, tag: str, offset: int) -> Location:
        if self._starts is None:
            self._starts = _line_starts(self._text)
        line = bisect.bisect_right(self._starts, offset)
        return Location(number, tag, line, offset - self._starts[line - 1] + 1)


def _line_starts(text: str) -> list[int]:
    # Same-length replacements turn CR LF and bare CR into LF, so that the fast C split can
    # find the lines; offsets stay offsets in the original text.
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    starts = [0]
    position = 0
    for line in text.split("\n")[:-1]:
        position += len(line) + 1
        starts.append(position)
    return starts


@dataclass(slots=True)
class IssueLog:
    """Collects issues while reading; the caller keeps them as lists on the result."""

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    def error(self, code: str, field_name: str, message: str, where: Location | None) -> None:
        self.errors.append(Issue(code, field_name, located(message, where), None, where))

    def warn(self, code: str, field_name: str, message: str, where: Location | None) -> None:
        self.warnings.append(Issue(code, field_name, located(message, where), None, where))


def located(message: str, where: Location | None) -> str:
    """`message` prefixed with where it was found, when known."""
    return f"{where.describe()}: {message}" if where is not None else message
