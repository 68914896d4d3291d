"""A request reduced to day ordinals: when the traveller was present, what was exempt."""

from __future__ import annotations

from dataclasses import dataclass

from hudud.core.stay.errors import StayError
from hudud.core.stay.history import current_stay, stays_from
from hudud.core.stay.intervals import Interval, union
from hudud.core.stay.request import StayRequest


@dataclass(frozen=True)
class Timeline:
    """Days as ordinals. `start` is the entry day of the current stay, or `as_of` when outside:
    the day from which "how long may they stay?" is answered either way."""

    as_of: int
    present: bool
    start: int
    presence: list[Interval]  # days present, up to as_of
    exempt: list[Interval]  # days under a residence permit, past and future


@dataclass(frozen=True)
class Outcome:
    """What a policy concludes, in ordinals; evaluate() turns it into a StayResult."""

    days_used: int
    last_allowed: int | None
    overstay_days: int
    first_overstay: int | None


def timeline_of(request: StayRequest) -> Timeline:
    """Raises StayError when the history does not alternate entry and exit."""
    stays, issues = stays_from(request.crossings, request.as_of)
    if issues:
        raise StayError(issues)
    as_of = request.as_of.toordinal()
    current = current_stay(stays, request.as_of)
    presence = union(
        (stay.entry.toordinal(), stay.exit.toordinal() if stay.exit else as_of) for stay in stays
    )
    exempt = union((p.first.toordinal(), p.last.toordinal()) for p in request.exempt)
    start = current.entry.toordinal() if current else as_of
    return Timeline(as_of, current is not None, start, presence, exempt)
