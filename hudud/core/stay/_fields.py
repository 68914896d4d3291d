"""Readers for JSON fields that record a structured issue instead of raising.

Each reader appends to `issues` and returns None when the value is unusable, so a caller can
read every field of a request and report all the problems in one answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date

from hudud.core.stay.errors import INVALID_DATE, INVALID_VALUE, MISSING_FIELD, Issue

# [0-9], not \d: \d also matches Arabic-Indic digits, which date.fromisoformat rejects anyway.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def show(value: object) -> str:
    """A short rendering of a JSON value for an error message."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def required(obj: Mapping[str, object], key: str, field: str, issues: list[Issue]) -> object:
    """The value under `key`, or None (with a `missing_field` issue) when absent or null."""
    value = obj.get(key)
    if value is None:
        issues.append(Issue(MISSING_FIELD, field, "required"))
    return value


def required_date(
    obj: Mapping[str, object], key: str, field: str, issues: list[Issue]
) -> date | None:
    """A required date field: `missing_field` when absent, `invalid_date` when malformed."""
    return as_date(required(obj, key, field, issues), field, issues)


def as_object(value: object, field: str, issues: list[Issue]) -> Mapping[str, object] | None:
    """The value when it is a JSON object; otherwise None and an issue (null is missing)."""
    if isinstance(value, dict):
        return value
    if value is None:
        issues.append(Issue(MISSING_FIELD, field, "required"))
    else:
        issues.append(Issue(INVALID_VALUE, field, f"expected an object, got {show(value)}"))
    return None


def as_list(value: object, field: str, issues: list[Issue]) -> list[object] | None:
    if isinstance(value, list):
        return value
    if value is not None:
        issues.append(Issue(INVALID_VALUE, field, f"expected a list, got {show(value)}"))
    return None


def as_date(value: object, field: str, issues: list[Issue]) -> date | None:
    """A strict ISO calendar date (YYYY-MM-DD); None and an issue for anything else."""
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass  # well-formed but not a real day, such as 2026-02-30
    issues.append(Issue(INVALID_DATE, field, f"expected a date as YYYY-MM-DD, got {show(value)}"))
    return None


def as_int(value: object, field: str, issues: list[Issue], minimum: int) -> int | None:
    """A whole number of at least `minimum`; JSON true/false and 30.0 are refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        issues.append(Issue(INVALID_VALUE, field, f"expected a whole number, got {show(value)}"))
        return None
    if value < minimum:
        issues.append(Issue(INVALID_VALUE, field, f"must be at least {minimum}, got {value}"))
        return None
    return value
