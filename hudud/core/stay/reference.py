"""The rules read literally, one day at a time: the yardstick for the fast evaluator.

Slow on purpose (each day's count walks its whole window) and written to be checked by eye
against docs/formats/stay.md. It assumes a consistent history; the property tests only feed
it those. Use `evaluate`, never this, in the application.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from hudud.core.stay.evaluate import StayResult
from hudud.core.stay.policy import PerEntry, Rolling
from hudud.core.stay.request import StayRequest

_DAY = timedelta(days=1)
_SEARCH_LIMIT = 100_000  # days; a policy that validated always binds long before this


def reference_evaluate(request: StayRequest) -> StayResult:
    """Same answer as `evaluate`, day by day.

    >>> from hudud.core.stay import Crossing
    >>> request = StayRequest(date(2026, 1, 1), Rolling(90, 180),
    ...                       (Crossing(date(2026, 1, 1), "entry"),))
    >>> reference_evaluate(request).last_allowed_day
    datetime.date(2026, 3, 31)
    """
    present_days, entry = _walk(request)
    exempt = {day for p in request.exempt for day in _days(p.first, p.last)}
    as_of = request.as_of
    present = as_of in present_days
    start = entry if present and entry is not None else as_of
    policy = request.policy
    if isinstance(policy, Rolling):
        used, last, over = _rolling(policy, present_days, exempt, as_of, start)
    elif isinstance(policy, PerEntry):
        used, last, over = _per_entry(policy, present_days, exempt, as_of, start)
    else:
        used = sum(1 for d in _days(start, as_of) if d not in exempt) if present else 0
        return StayResult(present, used, None, 0, None, None, unlimited=True)
    if not present:
        over = []
    remaining = 0
    if last is not None:
        remaining = max(0, (last - as_of).days) if present else (last - as_of).days + 1
    first_over = over[0] if over else None
    return StayResult(present, used, last, len(over), remaining, first_over)


def _walk(request: StayRequest) -> tuple[set[date], date | None]:
    """Every day present up to as_of, and the date of the last entry (None if none)."""
    known = sorted((c for c in request.crossings if c.date <= request.as_of), key=lambda c: c.date)
    present: set[date] = set()
    entry: date | None = None
    inside = False
    for crossing in known:
        if crossing.direction == "entry":
            entry, inside = crossing.date, True
        elif crossing.direction == "exit" and entry is not None:
            present.update(_days(entry, crossing.date))
            inside = False
    if inside and entry is not None:
        present.update(_days(entry, request.as_of))
    return present, entry


def _rolling(
    policy: Rolling, present: set[date], exempt: set[date], as_of: date, start: date
) -> tuple[int, date | None, list[date]]:
    def is_present(day: date) -> bool:
        # The projection: presence continues from as_of onwards.
        return day in present or day >= as_of

    def count(day: date, projected: bool = True) -> int:
        window = [day - k * _DAY for k in range(policy.window_days)]
        counted = is_present if projected else present.__contains__
        return sum(1 for d in window if counted(d) and d not in exempt)

    def violates(day: date) -> bool:
        return is_present(day) and day not in exempt and count(day) > policy.max_days

    last = _last_allowed(start, violates)
    over = [d for d in _days(start, as_of) if violates(d)]
    return count(as_of, projected=False), last, over


def _per_entry(
    policy: PerEntry, present: set[date], exempt: set[date], as_of: date, start: date
) -> tuple[int, date | None, list[date]]:
    def violates(day: date) -> bool:
        if day in exempt:
            return False
        counted_so_far = sum(1 for d in _days(start, day) if d not in exempt)
        past_validity = policy.valid_until is not None and day > policy.valid_until
        over_count = counted_so_far > policy.max_days
        return not policy.allows_entry_on(start) or past_validity or over_count

    last = _last_allowed(start, violates)
    counted = [d for d in sorted(present) if d not in exempt and d <= as_of]
    if policy.valid_from is not None:
        used = sum(1 for d in counted if d >= policy.valid_from)
    else:
        used = sum(1 for d in counted if d >= start) if as_of in present else 0
    over = [d for d in counted if d >= start and violates(d)]
    return used, last, over


def _last_allowed(start: date, violates: Callable[[date], bool]) -> date | None:
    """The day before the first violating day from `start` on; None if `start` violates."""
    day = start
    for _ in range(_SEARCH_LIMIT):
        if violates(day):
            return day - _DAY if day > start else None
        day += _DAY
    raise AssertionError("the limit never bound")


def _days(first: date, last: date) -> list[date]:
    return [first + k * _DAY for k in range((last - first).days + 1)]
