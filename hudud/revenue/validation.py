"""Checks on what a client sends about declarations and receipts. Each problem names its field.

The declaration codes are ASYCUDA's (the Single Administrative Document's box 1): the
declaration's model, a flow and a procedure digit (IM4 import for home use, IM7 import into a
warehouse, EX1 export, EX3 re-export, T1/T2 transit). Registration references read
`2026 C 1234`: the year, the serial letter, the number in that series at that office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from hudud.common.errors import Problem
from hudud.revenue.models import Currency, Declaration

_MODEL_CODES = (
    (re.compile(r"^IM[4-9]$"), Declaration.Flow.IMPORT),
    (re.compile(r"^EX[1-9]$"), Declaration.Flow.EXPORT),
    (re.compile(r"^(T1|T2|TR)$"), Declaration.Flow.TRANSIT),
)
_REFERENCE = re.compile(r"^(\d{4})\s+([A-Z]{1,3})\s+(\d{1,9})$")
OFFICE_CODE = re.compile(r"^[A-Z0-9]{3,10}$")
TRADER_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,19}$")
DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9<]{1,30}$")
# The largest amount the receipt and declaration columns hold (14 digits, 2 decimals).
MAX_AMOUNT = Decimal("999999999999.99")

# Where a declaration may go from each status. ASYCUDA may report a later status without the
# steps between (a declaration first seen once paid), so forward moves may skip; nothing goes
# back, and only a declaration not yet paid can be cancelled.
_ORDER = ["registered", "assessed", "paid", "released"]
_CANCELLABLE = {"registered", "assessed"}


@dataclass(frozen=True)
class Reference:
    year: int
    series: str
    number: int

    def __str__(self) -> str:
        return f"{self.year} {self.series} {self.number}"


def flow_of(model_code: str) -> str | None:
    """The flow of an ASYCUDA declaration model, or None for an unknown model.

    >>> flow_of("IM4")
    'import'
    """
    for pattern, flow in _MODEL_CODES:
        if pattern.match(model_code):
            return str(flow)
    return None


def parse_reference(text: str) -> Reference | None:
    """`2026 C 1234` (spaces between the parts, any number of them), or None."""
    found = _REFERENCE.match(" ".join(text.split()).upper())
    if found is None:
        return None
    return Reference(int(found[1]), found[2], int(found[3]))


def transition_allowed(current: str, new: str) -> bool:
    if new == current:
        return True
    if new == Declaration.Status.CANCELLED:
        return current in _CANCELLABLE
    if current not in _ORDER or new not in _ORDER:
        return False
    return _ORDER.index(new) > _ORDER.index(current)


def amount_problems(field: str, amount: Decimal, currency: str) -> list[Problem]:
    """An amount taken or declared: positive, in cents at most, dinars whole (the dinar's
    fils are no longer in use)."""
    try:
        amount = Decimal(str(amount))
        exponent = amount.as_tuple().exponent
        whole = amount == amount.to_integral_value()
    except (InvalidOperation, ValueError):
        return [Problem("invalid_value", field, "not a number")]
    if not isinstance(exponent, int):
        return [Problem("invalid_value", field, "not a number")]
    if amount <= 0:
        return [Problem("invalid_value", field, "must be more than zero")]
    if amount > MAX_AMOUNT:
        return [Problem("invalid_value", field, f"must be at most {MAX_AMOUNT}")]
    if currency == Currency.IQD and not whole:
        return [Problem("invalid_value", field, "dinar amounts are whole dinars")]
    if not whole and exponent < -2:
        return [Problem("invalid_value", field, "at most two decimal places")]
    return []


def text_problem(field: str, value: str, *, max_length: int, required: bool) -> Problem | None:
    if required and not value:
        return Problem("missing_field", field, "required")
    if len(value) > max_length:
        return Problem("too_long", field, f"at most {max_length} characters")
    if "\x00" in value:
        return Problem("invalid_value", field, "must not contain NUL characters")
    return None
