"""What parsing an MRZ returns: the fields read, and every problem found, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Issue:
    """One error or warning: a stable `code`, the `field` it concerns and a message for people."""

    code: str
    field: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "message": self.message}


@dataclass(slots=True)
class IssueLog:
    """Collects issues while a parse runs; the result keeps them as immutable tuples."""

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    def error(self, code: str, field_name: str, message: str) -> None:
        self.errors.append(Issue(code, field_name, message))

    def warn(self, code: str, field_name: str, message: str) -> None:
        self.warnings.append(Issue(code, field_name, message))


@dataclass(frozen=True, slots=True)
class MrzResult:
    """A parsed machine-readable zone.

    `valid` is True when the format is recognised, every check digit passes, the state and
    nationality codes are known and no other error was found; warnings never affect it. Fields a
    format lacks (for example `personal_number` outside TD3) are None. Optional data is raw:
    trailing fillers stripped, inner `<` kept.
    """

    valid: bool
    format: str | None
    document_code: str | None = None
    issuing_state: str | None = None
    document_number: str | None = None
    document_number_check_digit: str | None = None
    document_number_extended: bool = False
    surname: str | None = None
    given_names: str | None = None
    nationality: str | None = None
    birth_date: date | None = None
    birth_date_raw: str | None = None
    birth_date_candidates: tuple[date, ...] = ()
    expiry_date: date | None = None
    expiry_date_raw: str | None = None
    sex: str | None = None
    optional_data: str | None = None
    optional_data_1: str | None = None
    optional_data_2: str | None = None
    personal_number: str | None = None
    warnings: tuple[Issue, ...] = ()
    errors: tuple[Issue, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, issues as {code, field, message} objects.

        >>> MrzResult(valid=False, format=None).to_json()["birth_date"] is None
        True
        """
        return {
            "valid": self.valid,
            "format": self.format,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "document_number_check_digit": self.document_number_check_digit,
            "document_number_extended": self.document_number_extended,
            "surname": self.surname,
            "given_names": self.given_names,
            "nationality": self.nationality,
            "birth_date": _iso(self.birth_date),
            "birth_date_raw": self.birth_date_raw,
            "birth_date_candidates": [d.isoformat() for d in self.birth_date_candidates],
            "expiry_date": _iso(self.expiry_date),
            "expiry_date_raw": self.expiry_date_raw,
            "sex": self.sex,
            "optional_data": self.optional_data,
            "optional_data_1": self.optional_data_1,
            "optional_data_2": self.optional_data_2,
            "personal_number": self.personal_number,
            "warnings": [issue.to_json() for issue in self.warnings],
            "errors": [issue.to_json() for issue in self.errors],
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
