"""The process's screening index over every entry in force, kept fresh without rebuilding.

An entry is in force when it is not removed, not past its `expires_on`, and its list is active
and within its validity dates. The index is built on first use and rebuilt when the set of
lists in force (or a list's threshold) changes; otherwise each use applies only the entries
whose `revision` is above the one the index has seen (see `EntrySequence` for why that is
safe), and, once a day, drops the entries that expired since the day before.

Token weights are learned from the lists and from a sample of recent traffic (travellers'
names), so that a name common at the border is weak evidence.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils import timezone

from hudud.border.stays import local_day
from hudud.core import screening as core_screening
from hudud.core.screening import Entry
from hudud.watchlists import selectors
from hudud.watchlists.models import Watchlist, WatchlistEntry
from hudud.watchlists.records import screening_entry
from hudud.watchlists.sequence import revision_current

if TYPE_CHECKING:
    from hudud.core.screening import ScreeningIndex

TRAFFIC_SAMPLE = 50_000

Signature = tuple[tuple[int, str, float], ...]


def lists_in_force(today: date) -> list[Watchlist]:
    return list(
        Watchlist.objects.filter(active=True)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .only("pk", "code", "threshold")
        .order_by("pk")
    )


def _signature(lists: list[Watchlist]) -> Signature:
    return tuple((w.pk, w.code, w.threshold) for w in lists)


def _in_force(row: WatchlistEntry, today: date) -> bool:
    return row.removed_at is None and (row.expires_on is None or row.expires_on >= today)


@dataclass
class _State:
    index: ScreeningIndex
    signature: Signature
    revision: int
    day: date
    built_at: float
    build_seconds: float
    refreshes: int = 0


class IndexCache:
    """Thread-safe: one lock around build and refresh, so two lanes never build twice."""

    def __init__(self, *, traffic_sample: int = TRAFFIC_SAMPLE) -> None:
        self._lock = threading.Lock()
        self._state: _State | None = None
        self._builds = 0
        self.traffic_sample = traffic_sample

    def index(self, *, today: date | None = None) -> ScreeningIndex:
        """The index, brought up to date with the database first."""
        today = today or local_day(timezone.now())
        with self._lock:
            lists = lists_in_force(today)
            state = self._state
            if state is None or state.signature != _signature(lists):
                self._state = state = self._build(lists, today)
                self._builds += 1
            else:
                self._refresh(state, lists, today)
            return state.index

    def reset(self) -> None:
        """Forget the index (tests, and an operator after restoring a database)."""
        with self._lock:
            self._state = None
            self._builds = 0

    def stats(self) -> dict[str, Any]:
        state = self._state
        if state is None:
            return {"built": False, "builds": self._builds}
        return {
            "built": True,
            "builds": self._builds,
            "entries": len(state.index),
            "revision": state.revision,
            "build_seconds": round(state.build_seconds, 3),
            "refreshes": state.refreshes,
        }

    def _build(self, lists: list[Watchlist], today: date) -> _State:
        started = time.perf_counter()
        # Read the revision before the entries: anything committed after this read has a
        # higher revision and is picked up by the next refresh (applying it twice is harmless).
        revision = revision_current()
        entries = self._entries(lists, today)
        index = core_screening.ScreeningIndex.build(
            entries, traffic_names=selectors.traffic_names(limit=self.traffic_sample)
        )
        return _State(
            index, _signature(lists), revision, today, time.time(), time.perf_counter() - started
        )

    @staticmethod
    def _entries(lists: list[Watchlist], today: date) -> list[Entry]:
        by_pk = {w.pk: w for w in lists}
        rows = WatchlistEntry.objects.filter(watchlist_id__in=by_pk, removed_at__isnull=True)
        rows = rows.filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        return [
            screening_entry(row, by_pk[row.watchlist_id])
            for row in rows.only(
                "pk", "watchlist_id", "names", "birth_dates", "nationalities", "sex", "documents"
            ).iterator(chunk_size=5000)
        ]

    def _refresh(self, state: _State, lists: list[Watchlist], today: date) -> None:
        by_pk = {w.pk: w for w in lists}
        changed = list(WatchlistEntry.objects.filter(revision__gt=state.revision))
        live = [r for r in changed if r.watchlist_id in by_pk and _in_force(r, today)]
        upserts = [screening_entry(r, by_pk[r.watchlist_id]) for r in live]
        live_pks = {r.pk for r in live}
        removed = [str(r.pk) for r in changed if r.pk not in live_pks]
        if state.day != today:
            expired = WatchlistEntry.objects.filter(
                watchlist_id__in=by_pk, expires_on__gte=state.day, expires_on__lt=today
            ).values_list("pk", flat=True)
            removed += [str(pk) for pk in expired]
            state.day = today
        if upserts or removed:
            state.index = state.index.updated(upserts=upserts, removed=removed)
            state.refreshes += 1
        if changed:
            state.revision = max(r.revision for r in changed)


screening_index_cache = IndexCache()
