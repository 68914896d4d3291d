"""Reading the single fields: document code, state codes, sex, optional data, dates' issues."""

from __future__ import annotations

from dataclasses import dataclass

from . import states
from .checks import DocumentNumber
from .dates import DateReading
from .formats import Layout
from .result import IssueLog

# First letter of the document code each format is meant for (ICAO Doc 9303 Parts 4-7).
_EXPECTED_CODE_LETTERS = {"TD1": "IAC", "TD2": "IAC", "TD3": "P", "MRVA": "V", "MRVB": "V"}
_SEXES = frozenset("MFX")


@dataclass(frozen=True, slots=True)
class OptionalData:
    optional_data: str | None = None
    optional_data_1: str | None = None
    optional_data_2: str | None = None
    personal_number: str | None = None

    def values(self) -> tuple[str, ...]:
        fields = (self.optional_data_1, self.optional_data_2, self.optional_data)
        return tuple(value for value in fields if value is not None)


def read_document_code(mrz: str, layout: Layout, log: IssueLog) -> str:
    code = mrz[layout.document_code].rstrip("<")
    expected = _EXPECTED_CODE_LETTERS[layout.name]
    if not code or code[0] not in expected:
        letters = " or ".join(expected)
        log.warn(
            "document_code_unusual",
            "document_code",
            f"line 1, positions 1-2: document code {code!r} of a {layout.name} usually starts "
            f"with {letters}",
        )
    return code


def read_state(mrz: str, layout: Layout, span: slice, field_name: str, log: IssueLog) -> str:
    """A state code, fillers stripped (`D<<` is Germany), checked against ICAO's list."""
    code = mrz[span].rstrip("<")
    if not states.is_known(code):
        start = layout.where(span.start)
        label = field_name.replace("_", " ")
        log.error(
            f"{field_name}_unknown_code",
            field_name,
            f"{start}: {label} {code!r} is not an ICAO state or organisation code",
        )
    return code


def read_sex(mrz: str, layout: Layout, log: IssueLog) -> str | None:
    """M, F or X; None for `<` (unspecified) and for anything else, which is an error."""
    sex = mrz[layout.sex]
    if sex in _SEXES:
        return sex
    if sex != "<":
        log.error(
            "invalid_sex",
            "sex",
            f"{layout.where(layout.sex)}: sex {sex!r} is not M, F, X or '<' (unspecified)",
        )
    return None


def read_optional_data(mrz: str, layout: Layout, number: DocumentNumber) -> OptionalData:
    """Optional data, raw: trailing fillers stripped, inner `<` kept."""
    raw = {name: mrz[span].rstrip("<") for name, span in layout.optional}
    if number.remainder is not None:
        # An extended document number used the start of this field: only the rest is data.
        area_name = "optional_data_1" if layout.name == "TD1" else "optional_data"
        raw[area_name] = number.remainder.rstrip("<")
    if layout.name == "TD1":
        one, two = raw["optional_data_1"], raw["optional_data_2"]
        joined = " ".join(part for part in (one, two) if part)
        return OptionalData(optional_data=joined, optional_data_1=one, optional_data_2=two)
    if layout.name == "TD3":
        number_ = raw["personal_number"]
        return OptionalData(optional_data=number_, personal_number=number_)
    return OptionalData(optional_data=raw["optional_data"])


def log_date_reading(
    reading: DateReading, raw: str, field_name: str, check_ok: bool, log: IssueLog
) -> None:
    """Turn a date reading's status into the matching warning or error."""
    label = field_name.replace("_", " ")
    if reading.status == "ambiguous":
        both = " or ".join(d.isoformat() for d in reading.candidates)
        log.warn(
            f"{field_name}_century_ambiguous",
            field_name,
            f"{label} {raw!r} could be {both}; the MRZ does not say which: check the visual zone",
        )
    elif reading.status == "not_stated":
        log.warn(f"{field_name}_not_stated", field_name, f"no {label} stated ({raw!r})")
    elif reading.status == "partly_unknown":
        log.warn(f"{field_name}_partly_unknown", field_name, f"{label} {raw!r} has unknown parts")
    elif reading.status in ("invalid", "impossible"):
        message = f"{label} {raw!r} is not a calendar date"
        if reading.status == "impossible":
            message = f"{label} {raw!r} would be after today or after the expiry date"
        if check_ok:
            log.error("invalid_date", field_name, message)
        else:
            # The check-digit error already rejects this field; say why the date is missing.
            log.warn("invalid_date", field_name, message)
