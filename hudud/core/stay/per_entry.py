"""Fixed-duration visas and visas on arrival: N days per entry, within a validity period.

Days under a residence permit (exempt) neither count towards the N days nor can be overstay
days, as in the rolling rule: a day of the stay is over the limit when it is not exempt and
either the entry was not allowed, or it is past `valid_until`, or it is beyond the N-th
non-exempt day since the entry. Because each condition, once true, stays true for later days,
the last allowed day is the day before the first such day.
"""

from __future__ import annotations

from datetime import date

from hudud.core.stay.intervals import DaySet, subtract
from hudud.core.stay.policy import PerEntry, Unlimited
from hudud.core.stay.timeline import Outcome, Timeline

LAST_ORDINAL = date.max.toordinal()


def per_entry_outcome(policy: PerEntry, timeline: Timeline) -> Outcome:
    """Days used, last allowed day and overstay under a per-entry policy."""
    counted = DaySet(subtract(timeline.presence, timeline.exempt))
    first_over = first_violation(policy, timeline.start, timeline.exempt)
    last_allowed = None if first_over == timeline.start else first_over - 1
    if policy.valid_from is not None:
        days_used = counted.count(policy.valid_from.toordinal(), timeline.as_of)
    else:
        days_used = counted.count(timeline.start, timeline.as_of) if timeline.present else 0
    if not timeline.present:
        return Outcome(days_used, last_allowed, 0, None)
    overstay_days = counted.count(first_over, timeline.as_of)
    first_overstay = counted.first_from(first_over) if overstay_days else None
    return Outcome(days_used, last_allowed, overstay_days, first_overstay)


def unlimited_outcome(policy: Unlimited, timeline: Timeline) -> Outcome:
    """No limit: only the days of the current stay are reported, as days used."""
    counted = DaySet(subtract(timeline.presence, timeline.exempt))
    days_used = counted.count(timeline.start, timeline.as_of) if timeline.present else 0
    return Outcome(days_used, None, 0, None)


def first_violation(policy: PerEntry, entry: int, exempt: list[tuple[int, int]]) -> int:
    """The first day of a stay entered on `entry` (and continued) that is over the limit.

    Returns one past the calendar's last day when no day ever is (every later day exempt).
    """
    open_days = DaySet(subtract([(entry, LAST_ORDINAL)], exempt))
    candidates: list[int | None] = [open_days.nth_from(entry, policy.max_days + 1)]
    if not policy.allows_entry_on(date.fromordinal(entry)):
        candidates.append(open_days.first_from(entry))
    if policy.valid_until is not None:
        candidates.append(open_days.first_from(max(entry, policy.valid_until.toordinal() + 1)))
    found = [day for day in candidates if day is not None]
    return min(found) if found else LAST_ORDINAL + 1
