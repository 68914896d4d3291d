"""Data-quality findings: what a traveller's record lacks or gets wrong, without rejecting it.

The API guidelines make the document and biographic data mandatory: surname, given names, sex,
birth date, nationality, and a travel document with its type, number, issuing state and
expiry date; passengers also need their ports of embarkation and debarkation. Each gap is a
finding naming the traveller, the field and the segment, so the carrier can be asked to
resend, and screening can still run on what is there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from hudud.core.mrz import states

from .issues import Issue, located
from .model import Document, Traveller

_SEXES = {"M", "F", "X", "U"}
_Finding = Callable[[str, str, str], None]  # (code, field, problem) -> records a finding
_STATE_CODE = re.compile(r"[A-Z]{3}|D")


def check_traveller(traveller: Traveller, index: int, departure: date) -> list[Issue]:
    """Findings for one traveller; `index` is its position in the message or manifest.

    >>> [f.code for f in check_traveller(Traveller(party="FL", role="passenger"), 0,
    ...                                  date(2026, 1, 1))][:3]
    ['surname_missing', 'given_names_missing', 'sex_missing']
    """
    who = _who(traveller)
    found: list[Issue] = []

    def finding(code: str, field: str, problem: str) -> None:
        message = located(f"{who}: {problem}", traveller.location)
        found.append(Issue(code, field, message, index, traveller.location))

    _biographic(traveller, finding)
    if traveller.role == "passenger":
        if traveller.port_of_embarkation is None:
            finding(
                "embarkation_missing", "port_of_embarkation", "no port of embarkation (LOC+178)"
            )
        if traveller.port_of_debarkation is None:
            finding(
                "debarkation_missing", "port_of_debarkation", "no port of debarkation (LOC+179)"
            )
    if not traveller.documents:
        finding("document_missing", "documents", "no travel document (DOC)")
    for position, document in enumerate(traveller.documents, start=1):
        found.extend(_document(document, position, who, index, departure))
    return found


def _biographic(traveller: Traveller, finding: _Finding) -> None:
    if traveller.surname is None:
        finding("surname_missing", "surname", "no surname (NAD)")
    if traveller.given_names is None:
        finding("given_names_missing", "given_names", "no given names (NAD)")
    if traveller.sex is None:
        finding("sex_missing", "sex", "no sex (ATT+2)")
    elif traveller.sex not in _SEXES:
        finding("sex_invalid", "sex", f"sex {traveller.sex!r} is not M, F, X or U")
    raw = traveller.birth_date_raw
    if raw is None:
        finding("birth_date_missing", "birth_date", "no birth date (DTM+329)")
    elif len(traveller.birth_date_candidates) > 1 and traveller.birth_date is None:
        both = " or ".join(d.isoformat() for d in traveller.birth_date_candidates)
        finding("birth_date_century_ambiguous", "birth_date", f"birth date {raw!r} is {both}")
    elif traveller.birth_date is None:
        finding("birth_date_invalid", "birth_date", f"birth date {raw!r} is not a past date")
    if traveller.nationality is None:
        finding("nationality_missing", "nationality", "no nationality (NAT+2)")
    elif not _known_state(traveller.nationality):
        code = traveller.nationality
        finding("nationality_invalid", "nationality", f"{code!r} is not an ICAO state code")


def _document(
    document: Document, position: int, who: str, index: int, departure: date
) -> list[Issue]:
    found: list[Issue] = []
    label = f"document {position}" + (f" ({document.number})" if document.number else "")

    def finding(code: str, field: str, problem: str) -> None:
        message = located(f"{who}, {label}: {problem}", document.location)
        found.append(
            Issue(code, f"documents[{position - 1}].{field}", message, index, document.location)
        )

    if document.type is None:
        finding("document_type_missing", "type", "no document type (DOC element 1)")
    if document.number is None:
        finding("document_number_missing", "number", "no document number (DOC element 2)")
    if document.issuing_state is None:
        finding("issuing_state_missing", "issuing_state", "no issuing state (LOC+91)")
    elif not _known_state(document.issuing_state):
        state = document.issuing_state
        finding("issuing_state_invalid", "issuing_state", f"{state!r} is not an ICAO state code")
    raw = document.expiry_date_raw
    if raw is None:
        finding("expiry_date_missing", "expiry_date", "no expiry date (DTM+36)")
    elif document.expiry_date is None:
        finding("expiry_date_invalid", "expiry_date", f"expiry date {raw!r} is not a date")
    elif document.expiry_date < departure:
        expired = document.expiry_date.isoformat()
        finding("document_expired", "expiry_date", f"expired {expired}, before departure")
    return found


def _known_state(code: str) -> bool:
    return bool(_STATE_CODE.fullmatch(code)) and states.is_known(code)


def _who(traveller: Traveller) -> str:
    name = ", ".join(part for part in (traveller.surname, traveller.given_names) if part)
    return f"{traveller.role} {name}" if name else f"{traveller.role} without a name"
