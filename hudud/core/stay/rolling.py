"""The rolling rule: at most N days present in any M-day period (the EU's 90/180).

For every day of presence, the days present in the M days ending that day (inclusive) are
counted, exempt days excepted; the day violates the rule when that count exceeds N.
"""

from __future__ import annotations

from collections.abc import Iterator

from hudud.core.stay.intervals import DaySet, subtract, union
from hudud.core.stay.policy import Rolling
from hudud.core.stay.timeline import Outcome, Timeline


def rolling_outcome(policy: Rolling, timeline: Timeline) -> Outcome:
    """Days used, last allowed day and overstay under a rolling policy."""
    # From the day after the last exempt day (or as_of), continuous presence reaches
    # max_days + 1 counted days within max_days + 1 days, so the first violation lies before
    # this horizon; projecting presence up to it is as good as projecting it forever.
    last_exempt = timeline.exempt[-1][1] if timeline.exempt else timeline.as_of
    horizon = max(timeline.as_of, last_exempt) + policy.max_days + 2
    projected = union([*timeline.presence, (timeline.as_of, horizon)])
    window = _Window(DaySet(subtract(projected, timeline.exempt)), policy)
    first_violation = next(window.violations(timeline.start, horizon), (horizon, horizon))[0]
    last_allowed = first_violation - 1 if first_violation > timeline.start else None
    # Days used are the days actually present; the projection must not count as_of for a
    # traveller who is outside.
    actual = DaySet(subtract(timeline.presence, timeline.exempt))
    days_used = actual.count(timeline.as_of - policy.window_days + 1, timeline.as_of)
    if not timeline.present:
        return Outcome(days_used, last_allowed, 0, None)
    runs = list(window.violations(timeline.start, timeline.as_of))
    overstay_days = sum(last - first + 1 for first, last in runs)
    return Outcome(days_used, last_allowed, overstay_days, runs[0][0] if runs else None)


class _Window:
    def __init__(self, counted: DaySet, policy: Rolling) -> None:
        self.counted = counted
        self.max_days = policy.max_days
        self.window_days = policy.window_days

    def used(self, day: int) -> int:
        """Counted days in the window ending on `day`."""
        return self.counted.count(day - self.window_days + 1, day)

    def violations(self, first: int, last: int) -> Iterator[tuple[int, int]]:
        """Runs (from, to) of violating days within [first, last], in order."""
        for run_first, run_last in self.counted.intervals:
            low, high = max(run_first, first), min(run_last, last)
            if run_first > last:
                return
            if low <= high and self.used(high) > self.max_days:
                yield self._first_over(low, high), high

    def _first_over(self, low: int, high: int) -> int:
        # Within one run of counted days the count never falls: each day adds one and at
        # most one day leaves the window. So the violating days are a suffix of the run.
        while low < high:
            middle = (low + high) // 2
            if self.used(middle) > self.max_days:
                high = middle
            else:
                low = middle + 1
        return low
