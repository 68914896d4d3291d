"""The fast evaluator: a stay request in, a StayResult out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hudud.core.stay.errors import StayError
from hudud.core.stay.per_entry import per_entry_outcome, unlimited_outcome
from hudud.core.stay.policy import PerEntry, Rolling
from hudud.core.stay.request import StayRequest
from hudud.core.stay.rolling import rolling_outcome
from hudud.core.stay.timeline import Outcome, Timeline, timeline_of

_LAST_ORDINAL = date.max.toordinal()


@dataclass(frozen=True)
class StayResult:
    """A traveller's stay as known on the as-of day.

    `last_allowed_day`: for a traveller inside, the last day they may remain; for one outside,
    the last day if they entered on the as-of day; None when not even that day is allowed (and
    always None when `unlimited`). `remaining_days`: inside, whole days left after the as-of
    day; outside, the days an entry on the as-of day would allow; None when `unlimited`.
    """

    present: bool
    days_used: int
    last_allowed_day: date | None
    overstay_days: int
    remaining_days: int | None
    first_overstay_day: date | None
    unlimited: bool = False

    @property
    def overstay(self) -> bool:
        return self.overstay_days > 0

    def as_json(self) -> dict[str, object]:
        """The four fields of the `hudud stay` output contract."""
        last = self.last_allowed_day
        return {
            "present": self.present,
            "days_used": self.days_used,
            "last_allowed_day": last.isoformat() if last else None,
            "overstay_days": self.overstay_days,
        }


def evaluate(request: StayRequest) -> StayResult:
    """Evaluate one request; raises StayError when its history is inconsistent.

    >>> from hudud.core.stay import Crossing, Rolling
    >>> request = StayRequest(date(2026, 1, 1), Rolling(90, 180),
    ...                       (Crossing(date(2026, 1, 1), "entry"),))
    >>> evaluate(request).last_allowed_day
    datetime.date(2026, 3, 31)
    """
    timeline = timeline_of(request)
    policy = request.policy
    if isinstance(policy, Rolling):
        outcome = rolling_outcome(policy, timeline)
    elif isinstance(policy, PerEntry):
        outcome = per_entry_outcome(policy, timeline)
    else:
        return _result(unlimited_outcome(policy, timeline), timeline, unlimited=True)
    return _result(outcome, timeline, unlimited=False)


def evaluate_many(requests: Iterable[StayRequest]) -> list[StayResult | StayError]:
    """Evaluate a batch; an inconsistent history yields its StayError in place of a result.

    >>> from hudud.core.stay import PerEntry
    >>> [r.present for r in evaluate_many([StayRequest(date(2026, 1, 1), PerEntry(30))])]
    [False]
    """
    results: list[StayResult | StayError] = []
    for request in requests:
        try:
            results.append(evaluate(request))
        except StayError as error:
            results.append(error)
    return results


def _result(outcome: Outcome, timeline: Timeline, *, unlimited: bool) -> StayResult:
    last = None if outcome.last_allowed is None else min(outcome.last_allowed, _LAST_ORDINAL)
    remaining: int | None = None
    if not unlimited:
        remaining = _remaining(last, timeline)
    first_over = outcome.first_overstay
    return StayResult(
        present=timeline.present,
        days_used=outcome.days_used,
        last_allowed_day=None if last is None else date.fromordinal(last),
        overstay_days=outcome.overstay_days,
        remaining_days=remaining,
        first_overstay_day=None if first_over is None else date.fromordinal(first_over),
        unlimited=unlimited,
    )


def _remaining(last: int | None, timeline: Timeline) -> int:
    if last is None:
        return 0
    if timeline.present:
        # Today is already being spent: what remains are the days after it.
        return max(0, last - timeline.as_of)
    # Outside, the stay an entry today would allow, today included.
    return last - timeline.as_of + 1
