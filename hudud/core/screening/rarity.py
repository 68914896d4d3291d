"""How much a shared name token says: rare tokens are strong evidence, common ones weak.

A token's weight is its self-information in bits, -log2 of the share of people who carry a name
with that sound key, counted over the watchlist entries and the traffic seen at the border (each
person once, however many aliases they have). Nothing is hand-listed: Mohammed is weak because
it is everywhere in the data, and a tribal name carried by three entries is strong because it is
not. A name matches by chance about N * 2**-bits times in a list of N entries, which is what
`required_bits` turns into the evidence a hit needs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

# A hit should fire by chance for at most about one traveller in this many.
CHANCE_HITS_PER_TRAVELLER = 1 / 128
MIN_BITS = 1.0
# Before any data, every key is assumed to be carried by one person in this many: a list of ten
# entries says nothing about how common a name is, so its tokens are neither rare nor common.
PRIOR_PEOPLE = 1000


class Rarity:
    """Token weights learned from watchlist entries and traffic.

    >>> r = Rarity.learn([["MHMD", "AL"], ["MHMD", "TKRT"], ["MHMD", "HSN"]])
    >>> r.bits("TKRT") > r.bits("MHMD")
    True
    """

    __slots__ = ("_counts", "_population", "_unknown_bits")

    def __init__(self, counts: Counter[str], population: int) -> None:
        self._counts = counts
        self._population = population
        self._unknown_bits = math.log2(population + PRIOR_PEOPLE)

    @classmethod
    def learn(cls, people: Iterable[Iterable[str]]) -> Rarity:
        """Count each person's distinct token keys once."""
        counts: Counter[str] = Counter()
        population = 0
        for keys in people:
            counts.update(set(keys))
            population += 1
        return cls(counts, population)

    def with_people(
        self, added: Iterable[Iterable[str]], removed: Iterable[Iterable[str]]
    ) -> Rarity:
        """A copy that also counts `added` and no longer counts `removed`."""
        counts = self._counts.copy()
        population = self._population
        for keys in added:
            counts.update(set(keys))
            population += 1
        for keys in removed:
            counts.subtract(set(keys))
            population -= 1
        return Rarity(+counts, max(population, 0))

    def with_counts(self, counts: dict[str, int], people: int) -> Rarity:
        """A copy that also counts `people` more people, carrying the keys in `counts`."""
        merged = self._counts.copy()
        merged.update(counts)
        return Rarity(merged, self._population + people)

    @property
    def population(self) -> int:
        return self._population

    def bits(self, key: str) -> float:
        """Self-information of a token key; a key never seen gets the most."""
        count = self._counts.get(key, 0)
        return max(MIN_BITS, self._unknown_bits - math.log2(count + 1))

    def required_bits(self, entries: int) -> float:
        """Matched bits at which a name alone is a confident match among `entries`."""
        return math.log2(max(entries, 2)) - math.log2(CHANCE_HITS_PER_TRAVELLER)
