"""How alike two name tokens are, in the same script or across scripts.

Two tokens can only be alike if their consonant keys are *neighbours*: equal, or equal after
deleting one letter from either (which covers one inserted, dropped or changed consonant and
two swapped ones). Keys of one or two letters must be equal: Saad (SD) is not Saif (SF) with a
typo. The neighbourhood is what the screening index retrieves by, so the fast path and the
reference scorer see exactly the same pairs.

Between neighbours the similarity is the edit similarity of the keys (optimal string alignment:
a swap of two adjacent letters, Amhad for Ahmad, is one edit), lowered for each clear
vowel contradiction (Hassan against Hussein, حسن against Hussein) and capped below 1 unless
the two are spelled the same.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from .structure import Token

MIN_TOKEN_SIMILARITY = 0.6
_CONTRADICTION_FACTOR = 0.8
_DIFFERENT_SPELLING_CAP = 0.96
# A name that starts with a vowel or semivowel (Ahmed, Walid, Yasin) against one that starts
# otherwise (Mohammed) differs where names differ most: the first sound.
_INITIAL_MARKERS = "AWY"
_OTHER_START_FACTOR = 0.75
_LATIN_CLASSES = {"a": "a", "e": "ai", "i": "i", "o": "u", "u": "u"}


@lru_cache(maxsize=500_000)
def neighbourhood(key: str) -> frozenset[str]:
    """The key and, for keys of three letters or more, the key with any one letter deleted.

    >>> sorted(neighbourhood("HSN"))
    ['HN', 'HS', 'HSN', 'SN']
    """
    if len(key) < 3:
        return frozenset((key,))
    return frozenset((key, *(key[:i] + key[i + 1 :] for i in range(len(key)))))


def keys_are_neighbours(a: str, b: str) -> bool:
    """Whether two consonant keys are close enough to compare at all."""
    return a == b or (
        len(a) >= 3 and len(b) >= 3 and not neighbourhood(a).isdisjoint(neighbourhood(b))
    )


@lru_cache(maxsize=500_000)
def key_similarity(a: str, b: str) -> float:
    """Edit similarity of two consonant keys, 0 unless they are neighbours.

    >>> [key_similarity(a, b) for a, b in (("MHMD", "MHMD"), ("ABDRHMN", "ABDRHM"), ("AL", "AM"))]
    [1.0, 0.8571428571428572, 0.0]
    """
    if not keys_are_neighbours(a, b):
        return 0.0
    return float(OSA.normalized_similarity(a, b))


def _latin_set(slot: str) -> set[str]:
    return {c for v in slot for c in _LATIN_CLASSES.get(v, "")}


def _arabic_set(slot: str) -> set[str]:
    return {v.lower() for v in slot if v != "'"}


def _slot_contradicts(sa: str, script_a: str, sb: str, script_b: str) -> bool:
    if script_a == "arabic" and script_b == "arabic":
        return _arabic_set(sa) != _arabic_set(sb)
    if script_a == "arabic" or script_b == "arabic":
        arabic, latin = (sa, sb) if script_a == "arabic" else (sb, sa)
        long_vowels, written = _arabic_set(arabic), _latin_set(latin)
        if long_vowels:
            return not long_vowels <= written
        # A doubled vowel or diphthong in Latin writes a long vowel, unless it renders ʿayn.
        return len(latin) >= 2 and "'" not in arabic
    la, lb = _latin_set(sa), _latin_set(sb)
    return bool(la and lb and la.isdisjoint(lb))


def vowel_contradictions(a: Token, b: Token) -> int:
    """Slots where the vowels clearly disagree; only meaningful when the keys are equal.

    >>> from .structure import parse_name
    >>> hassan, hussein, husayn = (parse_name(n).tokens[0] for n in ("Hassan", "Hussein", "حسين"))
    >>> vowel_contradictions(hassan, hussein), vowel_contradictions(hussein, husayn)
    (1, 0)
    """
    if a.key != b.key:
        return 0
    pairs = zip(a.vowels, b.vowels, strict=True)
    return sum(_slot_contradicts(x, a.script, y, b.script) for x, y in pairs)


def token_similarity(a: Token, b: Token) -> float:
    """Similarity of two name tokens in [0, 1]; 0 when they cannot be the same name.

    >>> from .structure import parse_name
    >>> ar, lat = parse_name("محمد").tokens[0], parse_name("Mohammed").tokens[0]
    >>> token_similarity(ar, lat)
    0.96
    """
    if a.script == b.script and a.folded == b.folded:
        return 1.0
    similarity = key_similarity(a.key, b.key)
    if similarity == 0.0:
        return 0.0
    if a.key[0] != b.key[0] and (a.key[0] in _INITIAL_MARKERS or b.key[0] in _INITIAL_MARKERS):
        similarity *= _OTHER_START_FACTOR
    similarity *= _CONTRADICTION_FACTOR ** vowel_contradictions(a, b)
    similarity = min(similarity, _DIFFERENT_SPELLING_CAP)
    return similarity if similarity >= MIN_TOKEN_SIMILARITY else 0.0
