"""Correcting OCR confusions, but only where a check digit confirms the correction.

Readers confuse O/0, I/1, B/8, S/5, Z/2, G/6, D/0 and Q/0. Dates and check digits are numeric, so
a letter there is certainly a misread: it is mapped to its digit when the field's check digit
then passes. In alphanumeric fields (document number, TD3 personal number) either reading is
possible, so a field is touched only when its check digit fails and exactly one substitution of
one confusable character makes both that check digit and the composite pass; visas have no
composite and get no such correction. Names carry no check digit and are never corrected.
Every correction is reported as an `ocr_corrected` warning naming what was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import checkdigit
from .checks import read_document_number
from .formats import Layout
from .result import IssueLog

LETTER_TO_DIGIT = {"O": "0", "I": "1", "B": "8", "S": "5", "Z": "2", "G": "6", "D": "0", "Q": "0"}
_DIGIT_TO_LETTERS = {"0": "ODQ", "1": "I", "8": "B", "5": "S", "2": "Z", "6": "G"}
_NUMERIC = frozenset("0123456789<")
_TO_DIGITS = str.maketrans(LETTER_TO_DIGIT)
_CONFUSABLE_LETTER = re.compile("[OIBSZGDQ]")


def correct(mrz: str, layout: Layout, log: IssueLog, *, issuer_filler_rule: bool) -> str:
    """`mrz` with confirmed corrections applied, each logged as an `ocr_corrected` warning."""
    chars = list(mrz)
    for field_name in ("birth_date", "expiry_date"):
        span: slice = getattr(layout, field_name)
        check: int = getattr(layout, f"{field_name}_check")
        _correct_numeric(chars, range(span.start, span.stop), check, field_name, log)
    if layout.composite_check is None:
        return "".join(chars)
    number = read_document_number("".join(chars), layout)

    def number_passes(value: str, check: str) -> bool:
        with_filler = f"{value[:9]}<{value[9:]}"
        filler_ok = number.extended and issuer_filler_rule
        return checkdigit.matches(value, check) or (
            filler_ok and checkdigit.matches(with_filler, check)
        )

    _correct_alphanumeric(
        chars, layout, number.offsets, number.check_offset, "document_number", number_passes, log
    )
    if layout.personal_number_check is not None:
        span = dict(layout.optional)["personal_number"]
        offsets = tuple(range(span.start, span.stop))
        check = layout.personal_number_check
        _correct_alphanumeric(chars, layout, offsets, check, "personal_number", _passes, log)
    _correct_composite_digit(chars, layout, log)
    return "".join(chars)


def _correct_numeric(
    chars: list[str], offsets: range, check: int, field_name: str, log: IssueLog
) -> None:
    read = "".join(chars[offsets.start : offsets.stop])
    read_check = chars[check]
    if not _CONFUSABLE_LETTER.search(read + read_check):
        return
    value, digit = read.translate(_TO_DIGITS), read_check.translate(_TO_DIGITS)
    if not set(value) <= _NUMERIC or not checkdigit.matches(value, digit):
        return
    if value != read:
        chars[offsets.start : offsets.stop] = value
        log.warn("ocr_corrected", field_name, f"read {read!r}, corrected to {value!r} {_CONFIRMS}")
    if digit != read_check:
        chars[check] = digit
        log.warn(
            "ocr_corrected",
            f"{field_name}_check_digit",
            f"read check digit {read_check!r}, corrected to {digit!r} {_CONFIRMS}",
        )


_CONFIRMS = "(check digit confirms)"


def _correct_alphanumeric(
    chars: list[str],
    layout: Layout,
    offsets: tuple[int, ...],
    check: int,
    field_name: str,
    passes: Callable[[str, str], bool],
    log: IssueLog,
) -> None:
    value = "".join([chars[i] for i in offsets])
    if passes(value, chars[check]):
        return
    fixes = []
    for offset in (*offsets, check):
        original = chars[offset]
        for alternative in _alternatives(original, is_check_digit=offset == check):
            chars[offset] = alternative
            candidate = "".join(chars[i] for i in offsets)
            if passes(candidate, chars[check]) and _composite_passes(chars, layout):
                fixes.append((offset, alternative))
            chars[offset] = original
    if len(fixes) != 1:
        return  # nothing confirmed, or several readings confirmed: leave it to an officer
    offset, alternative = fixes[0]
    read_char, chars[offset] = chars[offset], alternative
    confirms = f"({layout.where(offset)}: {read_char!r}; check digit and composite confirm)"
    if offset == check:
        message = f"read check digit {read_char!r}, corrected to {alternative!r} {confirms}"
        log.warn("ocr_corrected", f"{field_name}_check_digit", message)
        return
    corrected = "".join(chars[i] for i in offsets)
    log.warn("ocr_corrected", field_name, f"read {value!r}, corrected to {corrected!r} {confirms}")


def _alternatives(char: str, *, is_check_digit: bool) -> str:
    if is_check_digit:
        return LETTER_TO_DIGIT.get(char, "")
    return LETTER_TO_DIGIT.get(char, "") or _DIGIT_TO_LETTERS.get(char, "")


def _composite_passes(chars: list[str], layout: Layout) -> bool:
    if layout.composite_check is None:
        return False
    value = "".join("".join(chars[span]) for span in layout.composite)
    found = chars[layout.composite_check]
    return checkdigit.matches(value, LETTER_TO_DIGIT.get(found, found))


def _correct_composite_digit(chars: list[str], layout: Layout, log: IssueLog) -> None:
    if layout.composite_check is None:
        return
    found = chars[layout.composite_check]
    if found in LETTER_TO_DIGIT and _composite_passes(chars, layout):
        chars[layout.composite_check] = LETTER_TO_DIGIT[found]
        log.warn(
            "ocr_corrected",
            "composite_check_digit",
            f"read composite check digit {found!r}, corrected to {LETTER_TO_DIGIT[found]!r} "
            f"{_CONFIRMS}",
        )


def _passes(value: str, check: str) -> bool:
    # ICAO lets an all-filler optional field carry `<` as its check digit.
    empty = check == "<" and value == "<" * len(value)
    return empty or checkdigit.matches(value, check)
