"""Names in the MRZ: the primary identifier (surname) and secondary identifiers (given names).

A double filler `<<` separates the two; a single `<` stands for a space or hyphen inside either.
No check digit covers a name, so names are never OCR-corrected: a digit in a name is reported as
a warning and left for an officer to read against the visual zone. Russian internal passports
legitimately carry digits there (their Cyrillic-to-Latin MRZ encoding).

For generating an MRZ, `transliterate` follows ICAO Doc 9303 Part 3 section 6: diacritics are
dropped except where ICAO recommends a two-letter form (Ä AE, Å AA, Ö OE, Ø OE, Ü UE, ß SS, ...),
spaces and hyphens become `<`, apostrophes and other punctuation are omitted.
"""

from __future__ import annotations

import re
import unicodedata

from .result import IssueLog

# ICAO Doc 9303 Part 3 recommended transliterations that are not "drop the diacritic".
_MULTI_LETTER = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ö": "OE",
    "Ø": "OE",
    "Œ": "OE",
    "Ü": "UE",
    "ẞ": "SS",
    "Þ": "TH",
    "Ĳ": "IJ",
    "Ð": "D",
    "Đ": "D",
    "Ł": "L",
    "Ħ": "H",
    "Ŧ": "T",
}
_DIGIT = re.compile(r"[0-9]")
_HYPHENS = frozenset("-\u2010\u2011")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def split_name(name_field: str) -> tuple[str, str]:
    """Surname and given names, with `<` read as spaces.

    >>> split_name("ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
    ('ERIKSSON', 'ANNA MARIA')
    """
    primary, _, secondary = name_field.rstrip("<").partition("<<")
    return _words(primary), _words(secondary)


def check_name(name_field: str, surname: str, given_names: str, log: IssueLog) -> None:
    """Warn about digits in names and about a name field filled to its last position."""
    for field_name, value in (("surname", surname), ("given_names", given_names)):
        if _DIGIT.search(value):
            log.warn(
                "name_contains_digits",
                field_name,
                f"{field_name.replace('_', ' ')} {value!r} contains digits; names carry no check "
                "digit, so they are not corrected: compare with the visual zone",
            )
    if name_field and name_field[-1] != "<":
        log.warn(
            "name_possibly_truncated",
            "name",
            "the name field is full to its last position, so the name may have been truncated",
        )


def transliterate(name: str) -> str:
    """A name as MRZ characters: A-Z, with `<` for spaces and hyphens.

    >>> transliterate("Müller-Lüdenscheidt O'Brien")
    'MUELLER<LUEDENSCHEIDT<OBRIEN'

    Raises ValueError for characters with no Latin transliteration (transliterate Arabic or
    Cyrillic names before calling).
    """
    out: list[str] = []
    for char in name.upper():
        if char.isspace() or char in _HYPHENS:
            out.append("<")
        elif char in _LETTERS:
            out.append(char)
        elif char in _MULTI_LETTER:
            out.append(_MULTI_LETTER[char])
        else:
            out.append(_strip_diacritics(char, name))
    return "<".join(part for part in "".join(out).split("<") if part)


def name_field(surname: str, given_names: str, width: int) -> str:
    """The name field of `width` characters, truncating given names first when too long.

    >>> name_field("Al Rubaie", "Hussein Ali", 30)
    'AL<RUBAIE<<HUSSEIN<ALI<<<<<<<<'
    """
    primary, secondary = transliterate(surname), transliterate(given_names)
    text = f"{primary}<<{secondary}" if secondary else primary
    if len(text) > width:
        # ICAO: the field must then end with a letter, never with a truncated separator.
        text = text[:width].rstrip("<")
    return text.ljust(width, "<")


def _words(part: str) -> str:
    return " ".join(word for word in part.split("<") if word)


def _strip_diacritics(char: str, name: str) -> str:
    if unicodedata.category(char).startswith("P"):
        return ""  # apostrophes, commas, full stops: omitted
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base and all(c in _LETTERS for c in base):
        return base
    raise ValueError(f"cannot transliterate {char!r} in {name!r} to MRZ characters A-Z")
