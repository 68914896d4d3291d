"""Who may do what: roles combined with agency mandates, in one table.

An officer may use a capability when their **role** grants it and their **agency's
mandate** covers it (`CAPABILITIES`). A primary-line officer records crossings only in an
agency with a border-control mandate; a revenue officer of the customs commission reads
declarations and receipts but no watchlist hit and no trafficking case; an auditor reads
everything in any agency and decides nothing. Where an officer works (postings at crossing
points) and whose records they are (a carrier's own messages) are checked on top of this by
each app's access helpers, which ask this module first.

Fields that a role can do its work without are masked (`reveal`): the rule for each field
is in `FIELD_RULES`. docs/security.md prints these tables (checked by a test).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from hudud.agencies.models import Officer
from hudud.common.errors import AccessDenied

R = Officer.Role
EVERY_ROLE = frozenset(R)
ANY_AGENCY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Capability:
    name: str
    description: str
    roles: frozenset[str]
    # The agency needs at least one of these mandates (empty: any agency). Auditors are held
    # to no mandate: oversight spans agencies.
    mandates: frozenset[str] = ANY_AGENCY


def _cap(
    name: str, description: str, roles: Iterable[str], mandates: Iterable[str] = ()
) -> Capability:
    return Capability(name, description, frozenset(str(r) for r in roles), frozenset(mandates))


BORDER = {"border_control"}
SCREENING = {"border_control", "security"}
LINE: set[R] = {R.PRIMARY, R.SECONDARY, R.SUPERVISOR}

CAPABILITIES: dict[str, Capability] = {
    c.name: c
    for c in (
        _cap(
            "crossing.record", "check and record crossings at posted crossing points", LINE, BORDER
        ),
        _cap(
            "traveller.read",
            "read a traveller's identity and crossing history",
            LINE | {R.ANALYST, R.AUDITOR},
            BORDER | {"risk_analysis", "security"},
        ),
        _cap(
            "overstayer.list",
            "list overstayers",
            {R.SUPERVISOR, R.ANALYST, R.AUDITOR},
            BORDER | {"risk_analysis", "residency"},
        ),
        _cap(
            "alert.decide",
            "confirm or dismiss watchlist alerts, grant clearances, at posted crossing points",
            {R.SECONDARY, R.SUPERVISOR},
            SCREENING,
        ),
        _cap(
            "watchlist.search",
            "search watchlist entries",
            {R.SECONDARY, R.SUPERVISOR, R.ANALYST, R.AUDITOR},
            SCREENING,
        ),
        _cap(
            "watchlist.manage",
            "create lists and import into the agency's own lists",
            {R.AGENCY_ADMIN},
        ),
        _cap(
            "manifest.submit",
            "send passenger lists and read the responses to the carrier's own messages",
            {R.CARRIER},
        ),
        _cap(
            "manifest.read",
            "read announced flights and their pre-screening results",
            LINE | {R.ANALYST, R.AUDITOR},
            BORDER | {"risk_analysis"},
        ),
        _cap(
            "analytics.read",
            "read indicators and dashboards (figures, not identities)",
            {R.SUPERVISOR, R.ANALYST, R.AUDITOR},
            BORDER | {"risk_analysis", "security"},
        ),
        _cap(
            "declaration.read",
            "read customs declarations and fee receipts at posted ports",
            {R.REVENUE, R.AUDITOR},
            {"customs", "revenue"},
        ),
        _cap(
            "declaration.record",
            "record and update customs declarations by reference at posted ports",
            {R.REVENUE},
            {"customs"},
        ),
        _cap(
            "receipt.issue",
            "issue fee receipts, and void them with a reason, at posted crossing points",
            {R.REVENUE},
            {"customs", "revenue"},
        ),
        _cap(
            "case.trafficking",
            "open and read trafficking-victim referrals",
            {R.CASE_WORKER, R.AUDITOR},
            {"trafficking"},
        ),
        _cap(
            "case.returns",
            "open and read returns and reintegration cases",
            {R.CASE_WORKER, R.AUDITOR},
            {"migration", "returns"},
        ),
        _cap("audit.read", "read the audit trail and verify it", {R.AUDITOR}),
        _cap("account.manage", "manage the agency's officers and their tokens", {R.AGENCY_ADMIN}),
    )
}


def can(officer: Officer, capability: str) -> bool:
    """Whether `officer`'s role and agency allow `capability` (a key of `CAPABILITIES`).

    >>> can(customs_officer, "alert.decide")
    False
    """
    cap = CAPABILITIES[capability]
    if officer.role not in cap.roles:
        return False
    if officer.role == R.AUDITOR or not cap.mandates:
        return True
    return bool(cap.mandates & set(officer.agency.mandates or ()))


def require(officer: Officer, capability: str, message: str = "", field_name: str = "") -> None:
    """Raise `AccessDenied` (403) unless `officer` may use `capability`."""
    if not can(officer, capability):
        cap = CAPABILITIES[capability]
        raise AccessDenied(message or f"your role or agency may not {cap.description}", field_name)


def capabilities_of(officer: Officer) -> list[str]:
    return [name for name in CAPABILITIES if can(officer, name)]


# --- masking -------------------------------------------------------------------------------

MASK = "•"


@dataclass(frozen=True)
class FieldRule:
    field: str
    full: frozenset[str]  # roles that see the value in full; every other role sees it masked
    masked_as: str


FIELD_RULES: dict[str, FieldRule] = {
    r.field: r
    for r in (
        # Line officers compare the document in hand; auditors must see what was seen.
        # Analysts link records by traveller id, not by document number.
        FieldRule(
            "document_number",
            frozenset({R.PRIMARY, R.SECONDARY, R.SUPERVISOR, R.AUDITOR, R.CASE_WORKER}),
            "first two and last two characters",
        ),
        FieldRule(
            "birth_date",
            frozenset({R.PRIMARY, R.SECONDARY, R.SUPERVISOR, R.AUDITOR, R.CASE_WORKER}),
            "year only",
        ),
        # A trafficking victim's identity is for their case worker (and oversight) alone.
        FieldRule("victim_identity", frozenset({R.CASE_WORKER, R.AUDITOR}), "withheld"),
    )
}


def mask_document_number(number: str) -> str:
    """Keep the first two and last two characters, enough to tell two documents apart.

    >>> mask_document_number("K12345678")
    'K1•••••78'
    """
    if len(number) <= 4:
        return MASK * len(number)
    return number[:2] + MASK * (len(number) - 4) + number[-2:]


def mask_birth_date(value: str) -> str:
    """Keep the year: of an ISO date, or of a date as read raw (`CCYYMMDD`, MRZ `YYMMDD`)
    when it could not be read as a date.

    >>> mask_birth_date("1984-03-02"), mask_birth_date("8403XX")
    ('1984-••-••', '84••••')
    """
    if len(value) >= 10 and value[4] == "-":
        return value[:4] + "-••-••"
    keep = 4 if len(value) == 8 else 2
    if len(value) <= keep:
        return MASK * len(value)
    return value[:keep] + MASK * (len(value) - keep)


def _masked(field: str, value: str) -> str:
    if field == "document_number":
        return mask_document_number(value)
    if field == "birth_date":
        return mask_birth_date(value)
    return "(withheld)"


def sees_in_full(officer: Officer | None, field: str) -> bool:
    return officer is not None and officer.role in FIELD_RULES[field].full


def reveal(officer: Officer | None, field: str, value: str | None) -> str | None:
    """`value` as `officer` may see it: in full, or masked by the field's rule (no officer:
    masked)."""
    if value is None or value == "" or sees_in_full(officer, field):
        return value
    return _masked(field, value)


def birth_date_json(officer: Officer | None, value: date | str | None) -> dict[str, Any]:
    """A birth date in an API answer, as `officer` may see it: the fields `birth_date` (in
    full, or null when masked: a date-typed field holds no partial date), `birth_year` and
    `birth_date_masked`. Serialisers splice it into the object they build. A string (an ISO
    date kept in a JSON snapshot) stays a string when seen in full.

    >>> birth_date_json(analyst, date(1984, 3, 2))
    {'birth_date': None, 'birth_year': 1984, 'birth_date_masked': True}
    """
    text = value.isoformat() if isinstance(value, date) else (value or "")
    year = int(text[:4]) if text[:4].isdigit() else None
    masked = bool(text) and not sees_in_full(officer, "birth_date")
    return {
        "birth_date": None if masked else value,
        "birth_year": year,
        "birth_date_masked": masked,
    }
