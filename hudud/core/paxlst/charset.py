"""From bytes to text: the character set the interchange header (UNB) declares.

UNB's first element is the syntax identifier. UNOA and UNOB are ISO 646 (ASCII; UNOA without
lower case); UNOC to UNOK are the ISO 8859 parts (UNOC Latin-1, UNOI Latin/Arabic...); UNOW and
UNOY are ISO 10646 octets, in practice UTF-8. The identifier is found in the raw bytes before
decoding: the UNB tag and its first element are plain ASCII under every syntax level.

Carriers break the rule: bytes above 127 under UNOA (a name typed on a Latin-1 or Mac terminal,
or UTF-8 from a newer system). They are decoded (as UTF-8 when they form valid UTF-8, else as
Latin-1, which keeps every byte) and reported, never rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SYNTAX_ID = re.compile(rb"UNB\s*[^A-Za-z0-9\s]\s*(UNO[A-Z])")
_ISO_646 = ("UNOA", "UNOB")
_CODECS = {
    "UNOC": "iso8859_1",
    "UNOD": "iso8859_2",
    "UNOE": "iso8859_5",
    "UNOF": "iso8859_7",
    "UNOG": "iso8859_3",
    "UNOH": "iso8859_4",
    "UNOI": "iso8859_6",
    "UNOJ": "iso8859_8",
    "UNOK": "iso8859_9",
    "UNOW": "utf-8",
    "UNOY": "utf-8",
}
KNOWN_SYNTAXES = frozenset(_ISO_646) | frozenset(_CODECS) | {"UNOX"}
# Where to look for UNB: after a UNA service string and some leading junk at most.
_SNIFF_BYTES = 512


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text, the declared syntax identifier (None if no UNB was found) and what went wrong.

    `problem` is None when the bytes are what the identifier allows; otherwise a sentence for
    the warning, and `problem_offset` the character offset of the first offending character.
    """

    text: str
    syntax: str | None
    problem: str | None = None
    problem_offset: int = 0


def decode(data: bytes) -> Decoded:
    """Decode an interchange by its declared character set, never raising.

    >>> decode("UNB+UNOC:3+A+B+240101:1200+1'".encode("latin-1")).syntax
    'UNOC'
    >>> decode(b"UNB+UNOA:4+NOV\\x87K'").problem
    'byte 0x87 is outside UNOA (ASCII); 1 such byte(s), read as Latin-1'
    """
    found = _SYNTAX_ID.search(data[:_SNIFF_BYTES])
    syntax = found.group(1).decode("ascii") if found else None
    if syntax in _CODECS:
        return _decode_as(data, syntax, _CODECS[syntax])
    if data.isascii():
        return Decoded(data.decode("ascii"), syntax)
    return _decode_non_ascii(data, syntax)


def text_problem(text: str, syntax: str | None) -> Decoded:
    """The same check for text given as `str`: non-ASCII characters under UNOA/UNOB.

    >>> text_problem("UNB+UNOA:4+É'", "UNOA").problem
    "character 'É' is outside UNOA (ASCII); 1 such character(s)"
    """
    if syntax not in _ISO_646 or text.isascii():
        return Decoded(text, syntax)
    offset = next(i for i, char in enumerate(text) if ord(char) > 127)
    count = sum(1 for char in text if ord(char) > 127)
    problem = f"character {text[offset]!r} is outside {syntax} (ASCII); {count} such character(s)"
    return Decoded(text, syntax, problem, offset)


def sniff_syntax(text: str) -> str | None:
    """The syntax identifier declared in a text's UNB, if any."""
    found = _SYNTAX_ID.search(text[:_SNIFF_BYTES].encode("ascii", "replace"))
    return found.group(1).decode("ascii") if found else None


def _decode_as(data: bytes, syntax: str, codec: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), syntax)
    except UnicodeDecodeError as error:
        text = data.decode(codec, errors="replace")
        problem = (
            f"byte 0x{data[error.start]:02x} at byte offset {error.start} is not valid "
            f"{syntax} ({codec}); undecodable bytes were replaced by U+FFFD"
        )
        return Decoded(text, syntax, problem, len(data[: error.start].decode(codec, "replace")))


def _decode_non_ascii(data: bytes, syntax: str | None) -> Decoded:
    first = next(i for i, byte in enumerate(data) if byte > 127)
    count = sum(1 for byte in data if byte > 127)
    try:
        text, codec = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text, codec = data.decode("latin-1"), "Latin-1"
    problem = (
        f"byte 0x{data[first]:02x} is outside {_repertoire(syntax)}; "
        f"{count} such byte(s), read as {codec}"
    )
    # Every byte before the first non-ASCII one is one character, whichever codec read it.
    return Decoded(text, syntax, problem, first)


def _repertoire(syntax: str | None) -> str:
    if syntax is None:
        return "the default UNOA (ASCII)"
    if syntax in _ISO_646:
        return f"{syntax} (ASCII)"
    return f"ASCII (the syntax identifier {syntax} is not one this reader knows)"
