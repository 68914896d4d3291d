"""Birth date, nationality, sex and documents: evidence that confirms or contradicts a name.

These fields never make a match on their own (a shared birth date is shared by thousands), so
each adds or removes a bounded amount from the name score, and only a name that already
matches well can gain from them. A document number with its issuing state is different: it
identifies a document, so it is an exact identifier for lost and stolen documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Effects on the score, in score points. Contradictions weigh more than confirmations because a
# listed person's birth date and sex are usually right, while a shared value is often chance.
_DOB_EXACT = 0.08
_DOB_SWAPPED = 0.06
_DOB_YEAR = 0.04
_DOB_NEAR = 0.01
_DOB_CONTRADICTS = -0.12
_NATIONALITY_SAME = 0.03
_NATIONALITY_DIFFERENT = -0.03
_SEX_SAME = 0.01
_SEX_DIFFERENT = -0.10
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DOCUMENT_SEPARATORS = re.compile(r"[\s\-./_<]+")


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    """One field's comparison: what each side said, the verdict, and its effect on the score."""

    field: str
    query: str
    entry: str
    verdict: str
    effect: float

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "query": self.query,
            "entry": self.entry,
            "verdict": self.verdict,
            "effect": round(self.effect, 3),
        }


def _parts(value: str) -> tuple[int, int | None, int | None] | None:
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _compare_dates(q: str, e: str) -> tuple[str, float] | None:
    a, b = _parts(q), _parts(e)
    if a is None or b is None:
        return None
    if a == b and a[1] is not None and a[2] is not None:
        return "exact", _DOB_EXACT
    if a[0] == b[0]:
        swapped = a[1] is not None and a[1] == b[2] and a[2] == b[1]
        if swapped:
            return "day_month_swapped", _DOB_SWAPPED
        same_known = all(x == y for x, y in zip(a[1:], b[1:], strict=True) if x and y)
        return ("same_year", _DOB_YEAR) if same_known else ("same_year_other_day", _DOB_NEAR)
    if abs(a[0] - b[0]) == 1:
        return "one_year_apart", _DOB_NEAR
    return f"{abs(a[0] - b[0])}_years_apart", _DOB_CONTRADICTS


def birth_date_evidence(query: str | None, entry: tuple[str, ...]) -> FieldEvidence | None:
    """The best agreement between the traveller's birth date and any of the entry's.

    >>> birth_date_evidence("1970-03-02", ("1970-02-03",)).verdict
    'day_month_swapped'
    >>> birth_date_evidence("1990-01-01", ("1970", "1971")).verdict
    '19_years_apart'
    """
    if not query or not entry:
        return None
    best: FieldEvidence | None = None
    for value in sorted(
        entry,
        key=lambda v: (
            abs(int(v[:4]) - int(query[:4])) if v[:4].isdigit() and query[:4].isdigit() else 0
        ),
    ):
        compared = _compare_dates(query, value)
        if compared and (best is None or compared[1] > best.effect):
            best = FieldEvidence("birth_date", query, value, compared[0], compared[1])
    return best


def nationality_evidence(query: str | None, entry: tuple[str, ...]) -> FieldEvidence | None:
    """Same nationality confirms a little; a different one contradicts a little (people change)."""
    if not query or not entry:
        return None
    q = query.strip().upper()
    if q in {n.upper() for n in entry}:
        return FieldEvidence("nationality", q, q, "same", _NATIONALITY_SAME)
    return FieldEvidence("nationality", q, ", ".join(entry), "different", _NATIONALITY_DIFFERENT)


def sex_evidence(query: str | None, entry: str | None) -> FieldEvidence | None:
    """Sex rarely differs on the same person's records, so a difference weighs."""
    if not query or not entry or query.upper() == "X" or entry.upper() == "X":
        return None
    if query.upper() == entry.upper():
        return FieldEvidence("sex", query.upper(), entry.upper(), "same", _SEX_SAME)
    return FieldEvidence("sex", query.upper(), entry.upper(), "different", _SEX_DIFFERENT)


def normalise_document_number(number: str) -> str:
    """Fold separators away and read the letter O as the digit 0, as OCR and clerks confuse them.

    >>> normalise_document_number("ab-12 o45.6")
    'AB120456'
    """
    return _DOCUMENT_SEPARATORS.sub("", number.upper()).replace("O", "0")


def normalise_state(state: str | None) -> str:
    """Issuing states compare upper-case; Germany's D is its own code in documents."""
    return (state or "").strip().upper()
