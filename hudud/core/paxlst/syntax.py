"""The EDIFACT syntax layer: service characters, segments, data elements and components.

An interchange is a run of segments, each ended by the segment terminator (`'`). A segment is
a three-character tag and data elements separated by `+`; an element may be a composite of
components separated by `:`. The release character `?` makes the next character plain data
(`O?'LEARY` is O'LEARY). An optional UNA service string (`UNA:+.? '`) at the very start
replaces these six characters: component, element, decimal mark, release, repetition (or a
reserved space) and terminator. Level B interchanges without UNA use the information separators
IS1, IS3 and IS4 instead.

Written by hand rather than on pydifact (see docs/decisions/0007-edifact-syntax-layer.md): real
feeds indent lines, end them with CR, LF or CR LF, put a space after a tag, stop without a final
terminator or carry junk after UNZ, and this reader must keep going, say where each problem is,
and read a 500-traveller manifest in milliseconds. Line breaks and spaces around segments are
layout, not data, unless a service character is itself one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .charset import Decoded, decode, sniff_syntax, text_problem
from .issues import Issue, IssueLog, Locator

_TAG = re.compile(r"[A-Z][A-Z0-9]{2}")
_WHITESPACE = " \t\r\n\x0b\x0c"
_MAX_UNREADABLE_REPORTED = 10


@dataclass(frozen=True, slots=True)
class ServiceCharacters:
    """The six service characters, in UNA order. An empty `release` means none is used."""

    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str = "?"
    repetition: str = " "
    terminator: str = "'"

    def __str__(self) -> str:
        return "".join(
            (self.component, self.element, self.decimal, self.release or " ", self.repetition)
        ) + (self.terminator)


DEFAULT_SERVICE = ServiceCharacters()
LEVEL_B_SERVICE = ServiceCharacters("\x1f", "\x1d", ".", "", " ", "\x1c")


@dataclass(slots=True)
class Segment:
    """One segment: `tag`, its data `elements` (each a list of components, release undone),
    its `number` in the file (1-based; a UNA counts as segment 1) and the character `offset`
    of its tag in the decoded text."""

    tag: str
    elements: list[list[str]]
    number: int
    offset: int

    def value(self, element: int, component: int = 1) -> str:
        """Component `component` of data element `element`, both counted from 1 as EDIFACT
        guides do (in `NAD+FL+++DOE:JANE`, `value(4, 2)` is JANE), stripped; "" if absent."""
        try:
            return self.elements[element - 1][component - 1].strip()
        except IndexError:
            return ""

    def components(self, element: int) -> list[str]:
        """Every component of data element `element` (from 1), stripped; [] if absent."""
        if element > len(self.elements):
            return []
        return [part.strip() for part in self.elements[element - 1]]


@dataclass(frozen=True, slots=True)
class Tokens:
    """A tokenised interchange: the text, its service characters and segments, and issues."""

    text: str
    service: ServiceCharacters
    una: bool
    syntax: str | None
    segments: tuple[Segment, ...]
    warnings: tuple[Issue, ...]
    errors: tuple[Issue, ...]
    locator: Locator = field(compare=False, repr=False)


def tokenize(data: bytes | str) -> Tokens:
    """Split an interchange into segments, never raising.

    >>> tokens = tokenize("UNA:*.? $UNB*UNOA:4*AIR$NAD*FL***O?'LEARY:SAM? J$")
    >>> [(s.tag, s.elements) for s in tokens.segments][1:]
    [('UNB', [['UNOA', '4'], ['AIR']]), ('NAD', [['FL'], [''], [''], ["O'LEARY", 'SAM J']])]
    """
    decoded = decode(data) if isinstance(data, bytes) else text_problem(data, sniff_syntax(data))
    text = decoded.text
    start = len(text) - len(text.lstrip(_WHITESPACE + "\ufeff"))
    log = IssueLog()
    locator = Locator(text)
    service, una, body_start = _service_characters(text, start, log, locator)
    segments = _Splitter(text, service, log, locator, first_number=2 if una else 1).split(
        body_start, una_offset=start if una else None
    )
    _report_charset(decoded, segments, log, locator)
    return Tokens(
        text=text,
        service=service,
        una=una,
        syntax=decoded.syntax,
        segments=tuple(segments),
        warnings=tuple(log.warnings),
        errors=tuple(log.errors),
        locator=locator,
    )


def _service_characters(
    text: str, start: int, log: IssueLog, locator: Locator
) -> tuple[ServiceCharacters, bool, int]:
    if not text.startswith("UNA", start):
        level_b = text.startswith("UNB\x1d", start)
        return (LEVEL_B_SERVICE if level_b else DEFAULT_SERVICE), False, start
    where = locator.locate(1, "UNA", start)
    advice = text[start + 3 : start + 9]
    if len(advice) < 6:
        log.error("una_invalid", "una", f"UNA holds {len(advice)} of its 6 characters", where)
        return DEFAULT_SERVICE, True, len(text)
    component, element, decimal, release, repetition, terminator = list(advice)
    separators = (component, element, terminator)
    if len(set(separators)) < 3 or any(char.isalnum() for char in separators):
        log.error(
            "una_invalid",
            "una",
            f"UNA{advice!r}: the component, element separators and terminator must be three "
            "different non-alphanumeric characters; read with the defaults :+.? '",
            where,
        )
        return DEFAULT_SERVICE, True, start + 9
    if release in separators or release.isalnum() or release == " ":
        release = ""  # a space (or a clash) declares no release character
    return (
        ServiceCharacters(component, element, decimal, release, repetition, terminator),
        True,
        start + 9,
    )


class _Splitter:
    """Cuts the body into segments; release characters are first swapped for private-use
    placeholders of the same length, so that plain `str.split` does the work and every
    character offset stays the offset in the original text."""

    def __init__(
        self,
        text: str,
        service: ServiceCharacters,
        log: IssueLog,
        locator: Locator,
        first_number: int,
    ) -> None:
        self.text, self.service, self.log, self.locator = text, service, log, locator
        self.number = first_number
        # Only characters that delimit data can be data; the decimal mark and a space in the
        # repetition position ("not used") do not stop layout whitespace from being stripped.
        delimiters = (service.component, service.element, service.terminator, service.release)
        self.strip = "".join(c for c in _WHITESPACE if c not in delimiters)
        self.unreadable = 0
        self.tags: dict[str, str] = {}  # tags as written -> as read, once validated

    def split(self, body_start: int, una_offset: int | None) -> list[Segment]:
        body, self.restore, self.mark = _protect(self.text[body_start:], self.service)
        segments = [] if una_offset is None else [Segment("UNA", [], 1, una_offset)]
        if body.strip(self.strip) and self.service.terminator not in body:
            where = self.locator.locate(self.number, body.strip(self.strip)[:3], body_start)
            self.log.error(
                "no_segment_terminator",
                "text",
                f"no segment terminator {self.service.terminator!r} in the text: if segments "
                "end otherwise, the file needs a UNA service string saying so",
                where,
            )
        offset, closed = body_start, False
        pieces = body.split(self.service.terminator)
        for index, piece in enumerate(pieces):
            stripped = piece.lstrip(self.strip)
            start, offset = offset + len(piece) - len(stripped), offset + len(piece) + 1
            if not stripped:
                continue
            if closed and not stripped.startswith("UNB"):
                self._trailing(start)
                break
            segment = self._segment(stripped, start)
            if segment is None:
                continue
            if index == len(pieces) - 1:
                where = self.locator.locate(segment.number, segment.tag, segment.offset)
                self.log.warn(
                    "missing_final_terminator",
                    "text",
                    f"the last segment has no terminator {self.service.terminator!r}",
                    where,
                )
            closed = segment.tag == "UNZ"
            segments.append(segment)
        if self.unreadable > _MAX_UNREADABLE_REPORTED:
            hidden = self.unreadable - _MAX_UNREADABLE_REPORTED
            self.log.error("unreadable_segment", "text", f"{hidden} more unreadable segments", None)
        return segments

    def _segment(self, stripped: str, offset: int) -> Segment | None:
        elements = stripped.rstrip(self.strip).split(self.service.element)
        escaped = self.mark in stripped if self.mark else False
        written = elements[0].translate(self.restore) if escaped else elements[0]
        number = self.number
        self.number += 1
        tag = self.tags.get(written) or self._tag(written)
        if tag is None:
            self._unreadable(stripped.rstrip(self.strip).translate(self.restore), number, offset)
            return None
        comp = self.service.component
        if escaped:
            restore = self.restore
            parts = [[c.translate(restore) for c in e.split(comp)] for e in elements[1:]]
        else:
            parts = [element.split(comp) for element in elements[1:]]
        return Segment(tag, parts, number, offset)

    def _tag(self, written: str) -> str | None:
        tag = written.strip().upper()  # a lowercase tag is still unambiguous
        if not _TAG.fullmatch(tag):
            return None
        self.tags[written] = tag
        return tag

    def _unreadable(self, raw: str, number: int, offset: int) -> None:
        self.unreadable += 1
        if self.unreadable > _MAX_UNREADABLE_REPORTED:
            return
        where = self.locator.locate(number, "?", offset)
        shown = raw if len(raw) <= 20 else raw[:20] + "..."
        self.log.error(
            "unreadable_segment",
            "text",
            f"{shown!r} is not a segment tag (three capital letters or digits); segment skipped",
            where,
        )

    def _trailing(self, offset: int) -> None:
        tag = self.text[offset : offset + 3]
        where = self.locator.locate(self.number, tag if _TAG.fullmatch(tag) else "?", offset)
        self.log.warn(
            "trailing_data_after_unz",
            "text",
            "text after the interchange trailer UNZ is ignored",
            where,
        )


def _protect(body: str, service: ServiceCharacters) -> tuple[str, dict[int, str], str]:
    """The body with each released character swapped for a mark and a placeholder, the table
    that restores them, and the mark ("" when the body holds no release character)."""
    release = service.release
    if not release or release not in body:
        return body, {}, ""
    specials = (service.component, service.element, service.terminator, release)
    unused = _unused_private_characters(body, 1 + len(specials))
    if not unused:
        return body, {}, ""  # the text holds every private-use character: read it unreleased
    mark, *placeholders = unused
    to_placeholder = dict(zip(specials, placeholders, strict=True))

    def swap(match: re.Match[str]) -> str:
        char = match.group(1)
        return mark + to_placeholder.get(char, char)

    protected = re.sub(re.escape(release) + "(.)", swap, body, flags=re.DOTALL)
    restore = {ord(mark): ""} | {ord(p): c for c, p in to_placeholder.items()}
    return protected, restore, mark


def _unused_private_characters(text: str, count: int) -> list[str]:
    """`count` private-use characters absent from `text`, or [] if there are not that many.

    A carrier's text holding these is vanishingly rare, but checking makes a clash impossible
    rather than unlikely; only a text with over 137,000 distinct ones leaves none free.
    """
    first = (chr(point) for point in range(0xE000, 0xE040) if chr(point) not in text)
    quick = list(itertools.islice(first, count))  # usually `count` scans of the text, no more
    if len(quick) == count:
        return quick
    used = set(text)
    points = itertools.chain(range(0xE000, 0xF900), range(0xF0000, 0x10FFFE))
    free = (chr(point) for point in points if chr(point) not in used)
    found = list(itertools.islice(free, count))
    return found if len(found) == count else []


def _report_charset(
    decoded: Decoded, segments: list[Segment], log: IssueLog, locator: Locator
) -> None:
    if decoded.problem is None:
        return
    holder = next((s for s in reversed(segments) if s.offset <= decoded.problem_offset), None)
    where = locator.locate(holder.number, holder.tag, holder.offset) if holder is not None else None
    log.warn("charset_mismatch", "text", decoded.problem, where)
