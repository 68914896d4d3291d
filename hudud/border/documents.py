"""Turning what the officer presents (an MRZ, or fields typed by hand) into document data.

The MRZ is read by `hudud.core.mrz`; a garbled zone that cannot even be recognised is a
request error naming the line, while a recognised zone with failed check digits is returned
with its errors so the officer sees which check digit failed and can correct it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hudud.common.errors import Problem, ServiceError
from hudud.core import mrz
from hudud.core.mrz import states


@dataclass(frozen=True)
class DocumentData:
    document_code: str
    issuing_state: str
    number: str
    nationality: str
    surname: str
    given_names: str
    birth_date: date | None
    birth_date_raw: str
    sex: str
    expiry_date: date | None
    valid: bool
    source: str  # "mrz" or "manual"
    mrz_format: str | None = None
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.document_code[:1]


def _problems(items: Any) -> list[Problem]:
    return [Problem(p.code, p.field, p.message) for p in items]


def document_from_mrz(text: str, *, today: date) -> DocumentData:
    result = mrz.parse(text, today=today)
    if result.format is None:
        raise ServiceError([Problem(p.code, f"mrz.{p.field}", p.message) for p in result.errors])
    if result.format in ("MRVA", "MRVB"):
        raise ServiceError.one(
            "visa_not_travel_document", "mrz", "this is a visa's MRZ: scan the passport instead"
        )
    return DocumentData(
        document_code=result.document_code or "",
        issuing_state=result.issuing_state or "",
        number=result.document_number or "",
        nationality=result.nationality or "",
        surname=result.surname or "",
        given_names=result.given_names or "",
        birth_date=result.birth_date,
        birth_date_raw=(result.birth_date_raw or "") if result.birth_date is None else "",
        sex=result.sex or "X",
        expiry_date=result.expiry_date,
        valid=result.valid,
        source="mrz",
        mrz_format=result.format,
        warnings=_problems(result.warnings),
        errors=_problems(result.errors),
    )


def document_from_fields(
    *,
    document_code: str,
    issuing_state: str,
    number: str,
    nationality: str,
    surname: str,
    given_names: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
) -> DocumentData:
    """Document fields typed by an officer (no MRZ, or a zone the reader could not read)."""
    problems: list[Problem] = []
    for name, code in (("issuing_state", issuing_state), ("nationality", nationality)):
        if not states.is_known(code.upper()):
            problems.append(
                Problem(f"{name}_unknown_code", f"document.{name}", f"{code!r} is not an ICAO code")
            )
    clean_number = number.replace(" ", "").replace("-", "").upper()
    if not clean_number.isalnum():
        problems.append(Problem("invalid_value", "document.number", "letters and digits only"))
    if problems:
        raise ServiceError(problems)
    return DocumentData(
        document_code=document_code.upper(),
        issuing_state=issuing_state.upper(),
        number=clean_number,
        nationality=nationality.upper(),
        surname=surname.strip().upper(),
        given_names=given_names.strip().upper(),
        birth_date=birth_date,
        birth_date_raw="",
        sex=sex,
        expiry_date=expiry_date,
        valid=True,
        source="manual",
    )
