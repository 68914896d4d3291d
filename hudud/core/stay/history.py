"""From crossings to stays: the entry/exit pairs that make a traveller present."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from hudud.core.stay.errors import ENTRY_WITHOUT_EXIT, EXIT_WITHOUT_ENTRY, Issue

if TYPE_CHECKING:
    from hudud.core.stay.request import Crossing


@dataclass(frozen=True)
class Stay:
    """Present from `entry` to `exit` inclusive; `exit` is None while the stay is still open."""

    entry: date
    exit: date | None


def stays_from(crossings: Sequence[Crossing], as_of: date) -> tuple[list[Stay], list[Issue]]:
    """The stays in a history as known on `as_of`, in order, and any inconsistencies in it.

    Crossings after `as_of` are ignored; refusals never start a stay. Crossings are ordered by
    date, and crossings on the same day keep the order they were given in, so an exit and a
    re-entry on one day read as such.

    >>> from hudud.core.stay.request import Crossing
    >>> stays_from([Crossing(date(2026, 1, 1), "entry")], date(2026, 1, 5))[0]
    [Stay(entry=datetime.date(2026, 1, 1), exit=None)]
    """
    known = [
        (i, c) for i, c in enumerate(crossings) if c.date <= as_of and c.direction != "refusal"
    ]
    known.sort(key=lambda pair: pair[1].date)  # stable: same-day order as given
    stays: list[Stay] = []
    issues: list[Issue] = []
    open_entry: tuple[int, date] | None = None
    for index, crossing in known:
        if crossing.direction == "entry":
            if open_entry is not None:
                issues.append(_entry_without_exit(index, crossing.date, open_entry))
            open_entry = (index, crossing.date)
        elif open_entry is None:
            message = f"exit on {crossing.date.isoformat()} without a preceding entry"
            issues.append(Issue(EXIT_WITHOUT_ENTRY, f"crossings[{index}]", message))
        else:
            stays.append(Stay(open_entry[1], crossing.date))
            open_entry = None
    if open_entry is not None:
        stays.append(Stay(open_entry[1], None))
    return stays, issues


def history_issues(crossings: Sequence[Crossing], as_of: date) -> list[Issue]:
    """Only the inconsistencies of `stays_from`."""
    return stays_from(crossings, as_of)[1]


def current_stay(stays: Sequence[Stay], as_of: date) -> Stay | None:
    """The stay the traveller is in on `as_of`: still open, or ending that very day.

    The exit day counts as a day of presence, so a traveller is present on it.
    """
    if stays and (stays[-1].exit is None or stays[-1].exit == as_of):
        return stays[-1]
    return None


def _entry_without_exit(index: int, day: date, previous: tuple[int, date]) -> Issue:
    message = (
        f"entry on {day.isoformat()} follows the entry on {previous[1].isoformat()} "
        f"(crossings[{previous[0]}]) with no exit between them"
    )
    return Issue(ENTRY_WITHOUT_EXIT, f"crossings[{index}]", message)
