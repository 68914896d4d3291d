"""Sets of days as sorted, disjoint, inclusive intervals of day ordinals.

The fast evaluator never walks day by day: it counts days in a range with a binary search over
these intervals, so its cost depends on the number of crossings and exempt periods, not on the
length of the window or of the stays.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

Interval = tuple[int, int]  # (first, last) day ordinals, both inclusive


def union(intervals: Iterable[Interval]) -> list[Interval]:
    """Merge overlapping and touching intervals into sorted, disjoint ones.

    >>> union([(5, 9), (1, 3), (4, 4), (20, 21)])
    [(1, 9), (20, 21)]
    """
    merged: list[Interval] = []
    for first, last in sorted(intervals):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def subtract(base: list[Interval], cut: list[Interval]) -> list[Interval]:
    """The days of `base` not in `cut`; both sorted and disjoint.

    >>> subtract([(1, 10)], [(3, 4), (8, 12)])
    [(1, 2), (5, 7)]
    """
    result: list[Interval] = []
    j = 0
    for first, last in base:
        while j < len(cut) and cut[j][1] < first:
            j += 1
        start, k = first, j
        while k < len(cut) and cut[k][0] <= last:
            if cut[k][0] > start:
                result.append((start, cut[k][0] - 1))
            start = max(start, cut[k][1] + 1)
            k += 1
        if start <= last:
            result.append((start, last))
    return result


class DaySet:
    """A set of days that answers "how many in this range?" in O(log n).

    >>> days = DaySet([(1, 3), (10, 12)])
    >>> days.count(2, 11)
    4
    """

    def __init__(self, intervals: list[Interval]) -> None:
        self.intervals = intervals
        self._firsts = [first for first, _ in intervals]
        # _before[i]: how many days lie in the intervals before interval i.
        self._before = [0, *accumulate(last - first + 1 for first, last in intervals)]

    def count_upto(self, day: int) -> int:
        """How many days of the set are on or before `day`."""
        i = bisect_right(self._firsts, day) - 1
        if i < 0:
            return 0
        first, last = self.intervals[i]
        return self._before[i] + min(day, last) - first + 1

    def count(self, first: int, last: int) -> int:
        """How many days of the set lie in [first, last]."""
        if last < first:
            return 0
        return self.count_upto(last) - self.count_upto(first - 1)

    def first_from(self, day: int) -> int | None:
        """The first day of the set on or after `day`, or None."""
        i = bisect_right(self._firsts, day) - 1
        if i >= 0 and self.intervals[i][1] >= day:
            return day
        return self._firsts[i + 1] if i + 1 < len(self._firsts) else None

    def nth_from(self, day: int, n: int) -> int | None:
        """The `n`-th day (1-based) of the set on or after `day`, or None if there are fewer.

        >>> DaySet([(1, 3), (10, 12)]).nth_from(2, 3)
        10
        """
        target = self.count_upto(day - 1) + n
        i = bisect_left(self._before, target) - 1
        if i < 0 or i >= len(self.intervals):
            return None
        return self.intervals[i][0] + target - self._before[i] - 1
