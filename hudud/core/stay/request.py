"""A stay request (policy, crossings, exempt periods, as-of day) and its parsing from JSON."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeVar

from hudud.core.stay import _fields
from hudud.core.stay.errors import INVALID_VALUE, Issue, StayError
from hudud.core.stay.history import history_issues
from hudud.core.stay.policy import Policy, parse_policy

T = TypeVar("T")
Direction = Literal["entry", "exit", "refusal"]
DIRECTIONS: tuple[Direction, ...] = ("entry", "exit", "refusal")


@dataclass(frozen=True)
class Crossing:
    """A recorded crossing. A refusal is kept in the history but never makes anyone present."""

    date: date
    direction: Direction


@dataclass(frozen=True)
class Period:
    """A period covered by a residence permit or long-stay visa, `first` to `last` inclusive."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"period ends ({self.last}) before it starts ({self.first})")


@dataclass(frozen=True)
class StayRequest:
    """Everything needed to evaluate one traveller's stay as known on `as_of`.

    >>> from hudud.core.stay.policy import Rolling
    >>> StayRequest(date(2026, 3, 1), Rolling(90, 180), (Crossing(date(2026, 1, 1), "entry"),))
    ... # doctest: +ELLIPSIS
    StayRequest(as_of=datetime.date(2026, 3, 1), ...)
    """

    as_of: date
    policy: Policy
    crossings: tuple[Crossing, ...] = ()
    exempt: tuple[Period, ...] = field(default=())


def parse_request(obj: object) -> StayRequest:
    """Read a request from its JSON object, or raise StayError listing every problem found.

    Keys other than as_of, policy, crossings and exempt are ignored (callers may carry an id).
    A history that does not alternate entry and exit is reported here too when the dates read.

    >>> parse_request({"as_of": "2026-01-05", "policy": {"kind": "per_entry", "max_days": 30},
    ...                "crossings": [{"date": "2026-01-01", "direction": "entry"}]}).as_of
    datetime.date(2026, 1, 5)
    """
    if not isinstance(obj, dict):
        message = f"expected a JSON object, got {_fields.show(obj)}"
        raise StayError([Issue(INVALID_VALUE, "line", message)])
    top: Mapping[str, object] = obj
    issues: list[Issue] = []
    as_of = _fields.required_date(top, "as_of", "as_of", issues)
    policy, policy_issues = parse_policy(top.get("policy"))
    issues.extend(policy_issues)
    crossings = _read_list(
        _fields.required(top, "crossings", "crossings", issues), "crossings", _read_crossing, issues
    )
    # exempt is optional: absent or null means no exempt periods (any other non-list is wrong).
    exempt_value = top.get("exempt")
    exempt = _read_list(
        [] if exempt_value is None else exempt_value, "exempt", _read_period, issues
    )
    if as_of is not None and crossings is not None:
        issues.extend(history_issues(crossings, as_of))
    if issues or as_of is None or policy is None or crossings is None or exempt is None:
        raise StayError(issues)
    return StayRequest(as_of, policy, crossings, exempt)


def _read_list(
    value: object,
    name: str,
    read_item: Callable[[object, str, list[Issue]], T | None],
    issues: list[Issue],
) -> tuple[T, ...] | None:
    """Every item of the list `name`, or None when the list or any item has a problem (each
    problem is reported with its index, e.g. `crossings[2].date`)."""
    items = _fields.as_list(value, name, issues)
    if items is None:
        return None
    before = len(issues)
    read = [read_item(item, f"{name}[{i}]", issues) for i, item in enumerate(items)]
    if len(issues) > before:
        return None
    return tuple(item for item in read if item is not None)


def _read_crossing(value: object, path: str, issues: list[Issue]) -> Crossing | None:
    obj = _fields.as_object(value, path, issues)
    if obj is None:
        return None
    day = _fields.required_date(obj, "date", f"{path}.date", issues)
    direction = _fields.required(obj, "direction", f"{path}.direction", issues)
    if direction is not None and direction not in DIRECTIONS:
        message = f"expected 'entry', 'exit' or 'refusal', got {_fields.show(direction)}"
        issues.append(Issue(INVALID_VALUE, f"{path}.direction", message))
        return None
    if day is None or direction is None:
        return None
    return Crossing(day, direction)


def _read_period(value: object, path: str, issues: list[Issue]) -> Period | None:
    obj = _fields.as_object(value, path, issues)
    if obj is None:
        return None
    first = _fields.required_date(obj, "from", f"{path}.from", issues)
    last = _fields.required_date(obj, "to", f"{path}.to", issues)
    if first is None or last is None:
        return None
    if last < first:
        message = f"must not be before from ({first.isoformat()})"
        issues.append(Issue(INVALID_VALUE, f"{path}.to", message))
        return None
    return Period(first, last)
