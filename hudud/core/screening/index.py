"""The screening index: build it from entries, screen travellers against it, update it.

An index is a list of immutable segments over one shared vocabulary. `updated()` adds the new
and changed entries as a new small segment and hides the old versions and the removed entries,
so a daily list update costs a fraction of a second instead of a full rebuild; once hidden rows
or segments pile up, it rebuilds. A built index is never changed, so readers need no lock.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from hudud.core.names import parse_name
from hudud.core.names.structure import parse_name_uncached

from .matching import Scored, screen_segment, to_match
from .model import Entry, Match, Query
from .rarity import Rarity
from .segment import Segment, build_segment
from .vocabulary import Vocabulary

DEFAULT_THRESHOLD = 0.8
_MAX_SEGMENTS = 8


@dataclass(frozen=True, slots=True)
class IndexStats:
    """Size and cost of an index, for operators and benchmarks."""

    entries: int
    names: int
    vocabulary: int
    keys: int
    build_seconds: float
    memory_bytes: int  # the index's own arrays and tables, not the entries it refers to


def _keys_of(entry: Entry) -> list[str]:
    return [t.key for name in entry.names for t in parse_name(name).tokens]


def _traffic_keys(names: Iterable[str]) -> Iterable[list[str]]:
    for name in names:
        yield [t.key for t in parse_name_uncached(name).tokens]


def _key_counts(segment: Segment, vocabulary: Vocabulary) -> dict[str, int]:
    """How many entries carry each sound key (once per entry, whatever its aliases)."""
    if not len(segment.row_sid):
        return {}
    cids = np.asarray(vocabulary.sid_cid, dtype=np.int64)[segment.row_sid]
    rows = np.repeat(np.arange(len(segment.row_ptr) - 1), np.diff(segment.row_ptr))
    pairs = np.unique(segment.row_entry[rows].astype(np.int64) * len(vocabulary.keys) + cids)
    counts = np.bincount(pairs % len(vocabulary.keys), minlength=len(vocabulary.keys))
    return {vocabulary.keys[c]: int(n) for c, n in enumerate(counts.tolist()) if n}


class ScreeningIndex:
    """Entries ready to be screened against.

    >>> idx = ScreeningIndex.build([Entry("E1", ("صدام حسين التكريتي",))])
    >>> [m.entry_id for m in idx.screen(Query("Q1", name="Saddam Hussein al-Tikriti"))]
    ['E1']
    """

    def __init__(
        self,
        segments: tuple[Segment, ...],
        hidden: tuple[frozenset[int], ...],
        vocabulary: Vocabulary,
        rarity: Rarity,
        build_seconds: float,
    ) -> None:
        self._segments = segments
        self._hidden = hidden
        self._vocabulary = vocabulary
        self._rarity = rarity
        self._live = sum(len(s.entries) - len(h) for s, h in zip(segments, hidden, strict=True))
        self._build_seconds = build_seconds
        self._key_bits = np.asarray([rarity.bits(k) for k in vocabulary.keys], dtype=np.float64)
        self._row_weights = tuple(self._weights(s) for s in segments)

    @classmethod
    def build(
        cls, entries: Iterable[Entry], *, traffic_names: Iterable[str] = ()
    ) -> ScreeningIndex:
        """Index entries; token weights are learned from them and from `traffic_names`."""
        started = time.perf_counter()
        entries = tuple(entries)
        _check_unique(entries)
        vocabulary = Vocabulary()
        segment = build_segment(entries, vocabulary)
        listed = _key_counts(segment, vocabulary)
        traffic = Rarity.learn(_traffic_keys(traffic_names))
        rarity = traffic.with_counts(listed, len(entries))
        return cls((segment,), (frozenset(),), vocabulary, rarity, time.perf_counter() - started)

    def _weights(self, segment: Segment) -> np.ndarray:
        cids = np.asarray(self._vocabulary.sid_cid, dtype=np.int32)[segment.row_sid]
        role_weight = np.where(segment.row_role == 1, 0.5, 1.0).astype(np.float32)
        per_token = self._key_bits[cids] * role_weight
        rows = np.repeat(np.arange(len(segment.row_ptr) - 1), np.diff(segment.row_ptr))
        return np.bincount(rows, weights=per_token, minlength=len(segment.row_ptr) - 1)

    def __len__(self) -> int:
        return self._live

    @property
    def rarity(self) -> Rarity:
        return self._rarity

    @property
    def required_bits(self) -> float:
        return self._rarity.required_bits(self._live)

    def entries(self) -> Iterable[Entry]:
        """Every live entry (the newest version of each)."""
        for segment, hidden in zip(self._segments, self._hidden, strict=True):
            yield from (e for i, e in enumerate(segment.entries) if i not in hidden)

    def screen(
        self, query: Query, *, threshold: float | None = None, top: int | None = None
    ) -> list[Match]:
        """Matches for one traveller, best first (see `screen_many`)."""
        return self.screen_many([query], threshold=threshold, top=top)[0]

    def screen_many(
        self, queries: Sequence[Query], *, threshold: float | None = None, top: int | None = None
    ) -> list[list[Match]]:
        """Matches for each traveller, best first.

        With `top`, the `top` best matches whatever their score; otherwise those at or above
        `threshold`, or, when it is None, each entry's own threshold (its list's) or
        `DEFAULT_THRESHOLD`.
        """
        results: list[list[Match]] = []
        required = self.required_bits
        for query in queries:
            found: dict[str, Scored] = {}
            parts = zip(self._segments, self._hidden, self._row_weights, strict=True)
            for segment, hidden, weights in parts:
                for scored in screen_segment(
                    query,
                    segment,
                    hidden,
                    weights,
                    self._vocabulary,
                    self._rarity,
                    self._key_bits,
                    required,
                ):
                    known = found.get(scored.entry.id)
                    if known is None or scored.score > known.score:
                        found[scored.entry.id] = scored
            chosen = _select(found.values(), threshold, top)
            results.append([to_match(query, s, required) for s in chosen])
        return results

    def updated(
        self, *, upserts: Iterable[Entry] = (), removed: Iterable[str] = ()
    ) -> ScreeningIndex:
        """A new index with entries added or replaced and others removed; this one is unchanged."""
        started = time.perf_counter()
        upserts = tuple(upserts)
        _check_unique(upserts)
        gone = set(removed) | {e.id for e in upserts}
        hidden, dropped = self._hide(gone)
        rarity = self._rarity.with_people(
            [_keys_of(e) for e in upserts], [_keys_of(e) for e in dropped]
        )
        segments, new_hidden = self._segments, hidden
        if upserts:
            segments = (*segments, build_segment(upserts, self._vocabulary))
            new_hidden = (*hidden, frozenset())
        index = ScreeningIndex(
            segments, new_hidden, self._vocabulary, rarity, time.perf_counter() - started
        )
        if len(segments) > _MAX_SEGMENTS or sum(map(len, new_hidden)) > max(1000, index._live // 4):
            return ScreeningIndex._rebuilt(index)
        return index

    def _hide(self, ids: set[str]) -> tuple[tuple[frozenset[int], ...], list[Entry]]:
        hidden: list[frozenset[int]] = []
        dropped: list[Entry] = []
        for segment, already in zip(self._segments, self._hidden, strict=True):
            newly = {segment.position[i] for i in ids if i in segment.position} - already
            dropped.extend(segment.entries[i] for i in newly)
            hidden.append(already | newly)
        return tuple(hidden), dropped

    @classmethod
    def _rebuilt(cls, index: ScreeningIndex) -> ScreeningIndex:
        started = time.perf_counter()
        vocabulary = Vocabulary()
        segment = build_segment(tuple(index.entries()), vocabulary)
        return cls(
            (segment,), (frozenset(),), vocabulary, index._rarity, time.perf_counter() - started
        )

    @property
    def stats(self) -> IndexStats:
        arrays = sum(
            a.nbytes
            for s in self._segments
            for a in (
                s.row_entry,
                s.row_name,
                s.row_ptr,
                s.row_sid,
                s.row_cid,
                s.row_role,
                s.key_ptr,
                s.key_rows,
                s.pair_codes,
                s.pair_ptr,
                s.pair_rows,
            )
        )
        return IndexStats(
            entries=self._live,
            names=sum(int(np.count_nonzero(s.row_variant == 0)) for s in self._segments),
            vocabulary=len(self._vocabulary.tokens),
            keys=len(self._vocabulary.keys),
            build_seconds=self._build_seconds,
            memory_bytes=arrays + sum(w.nbytes for w in self._row_weights) + self._key_bits.nbytes,
        )


def _check_unique(entries: Sequence[Entry]) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ValueError(f"entries: id {entry.id!r} appears more than once")
        seen.add(entry.id)


def _select(scored: Iterable[Scored], threshold: float | None, top: int | None) -> list[Scored]:
    ordered = sorted(scored, key=lambda s: (-s.score, s.entry.id))
    if top is not None:
        return ordered[:top]
    return [s for s in ordered if s.score >= threshold_for(s.entry, threshold)]


def threshold_for(entry: Entry, threshold: float | None) -> float:
    """The caller's threshold, else the entry's own (its list's), else the default."""
    if threshold is not None:
        return threshold
    return entry.threshold if entry.threshold is not None else DEFAULT_THRESHOLD
