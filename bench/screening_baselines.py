"""Engines the screening benchmark measures, each behind the same small adapter.

An adapter builds a handle from a list of entries, then answers two questions per traveller:
`search(handle, query, k)` gives the k best entries with scores, best first, whatever the
score; `hit(handle, query)` gives the entry ids at or above the engine's operating threshold,
which is what a border desk would be shown.

- `hudud`: `hudud.core.screening.ScreeningIndex` at its `DEFAULT_THRESHOLD`, given a sample of
  ordinary traffic names (not the innocents screened) to learn token rarity from.
- `bruteforce`: rapidfuzz `token_sort_ratio` of the query against every name of every entry,
  all anyascii-romanised, lower-cased and stripped of punctuation (`default_process`); one scan
  per query (`process.cdist` over a single query row, one worker: the same scan as
  `process.extract`, which also gives the names above the cut-off); hit at 85 or more.
- `nomenklatura`: yente-like. Candidates come from a token index with the fields yente
  indexes (name parts, their ASCII forms for modern alphabets, metaphone codes, rigour name
  symbols, the whole-name key), scored by summed inverse document frequency with yente's
  boosts; the 20 best are re-ranked by nomenklatura's `logic-v2` comparing followthemoney
  Person entities (name, birth date, nationality, gender); hit at yente's 0.70.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from anyascii import anyascii
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from hudud.core.screening import Entry, Query

BRUTEFORCE_THRESHOLD = 85.0
NOMENKLATURA_THRESHOLD = 0.70
NOMENKLATURA_CANDIDATES = 20


class Engine(Protocol):
    name: str
    threshold: str  # the operating threshold, as the table states it

    def build(self, entries: Sequence[Entry]) -> Any: ...
    def search(self, handle: Any, query: Query, k: int) -> list[tuple[str, float]]: ...
    def hit(self, handle: Any, query: Query) -> list[str]: ...


def query_names(query: Query) -> list[str]:
    return [n for n in (query.name, *query.names) if n]


# --- hudud -------------------------------------------------------------------------------------


class HududEngine:
    name = "hudud"

    def __init__(self, traffic_names: Sequence[str] = ()) -> None:
        from hudud.core import screening

        self._screening = screening
        self.traffic_names = tuple(traffic_names)
        self.threshold = f"{screening.DEFAULT_THRESHOLD:.2f}"

    def build(self, entries: Sequence[Entry]) -> Any:
        index = self._screening.ScreeningIndex
        return index.build(list(entries), traffic_names=self.traffic_names)

    def search(self, handle: Any, query: Query, k: int) -> list[tuple[str, float]]:
        return [(m.entry_id, m.score) for m in handle.screen(query, threshold=0.0, top=k)]

    def hit(self, handle: Any, query: Query) -> list[str]:
        return [m.entry_id for m in handle.screen(query)]


# --- rapidfuzz brute force ---------------------------------------------------------------------


def romanise(name: str) -> str:
    return default_process(anyascii(name))


class BruteForceEngine:
    """Every name of every entry, compared with the query by token_sort_ratio on each call."""

    name = "bruteforce"
    threshold = f"token_sort_ratio >= {BRUTEFORCE_THRESHOLD:.0f}"

    def __init__(self) -> None:
        self._last: tuple[int, str, np.ndarray] | None = None

    def build(self, entries: Sequence[Entry]) -> Any:
        names: list[str] = []
        starts: list[int] = []
        for entry in entries:
            starts.append(len(names))
            names.extend(romanise(n) for n in entry.names)
        return [e.id for e in entries], names, np.asarray(starts, dtype=np.int64)

    def _entry_scores(self, handle: Any, query: Query) -> np.ndarray:
        # search() and hit() on the same query share one scan, as one call of a real system would.
        if self._last is not None and self._last[0] == id(handle) and self._last[1] == query.id:
            return self._last[2]
        _, names, starts = handle
        wanted = [romanise(n) for n in query_names(query)]
        scores = process.cdist(wanted, names, scorer=fuzz.token_sort_ratio, dtype=np.uint8)
        per_entry = np.maximum.reduceat(scores.max(axis=0), starts)
        self._last = (id(handle), query.id, per_entry)
        return per_entry

    def search(self, handle: Any, query: Query, k: int) -> list[tuple[str, float]]:
        scores = self._entry_scores(handle, query)
        best = np.argpartition(-scores.astype(np.int16), min(k, len(scores) - 1))[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(handle[0][i], float(scores[i]) / 100) for i in best]

    def hit(self, handle: Any, query: Query) -> list[str]:
        scores = self._entry_scores(handle, query)
        return [handle[0][i] for i in np.flatnonzero(scores >= BRUTEFORCE_THRESHOLD)]


# --- nomenklatura, yente-like ------------------------------------------------------------------

# yente's query boosts: whole-name key 4.0, name part 1.0, phonetic 0.8; symbols as parts.
_BOOSTS = {"k": 4.0, "p": 1.0, "m": 0.8, "s": 1.0}


def nomenklatura_available() -> bool:
    try:
        import nomenklatura.matching  # noqa: F401
        import rigour.names  # noqa: F401
    except ImportError:
        return False
    return True


def _index_keys(names: Sequence[str]) -> set[str]:
    """The keys yente would index for these names: parts, ASCII parts, metaphones, symbols."""
    from rigour.names import NameTypeTag, analyze_names

    keys: set[str] = set()
    for name in analyze_names(NameTypeTag.PER, list(names), consolidate=False):
        forms = [part.form for part in name.parts]
        keys.add("k:" + "".join(sorted(forms)))
        for part in name.parts:
            if len(part.form) > 1:
                keys.add("p:" + part.form)
            if part.latinize and part.ascii and len(part.ascii) > 1:
                keys.add("p:" + part.ascii)
            if part.metaphone and len(part.metaphone) > 2:
                keys.add("m:" + part.metaphone)
        keys.update("s:" + str(span.symbol) for span in name.spans)
    return keys


class NomenklaturaEngine:
    name = "nomenklatura"
    threshold = f"logic-v2 >= {NOMENKLATURA_THRESHOLD:.2f}"

    def __init__(self) -> None:
        self._last: tuple[int, str, list[tuple[str, float]]] | None = None
        _index_keys(["Warm Up"])  # rigour loads its name tagger once (~10 s): not a build cost

    def build(self, entries: Sequence[Entry]) -> Any:
        postings: dict[str, array[int]] = defaultdict(lambda: array("i"))  # compact at 1M
        for index, entry in enumerate(entries):
            for key in _index_keys(entry.names):
                postings[key].append(index)
        total = len(entries)
        index_arrays = {
            key: (np.frombuffer(ids, dtype=np.int32), _idf(len(ids), total) * _BOOSTS[key[0]])
            for key, ids in postings.items()
        }
        return list(entries), index_arrays

    def _ranked(self, handle: Any, query: Query) -> list[tuple[str, float]]:
        if self._last is not None and self._last[0] == id(handle) and self._last[1] == query.id:
            return self._last[2]
        from nomenklatura.matching import LogicV2, ScoringConfig

        entries, postings = handle
        scores = np.zeros(len(entries), dtype=np.float32)
        for key in _index_keys(query_names(query)):
            if key in postings:
                ids, weight = postings[key]
                scores[ids] += weight
        # logic-v2 memoises name analysis by entity id: ids must be unique per list and query.
        tag = f"{id(handle)}:"
        names = query_names(query)
        wanted = _person(tag + query.id, names, query.birth_date, query.nationality, query.sex)
        ranked = []
        for i in _top(scores, NOMENKLATURA_CANDIDATES):
            entry = entries[i]
            result = _person(tag + entry.id, entry.names, *_first(entry))
            ranked.append(
                (entry.id, LogicV2.compare(wanted, result, ScoringConfig.defaults()).score)
            )
        ranked.sort(key=lambda pair: -pair[1])
        self._last = (id(handle), query.id, ranked)
        return ranked

    def search(self, handle: Any, query: Query, k: int) -> list[tuple[str, float]]:
        return self._ranked(handle, query)[:k]

    def hit(self, handle: Any, query: Query) -> list[str]:
        return [i for i, score in self._ranked(handle, query) if score >= NOMENKLATURA_THRESHOLD]


def _top(scores: np.ndarray, count: int) -> list[int]:
    """Indices of the `count` best positive scores, in no particular order."""
    count = min(count, int(np.count_nonzero(scores)))
    if count == 0:
        return []
    if count >= len(scores):
        return [int(i) for i in np.flatnonzero(scores)]
    return [int(i) for i in np.argpartition(-scores, count)[:count] if scores[i] > 0]


def _idf(df: int, total: int) -> float:
    return math.log(1 + (total - df + 0.5) / (df + 0.5))


def _first(entry: Entry) -> tuple[Sequence[str], Sequence[str], str | None]:
    return entry.birth_dates, entry.nationalities, entry.sex


def _person(
    person_id: str,
    names: Sequence[str],
    birth: str | Sequence[str] | None,
    nationality: str | Sequence[str] | None,
    sex: str | None,
) -> Any:
    from followthemoney import model

    person = model.make_entity("Person")
    person.id = person_id
    for name in names:
        person.add("name", name)
    for date in [birth] if isinstance(birth, str) else birth or ():
        person.add("birthDate", date)
    for country in [nationality] if isinstance(nationality, str) else nationality or ():
        person.add("nationality", country.lower(), quiet=True)
    if sex in ("M", "F"):
        person.add("gender", "male" if sex == "M" else "female")
    return person


def engines(names: Sequence[str], traffic_names: Sequence[str]) -> tuple[list[Engine], list[str]]:
    """The engines asked for that can run here, and a note for each that cannot."""
    made: list[Engine] = []
    notes: list[str] = []
    for name in names:
        if name == "hudud":
            try:
                made.append(HududEngine(traffic_names))
            except (ImportError, AttributeError) as error:
                notes.append(f"hudud: ScreeningIndex not available ({error})")
        elif name == "bruteforce":
            made.append(BruteForceEngine())
        elif name == "nomenklatura":
            if nomenklatura_available():
                made.append(NomenklaturaEngine())
            else:
                notes.append("nomenklatura: not installed (uv sync --group compare --inexact)")
        else:
            raise ValueError(f"unknown engine {name!r}: hudud, bruteforce or nomenklatura")
    return made, notes
