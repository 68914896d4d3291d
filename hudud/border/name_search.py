"""Finding travellers by name in either script, with the name engine's sound keys.

A traveller's names are stored as written: the MRZ's Latin surname and given names and, when
known, the name in Arabic script. An officer types KARIMI, کریمی or كريمي and expects the
same person. The name engine (`hudud.core.names`) gives every name word a key that both
scripts share; this module keeps, per process, the *vocabulary* of words written in the three
name fields (a few thousand words, however many travellers) with their keys, and which stored
values contain each word. A query word is expanded to the stored words that spell the same
name (same key, no vowel contradiction, a similar length within one script), compounds
included (Abdulrahman finds ABDUL RAHMAN and عبد الرحمن), and the database is asked for the
travellers whose fields are among the values holding them: an indexed `IN` per field, never a
scan of every name with LIKE.

The vocabulary is read from the distinct stored values and topped up with the travellers
created since; it is rebuilt from scratch every `FULL_REFRESH_SECONDS`, so a name changed on
an existing record (an Arabic name added at a later crossing) is found by its new spelling
after at most that long (by its old spelling until then).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max, Q

from hudud.border.models import Traveller
from hudud.common.errors import ServiceError
from hudud.core.names import Token, parse_name
from hudud.core.names.similarity import token_similarity

FIELDS = ("surname", "given_names", "name_ar")
FULL_REFRESH_SECONDS = 600
# Same key and no clear vowel contradiction (Hassan is not Hussein).
MIN_SIMILARITY = 0.9
# Within one script, spellings of a name differ by a letter or two (MOHAMED, MOHAMMED);
# MOHAMMEDAWI is another name with the same consonants.
MAX_LENGTH_DIFFERENCE = 2
# Beyond this many stored values to look for, a query is too broad to answer quickly.
MAX_VALUES = 20_000
# Words that never stand alone in a name: probes to tell particles and binders from names.
_PROBES = {"latin": "KARIM", "arabic": "كريم"}


@dataclass
class _Vocabulary:
    # field -> word -> the distinct stored values of that field containing the word
    postings: dict[str, dict[str, set[str]]] = field(
        default_factory=lambda: {f: defaultdict(set) for f in FIELDS}
    )
    words: dict[str, Token] = field(default_factory=dict)  # a name word -> its token
    by_key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Particles and binders (AL, ABDUL, الله): their key when glued to a following or
    # preceding word, for compounds written as two words.
    forward: dict[str, str] = field(default_factory=dict)
    backward: dict[str, str] = field(default_factory=dict)
    high_water: datetime | None = None
    built_at: float = 0.0

    def add_value(self, field_name: str, value: str) -> None:
        for word in value.split():
            self.postings[field_name][word].add(value)
            if word not in self.words and word not in self.forward and word not in self.backward:
                self._learn(word)

    def _learn(self, word: str) -> None:
        tokens = parse_name(word).tokens
        if not tokens:
            return
        probe = _PROBES[tokens[0].script]
        probe_key = parse_name(probe).tokens[0].key
        after = parse_name(f"{word} {probe}").tokens
        before = parse_name(f"{probe} {word}").tokens
        if len(after) == 1 and after[0].key.endswith(probe_key):
            self.forward[word] = after[0].key[: -len(probe_key)]
        elif len(before) == 1 and before[0].key.startswith(probe_key):
            self.backward[word] = before[0].key[len(probe_key) :]
        elif len(after) == 2:
            self.words[word] = tokens[0]
            self.by_key[tokens[0].key].add(word)


_lock = threading.Lock()
_vocabulary = _Vocabulary()


def _refreshed() -> _Vocabulary:
    """The process's vocabulary, topped up with travellers created since it was read."""
    global _vocabulary
    with _lock:
        if time.monotonic() - _vocabulary.built_at > FULL_REFRESH_SECONDS:
            _vocabulary = _Vocabulary(built_at=time.monotonic())
        vocabulary = _vocabulary
        travellers = Traveller.objects.all()
        if vocabulary.high_water is not None:
            travellers = travellers.filter(created_at__gt=vocabulary.high_water)
        newest = travellers.aggregate(newest=Max("created_at"))["newest"]
        if newest is None:
            return vocabulary
        for field_name in FIELDS:
            values = travellers.filter(created_at__lte=newest).values_list(field_name, flat=True)
            for value in values.distinct().iterator():
                vocabulary.add_value(field_name, value)
        vocabulary.high_water = newest
        return vocabulary


def reset() -> None:
    """Forget the vocabulary (tests that reuse a database between cases)."""
    global _vocabulary
    with _lock:
        _vocabulary = _Vocabulary()


def _same_name(query: Token, stored: Token) -> bool:
    if query.script == stored.script and (
        abs(len(query.folded) - len(stored.folded)) > MAX_LENGTH_DIFFERENCE
    ):
        return False
    return token_similarity(query, stored) >= MIN_SIMILARITY


def _spellings(vocabulary: _Vocabulary, query: Token) -> set[str]:
    """Stored words, and adjacent word pairs, that spell the name `query` stands for."""
    found = {
        w for w in vocabulary.by_key.get(query.key, ()) if _same_name(query, vocabulary.words[w])
    }
    for binder, prefix in vocabulary.forward.items():
        if prefix and query.key.startswith(prefix):
            found |= _pairs(vocabulary, query, binder, query.key[len(prefix) :], binder_first=True)
    for binder, suffix in vocabulary.backward.items():
        if suffix and query.key.endswith(suffix):
            rest = query.key[: -len(suffix)]
            found |= _pairs(vocabulary, query, binder, rest, binder_first=False)
    return found


def _pairs(
    vocabulary: _Vocabulary, query: Token, binder: str, key: str, *, binder_first: bool
) -> set[str]:
    pairs = set()
    for word in vocabulary.by_key.get(key, ()):
        pair = f"{binder} {word}" if binder_first else f"{word} {binder}"
        tokens = parse_name(pair).tokens
        if len(tokens) == 1 and _same_name(query, tokens[0]):
            pairs.add(pair)
    return pairs


def _values(vocabulary: _Vocabulary, field_name: str, spelling: str) -> set[str]:
    postings = vocabulary.postings[field_name]
    words = spelling.split()
    if len(words) == 1:
        return postings.get(spelling, set())
    both = postings.get(words[0], set()) & postings.get(words[1], set())
    return {v for v in both if f" {spelling} " in f" {v} "}


def name_condition(text: str) -> Q:
    """A filter on `Traveller` for the travellers named `text` (every name part must match).

    Raises ServiceError (field `name`) for a name with no letters or one too common to search.
    """
    tokens = parse_name(text).tokens
    if not tokens:
        raise ServiceError.one("invalid", "name", "type at least one name with letters")
    vocabulary = _refreshed()
    condition, looked_for = Q(), 0
    for token in tokens:
        spellings = _spellings(vocabulary, token)
        part = Q(pk__in=[])
        for field_name in FIELDS:
            values = set().union(*(_values(vocabulary, field_name, s) for s in spellings))
            looked_for += len(values)
            if values:
                part |= Q(**{f"{field_name}__in": sorted(values)})
        condition &= part
    if looked_for > MAX_VALUES:
        raise ServiceError.one(
            "too_broad",
            "name",
            "this name is too common: add a birth date, nationality or another name",
        )
    return condition
