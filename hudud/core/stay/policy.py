"""Stay policies (how long a traveller may remain) and their parsing from JSON objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from hudud.core.stay import _fields
from hudud.core.stay.errors import INVALID_VALUE, Issue


@dataclass(frozen=True)
class Rolling:
    """At most `max_days` days present in any `window_days`-day period: the EU's 90/180.

    `max_days` must be below `window_days`; otherwise the rule can never bind.

    >>> Rolling(max_days=90, window_days=180).window_days
    180
    """

    max_days: int
    window_days: int

    def __post_init__(self) -> None:
        _raise_first(rolling_issues(self.max_days, self.window_days, "policy"))


@dataclass(frozen=True)
class PerEntry:
    """A fixed-duration visa or visa on arrival: `max_days` per entry, counting the entry day.

    Entry is allowed only on days within [`valid_from`, `valid_until`] (either bound optional),
    and no stay may go beyond `valid_until`.

    >>> PerEntry(max_days=30).allows_entry_on(date(2026, 1, 1))
    True
    """

    max_days: int
    valid_from: date | None = None
    valid_until: date | None = None

    def __post_init__(self) -> None:
        _raise_first(per_entry_issues(self.max_days, self.valid_from, self.valid_until, "policy"))

    def allows_entry_on(self, day: date) -> bool:
        after_start = self.valid_from is None or day >= self.valid_from
        return after_start and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class Unlimited:
    """No limit (citizens, permanent residents). Python API only; not in the CLI contract.

    >>> Unlimited() == Unlimited()
    True
    """


Policy = Rolling | PerEntry | Unlimited

_KEYS = {
    "rolling": {"kind", "max_days", "window_days"},
    "per_entry": {"kind", "max_days", "valid_from", "valid_until"},
}


def rolling_issues(max_days: int, window_days: int, field: str) -> list[Issue]:
    """The range problems of a rolling policy whose fields are already whole numbers."""
    if max_days < 0:
        return [Issue(INVALID_VALUE, f"{field}.max_days", "must be at least 0")]
    if window_days < 1:
        return [Issue(INVALID_VALUE, f"{field}.window_days", "must be at least 1")]
    if max_days >= window_days:
        # With max_days >= window_days no day could ever exceed the limit, so the last allowed
        # day would be undefined; such a policy is a configuration mistake, not "no limit".
        message = f"must be less than window_days ({window_days}), got {max_days}"
        return [Issue(INVALID_VALUE, f"{field}.max_days", message)]
    return []


def per_entry_issues(
    max_days: int, valid_from: date | None, valid_until: date | None, field: str
) -> list[Issue]:
    """The range problems of a per-entry policy whose fields are already well typed."""
    issues = []
    if max_days < 0:
        issues.append(Issue(INVALID_VALUE, f"{field}.max_days", "must be at least 0"))
    if valid_from is not None and valid_until is not None and valid_until < valid_from:
        message = f"must not be before valid_from ({valid_from.isoformat()})"
        issues.append(Issue(INVALID_VALUE, f"{field}.valid_until", message))
    return issues


def parse_policy(value: object, field: str = "policy") -> tuple[Policy | None, list[Issue]]:
    """Read a policy from its JSON object; the policy, or None and every problem found.

    >>> parse_policy({"kind": "rolling", "max_days": 90, "window_days": 180})[0]
    Rolling(max_days=90, window_days=180)
    """
    issues: list[Issue] = []
    obj = _fields.as_object(value, field, issues)
    if obj is None:
        return None, issues
    kind = _fields.required(obj, "kind", f"{field}.kind", issues)
    if kind is None:
        return None, issues
    if kind not in _KEYS:
        expected = "expected 'rolling' or 'per_entry'"
        return None, [
            Issue(INVALID_VALUE, f"{field}.kind", f"{expected}, got {_fields.show(kind)}")
        ]
    # Unknown keys are refused because a misspelt optional bound ("valid_untill") would
    # otherwise be dropped silently and change the legal answer.
    for key in sorted(set(obj) - _KEYS[str(kind)]):
        issues.append(Issue(INVALID_VALUE, f"{field}.{key}", f"not a field of a {kind} policy"))
    reader = _read_rolling if kind == "rolling" else _read_per_entry
    policy = reader(obj, field, issues)
    return (policy if not issues else None), issues


def _read_rolling(obj: Mapping[str, object], field: str, issues: list[Issue]) -> Policy | None:
    max_days = _read_count(obj, "max_days", field, issues)
    window_days = _read_count(obj, "window_days", field, issues)
    if max_days is None or window_days is None:
        return None
    issues.extend(rolling_issues(max_days, window_days, field))
    return None if issues else Rolling(max_days, window_days)


def _read_per_entry(obj: Mapping[str, object], field: str, issues: list[Issue]) -> Policy | None:
    max_days = _read_count(obj, "max_days", field, issues)
    valid_from = _fields.as_date(obj.get("valid_from"), f"{field}.valid_from", issues)
    valid_until = _fields.as_date(obj.get("valid_until"), f"{field}.valid_until", issues)
    if max_days is None:
        return None
    issues.extend(per_entry_issues(max_days, valid_from, valid_until, field))
    return None if issues else PerEntry(max_days, valid_from, valid_until)


def _read_count(obj: Mapping[str, object], key: str, field: str, issues: list[Issue]) -> int | None:
    path = f"{field}.{key}"
    minimum = 1 if key == "window_days" else 0
    return _fields.as_int(_fields.required(obj, key, path, issues), path, issues, minimum)


def _raise_first(issues: list[Issue]) -> None:
    if issues:
        raise ValueError(f"{issues[0].field}: {issues[0].message}")
