"""Parsing: from text to an `MrzResult`, never raising, whatever the text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from . import ocr
from .checks import check_composite, check_document_number, check_field, read_document_number
from .dates import read_birth_date, read_expiry_date
from .fields import (
    log_date_reading,
    read_document_code,
    read_optional_data,
    read_sex,
    read_state,
)
from .formats import Layout
from .hints import birth_year_hint
from .names import check_name, split_name
from .normalise import report_invalid_characters, shape
from .result import IssueLog, MrzResult


def parse(
    text: str,
    *,
    today: date | None = None,
    ocr_correct: bool = True,
    issuer_filler_rule: bool = True,
) -> MrzResult:
    """Parse one MRZ (its lines separated by newlines) into fields, errors and warnings.

    `today` anchors century inference (default: the local date). `ocr_correct=False` is the
    strict reading: nothing is corrected, not even lowercase. `issuer_filler_rule=False` rejects
    extended document numbers whose check digit only matches with the filler counted.

    >>> result = parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\n"
    ...                "L898902C36UTO7408122F1204159ZE184226B<<<<<10", today=date(2026, 11, 22))
    >>> result.valid, result.format, result.surname, result.birth_date
    (True, 'TD3', 'ERIKSSON', datetime.date(1974, 8, 12))
    """
    log = IssueLog()
    layout, mrz = shape(text, log, uppercase=ocr_correct)
    if layout is None:
        return MrzResult(
            valid=False, format=None, warnings=tuple(log.warnings), errors=tuple(log.errors)
        )
    if ocr_correct:
        mrz = ocr.correct(mrz, layout, log, issuer_filler_rule=issuer_filler_rule)
    when = today if today is not None else _local_today()
    return _read(mrz, layout, log, today=when, issuer_filler_rule=issuer_filler_rule)


def parse_many(
    texts: Iterable[str],
    *,
    today: date | None = None,
    ocr_correct: bool = True,
    issuer_filler_rule: bool = True,
) -> list[MrzResult]:
    """Parse a batch of MRZs, in order, against one `today`.

    >>> [r.valid for r in parse_many(["", "not an MRZ"])]
    [False, False]
    """
    when = today if today is not None else _local_today()
    return [
        parse(text, today=when, ocr_correct=ocr_correct, issuer_filler_rule=issuer_filler_rule)
        for text in texts
    ]


def split_blocks(text: str) -> list[str]:
    """Split a document reader's output into MRZs at blank lines.

    >>> split_blocks("A\\nB\\n\\n\\nC\\n")
    ['A\\nB', 'C']
    """
    return list(iter_blocks(text.splitlines()))


def iter_blocks(lines: Iterable[str]) -> Iterator[str]:
    """Like `split_blocks`, lazily, over lines (a file object works): for long streams.

    >>> list(iter_blocks(["A\\n", "B\\n", "   \\n", "C"]))
    ['A\\nB', 'C']
    """
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip("\r\n"))
        elif current:
            yield "\n".join(current)
            current = []
    if current:
        yield "\n".join(current)


def _local_today() -> date:
    # MRZ dates are calendar dates with no time zone: "today" is the date where the document is
    # being read, which is the local date of this machine.
    return date.today()  # noqa: DTZ011


def _read(
    mrz: str, layout: Layout, log: IssueLog, *, today: date, issuer_filler_rule: bool
) -> MrzResult:
    report_invalid_characters(mrz, layout, log)
    number = read_document_number(mrz, layout)
    check_document_number(mrz, layout, number, log, issuer_filler_rule=issuer_filler_rule)
    checks_ok = _check_fields(mrz, layout, log)
    document_code = read_document_code(mrz, layout, log)
    issuing_state = read_state(mrz, layout, layout.issuing_state, "issuing_state", log)
    nationality = read_state(mrz, layout, layout.nationality, "nationality", log)
    surname, given_names = split_name(mrz[layout.name_field])
    check_name(mrz[layout.name_field], surname, given_names, log)
    sex = read_sex(mrz, layout, log)
    optional = read_optional_data(mrz, layout, number)
    birth_raw, expiry_raw = mrz[layout.birth_date], mrz[layout.expiry_date]
    expiry = read_expiry_date(expiry_raw, today=today)
    log_date_reading(expiry, expiry_raw, "expiry_date", checks_ok["expiry_date"], log)
    hint = birth_year_hint(issuing_state, optional.values(), birth_raw)
    birth = read_birth_date(birth_raw, today=today, expiry=expiry.value, hint_year=hint)
    log_date_reading(birth, birth_raw, "birth_date", checks_ok["birth_date"], log)
    return MrzResult(
        valid=not log.errors,
        format=layout.name,
        document_code=document_code,
        issuing_state=issuing_state,
        document_number=number.value,
        document_number_check_digit=number.check_digit,
        document_number_extended=number.extended,
        surname=surname,
        given_names=given_names,
        nationality=nationality,
        birth_date=birth.value,
        birth_date_raw=birth_raw,
        birth_date_candidates=birth.candidates,
        expiry_date=expiry.value,
        expiry_date_raw=expiry_raw,
        sex=sex,
        optional_data=optional.optional_data,
        optional_data_1=optional.optional_data_1,
        optional_data_2=optional.optional_data_2,
        personal_number=optional.personal_number,
        warnings=tuple(log.warnings),
        errors=tuple(log.errors),
    )


def _check_fields(mrz: str, layout: Layout, log: IssueLog) -> dict[str, bool]:
    """Verify the dates', personal number's and composite check digits; whether dates passed."""
    passed = {
        field_name: check_field(
            mrz,
            layout,
            getattr(layout, field_name),
            getattr(layout, f"{field_name}_check"),
            field_name,
            log,
        )
        for field_name in ("birth_date", "expiry_date")
    }
    if layout.personal_number_check is not None:
        span = dict(layout.optional)["personal_number"]
        check_field(mrz, layout, span, layout.personal_number_check, "personal_number", log)
    check_composite(mrz, layout, log)
    return passed
