"""Verifying check digits, including extended document numbers and the composite.

Extended document numbers (TD1 and TD2, ICAO Doc 9303 Part 5 note j / Part 6): a number longer
than 9 characters puts its first 9 in the number field, a `<` in the check-digit position, and
continues in the optional data with the rest of the number, its check digit and a `<`. ICAO
computes that check digit over the full number *without* the filler. Some issuers (Portugal,
Belgium) compute it with the filler included; with `issuer_filler_rule` such a number is accepted
with the warning `document_number_check_digit_includes_filler`, otherwise it is an error. The
composite covers the raw positions, so it is the same under either rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import checkdigit
from .formats import Layout
from .result import IssueLog


@dataclass(frozen=True, slots=True)
class DocumentNumber:
    value: str
    check_digit: str
    check_offset: int
    # Offsets of the characters ICAO's check digit covers (an extended number skips the filler).
    offsets: tuple[int, ...]
    extended: bool
    # What is left of the optional data after an extended number's continuation.
    remainder: str | None = None


def read_document_number(mrz: str, layout: Layout) -> DocumentNumber:
    """The document number, following an extension into the optional data when there is one."""
    span, check_offset = layout.document_number, layout.document_number_check
    first = mrz[span]
    area = layout.extension_area
    if area is not None and mrz[check_offset] == "<" and "<" not in first:
        continuation = mrz[area]
        end = continuation.find("<")
        end = len(continuation) if end == -1 else end
        if end >= 1:
            offsets = (*range(span.start, span.stop), *range(area.start, area.start + end - 1))
            return DocumentNumber(
                value="".join(mrz[i] for i in offsets),
                check_digit=continuation[end - 1],
                check_offset=area.start + end - 1,
                offsets=offsets,
                extended=True,
                remainder=continuation[end + 1 :],
            )
    return DocumentNumber(
        value=first.rstrip("<"),
        check_digit=mrz[check_offset],
        check_offset=check_offset,
        offsets=tuple(range(span.start, span.stop)),
        extended=False,
    )


def check_document_number(
    mrz: str, layout: Layout, number: DocumentNumber, log: IssueLog, *, issuer_filler_rule: bool
) -> None:
    checked = "".join(mrz[i] for i in number.offsets)
    if checkdigit.matches(checked, number.check_digit):
        return
    filler = layout.document_number_check
    with_filler = f"{checked[:9]}<{checked[9:]}"
    where = layout.where(number.check_offset)
    if number.extended and checkdigit.matches(with_filler, number.check_digit):
        note = (
            f"{where}: check digit {number.check_digit!r} of the extended document number "
            f"{number.value!r} matches only when the '<' filler at {layout.where(filler)} is "
            "counted, as some issuers (PRT, BEL) do; ICAO Doc 9303 excludes the filler"
        )
        if issuer_filler_rule:
            log.warn("document_number_check_digit_includes_filler", "document_number", note)
        else:
            log.error("document_number_check_digit", "document_number", note)
        return
    log.error(
        "document_number_check_digit",
        "document_number",
        _mismatch(where, "document number", checked, number.check_digit),
    )


def check_field(
    mrz: str, layout: Layout, span: slice, check_offset: int, field_name: str, log: IssueLog
) -> bool:
    """Log `<field_name>_check_digit` unless the digit at `check_offset` checks `span`."""
    value, found = mrz[span], mrz[check_offset]
    # ICAO lets an all-filler personal number carry `<` as its check digit.
    empty_ok = field_name == "personal_number" and found == "<" and value == "<" * len(value)
    if empty_ok or checkdigit.matches(value, found):
        return True
    label = field_name.replace("_", " ")
    message = _mismatch(layout.where(check_offset), label, value, found)
    log.error(f"{field_name}_check_digit", field_name, message)
    return False


def check_composite(mrz: str, layout: Layout, log: IssueLog) -> None:
    if layout.composite_check is None:
        return
    value = "".join(mrz[span] for span in layout.composite)
    found = mrz[layout.composite_check]
    if not checkdigit.matches(value, found):
        where = layout.where(layout.composite_check)
        log.error(
            "composite_check_digit",
            "composite_check_digit",
            _mismatch(where, "composite", value, found, shown="the fields it covers"),
        )


def _mismatch(where: str, label: str, value: str, found: str, shown: str | None = None) -> str:
    computed = checkdigit.compute(value)
    shown = shown or repr(value)
    if computed is None:
        return (
            f"{where}: {label} check digit {found!r} cannot be verified: {shown} hold "
            "characters outside A-Z, 0-9 and '<'"
        )
    return f"{where}: {label} check digit is {found!r} but {shown} give {computed!r}"
