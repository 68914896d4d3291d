"""The envelope: UNB/UNZ around the interchange, UNG/UNE around groups, UNH/UNT per message.

Each trailer repeats its header's reference and counts what it closes: UNT the message's
segments (UNH and UNT included), UNE the group's messages, UNZ the interchange's groups (or its
messages when there are no groups). Carriers often get these wrong; a mismatch is a warning,
because the data is still there. A message without its UNT may have been cut short, which is an
error: travellers may be missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .charset import KNOWN_SYNTAXES
from .dates import local_today, read_moment
from .issues import Issue, IssueLog, Location, Locator
from .message import read_message
from .model import Interchange, Message
from .syntax import Segment, tokenize

_ENVELOPE = {"UNA", "UNB", "UNG", "UNE", "UNZ"}


def read_interchange(data: bytes | str, *, today: date | None = None) -> Interchange:
    """Read an interchange (a whole file: bytes or text) into its messages, never raising.

    `today` anchors two-digit years when a message gives no departure date (default: today).

    >>> edi = ("UNB+UNOA:4+AIR+GOV+240101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'"
    ...        "TDT+20+ZZ1'UNT+4+1'UNZ+1+1'")
    >>> [m.list_type for m in read_interchange(edi).messages]
    ['passengers']
    """
    tokens = tokenize(data)
    interchange = Interchange(service=tokens.service, una=tokens.una)
    log = IssueLog(list(tokens.errors), list(tokens.warnings))
    _Envelope(interchange, log, tokens.locator, today or local_today()).read(tokens.segments)
    interchange.warnings, interchange.errors = log.warnings, log.errors
    return interchange


class _Envelope:
    def __init__(
        self, interchange: Interchange, log: IssueLog, locator: Locator, today: date
    ) -> None:
        self.interchange, self.log, self.locator, self.today = interchange, log, locator, today
        self.unb: Segment | None = None
        self.unz: Segment | None = None
        self.group: tuple[Segment, int] | None = None  # UNG and messages seen since
        self.groups = 0
        self.open: list[Segment] | None = None
        self.stray = 0
        self.empty = False

    def read(self, segments: Sequence[Segment]) -> None:
        self.empty = not segments and not self.log.errors
        for segment in segments:
            if self.open is not None and segment.tag not in ("UNH", "UNT", *_ENVELOPE):
                self.open.append(segment)
            elif segment.tag == "UNH":
                self._close_unterminated(segment)
                self.open = [segment]
            elif segment.tag == "UNT":
                self._unt(segment)
            elif segment.tag in _ENVELOPE:
                self._close_unterminated(segment)
                getattr(self, "_" + segment.tag.lower())(segment)
            else:
                self._stray(segment)
        self._close_unterminated(None)
        self._finish()

    def _una(self, segment: Segment) -> None:
        if segment.number != 1:
            self.log.warn(
                "una_not_first", "una", "a UNA after the start is ignored", self._at(segment)
            )

    def _unb(self, segment: Segment) -> None:
        if self.unb is not None:
            self.log.warn(
                "second_interchange",
                "interchange",
                "a second UNB: its messages are read as part of the first interchange",
                self._at(segment),
            )
            self.unz = None
            return
        self.unb = segment
        ich = self.interchange
        ich.syntax, ich.syntax_version = segment.value(1) or None, segment.value(1, 2) or None
        ich.sender, ich.recipient = segment.value(2) or None, segment.value(3) or None
        ich.prepared = read_moment(segment.value(4) + segment.value(4, 2), "201")
        ich.control_ref, ich.application_ref = segment.value(5) or None, segment.value(7) or None
        if ich.syntax is not None and ich.syntax not in KNOWN_SYNTAXES:
            self.log.warn(
                "syntax_unknown",
                "syntax",
                f"syntax identifier {ich.syntax!r} is unknown",
                self._at(segment),
            )

    def _ung(self, segment: Segment) -> None:
        self.group = (segment, 0)
        self.groups += 1

    def _une(self, segment: Segment) -> None:
        if self.group is None:
            self._stray(segment)
            return
        ung, count = self.group
        self._compare("une", segment, count, ung.value(5), "messages in the group", "UNG")
        self.group = None

    def _unz(self, segment: Segment) -> None:
        self.unz = segment
        if self.unb is None:
            return
        closes_groups = self.groups > 0
        count = self.groups if closes_groups else len(self.interchange.messages)
        what = "groups" if closes_groups else "messages"
        self._compare("unz", segment, count, self.unb.value(5), f"{what} in the interchange", "UNB")

    def _unt(self, segment: Segment) -> None:
        if self.open is None:
            self._stray(segment)
            return
        self.open.append(segment)
        unh, message = self.open[0], self._message(self.open)
        message.segments_declared = _number(segment.value(1))
        self._compare("unt", segment, len(self.open), unh.value(1), "segments (UNH to UNT)", "UNH")
        self.open = None
        self.interchange.messages.append(message)

    def _message(self, segments: list[Segment]) -> Message:
        message = read_message(segments, self.locator, self.today)
        message.segments_found = len(segments)
        if self.group is not None:
            self.group = (self.group[0], self.group[1] + 1)
        return message

    def _close_unterminated(self, following: Segment | None) -> None:
        if self.open is None:
            return
        unh = self.open[0]
        message = self._message(self.open)
        self.open = None
        self.interchange.messages.append(message)
        message.errors.append(
            _issue(
                self.locator,
                unh,
                "unt_missing",
                "unt",
                f"message {unh.value(1)!r} has no UNT"
                + (" before the next " + following.tag if following is not None else "")
                + ": it may have been cut short, and travellers may be missing",
            )
        )

    def _compare(
        self, trailer: str, segment: Segment, found: int, reference: str, what: str, header: str
    ) -> None:
        declared = segment.value(1)
        where = self._at(segment)
        if _number(declared) != found:
            self.log.warn(
                f"{trailer}_count_mismatch",
                trailer,
                f"{trailer.upper()} declares {declared!r} {what}; {found} found",
                where,
            )
        if segment.value(2) != reference:
            self.log.warn(
                f"{trailer}_reference_mismatch",
                trailer,
                f"{trailer.upper()} reference {segment.value(2)!r} differs from the {header} "
                f"reference {reference!r}",
                where,
            )

    def _stray(self, segment: Segment) -> None:
        self.stray += 1
        if self.stray <= 3:
            self.log.warn(
                "segment_outside_message",
                "text",
                f"{segment.tag} outside any message (UNH..UNT) is ignored",
                self._at(segment),
            )

    def _finish(self) -> None:
        if self.empty:
            self.log.error("empty_input", "text", "the input is empty", None)
            return
        if self.unb is None:
            self.log.warn("unb_missing", "interchange", "no interchange header (UNB)", None)
        elif self.unz is None:
            self.log.warn("unz_missing", "interchange", "no interchange trailer (UNZ)", None)
        if not self.interchange.messages:
            self.log.error(
                "no_message", "text", "no message header (UNH): nothing to read as PAXLST", None
            )

    def _at(self, segment: Segment) -> Location:
        return self.locator.locate(segment.number, segment.tag, segment.offset)


def _issue(locator: Locator, segment: Segment, code: str, field: str, message: str) -> Issue:
    where = locator.locate(segment.number, segment.tag, segment.offset)
    return Issue(code, field, f"{where.describe()}: {message}", None, where)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and text.isascii() else None
