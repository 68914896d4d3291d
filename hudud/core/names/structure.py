"""Arabic name structure: particles, compounds and the parts of a name.

An Arabic name is a chain: given name, father's name, grandfather's name, and often a family,
tribal or place name (nisba) such as al-Tikriti. Small words are grammar, not name: the article
(al-, el-, ul-, and its assimilated forms ad-, ar-, as-, ash-, at-, az-, an-), bin/ibn/bint ("son
or daughter of"). Others bind to the next or previous word to make one name: abd + a divine name
(Abd al-Rahman, Abdulrahman, عبد الرحمن), abu/umm + a name (Abu Bakr, أبو بكر), X + Allah
(Nasrallah, نصر الله), X + al-Din (Nur al-Din, Nureddine, نور الدين). Treating a compound as one
token is what lets "Abdul Rahman" meet "Abdelrahman", and what stops "Abd" or "Din" from matching
on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .keys import SoundKey, arabic_key, latin_key
from .normalise import (
    Script,
    detect_script,
    has_arabic_article,
    normalise_arabic_word,
    normalise_latin_word,
    romanise_other,
    split_words,
)

Role = Literal["given", "middle", "last"]

_LATIN_ARTICLES = frozenset({"al", "el", "ul", "il"})
_SUN_LETTERS = ("d", "r", "s", "sh", "t", "th", "z", "n", "dh")
_LATIN_FILIATION = frozenset({"bin", "ibn", "bint", "ben", "bn", "binti"})
_LATIN_KUNYA = frozenset({"abu", "abou", "abo", "abi", "bou", "umm", "um", "oum", "om"})
_LATIN_ABD = frozenset(
    {"abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdoul", "abdur", "abed"}
)
_LATIN_ALLAH = frozenset({"allah", "ullah", "ollah", "alla", "ulla", "llah", "lah"})
_LATIN_BOUND_AFTER_ARTICLE = frozenset(
    {"din", "deen", "dine", "islam", "dawla", "dawlah", "haq", "haqq"}
)
_ARABIC_FILIATION = frozenset({"بن", "ابن", "بنت"})
_ARABIC_KUNYA = frozenset({"ابو", "ابي", "ابا", "ام"})
_ARABIC_BOUND_AFTER_ARTICLE = frozenset({"دين", "اسلام", "دوله", "دولة", "حق"})
# After "abd" glued to its divine name, the article may be written ul-, el-, al- or assimilated
# (Abdurrahman): drop it so that every spelling joins to the same word.
_GLUED_ABD_ARTICLE = re.compile(r"^[aeiou](?:l|([bcdfghjkmnpqrstvwxyz])(?=\1))?")


@dataclass(frozen=True, slots=True)
class Token:
    """One name word (or compound) with its folded form, script and sound key."""

    text: str  # as written (compounds joined by a space)
    folded: str  # normalised letters of the compound, no spaces
    script: Script
    key: str
    vowels: tuple[str, ...]
    role: Role


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name as a sequence of tokens, in the order a reader expects (given name first).

    When compounds were joined (Abd al-Rahman, Hidayat Allah), `alternative` holds the reading
    with every word its own token: a document or list that splits or reorders a compound's
    parts (Abd Yasin al-Rahman, Allah Hidayat) still meets the name that way. Matching through
    it costs a little strength (`score.SPLIT_READING_FACTOR`): it counts a compound twice.
    """

    text: str
    script: Script
    tokens: tuple[Token, ...]
    alternative: tuple[Token, ...] = ()

    def readings(self) -> tuple[tuple[Token, ...], ...]:
        """The tokens, then the alternative reading if there is one."""
        return (self.tokens, self.alternative) if self.alternative else (self.tokens,)


@dataclass(slots=True)
class _Word:
    text: str
    folded: str
    script: Script
    article: bool = False  # written with a detached or glued article
    # The folded letters with "|" where compound parts meet, so that a sound key never reads a
    # digraph across the seam (Abd|hai is not "dh").
    spelled: str = ""

    def __post_init__(self) -> None:
        if not self.spelled:
            self.spelled = self.folded


def _fold(word: str) -> _Word:
    folded, script, article = _folded(word)
    return _Word(word, folded, script, article)


@lru_cache(maxsize=300_000)
def _folded(word: str) -> tuple[str, Script, bool]:
    """A word's folded letters, its script, and whether it carried a (glued) article."""
    script = detect_script(word)
    if script == "arabic":
        folded = normalise_arabic_word(word)
        if len(folded) >= 4 and has_arabic_article(word):
            return folded[2:], script, True
        return folded, script, False
    if script == "other":
        word = romanise_other(word)
    folded = normalise_latin_word(word)
    # A glued article (Alrashid, Elhassan) is split off like a detached one, on both sides of a
    # comparison alike; semivowels and a doubled l (Alwan, Allawi) begin real names.
    if len(folded) >= 5 and folded[:2] in {"al", "el"} and folded[2] not in "aeiouwyl":
        return folded[2:], "latin", True
    return folded, "latin", False


def _is_article(word: _Word, following: _Word | None) -> bool:
    if word.script != "latin" or following is None:
        return False
    if word.folded in _LATIN_ARTICLES:
        return True
    head, tail = word.folded[:1], word.folded[1:]
    return head in "aeu" and tail in _SUN_LETTERS and following.folded.startswith(tail)


def _strip_articles(words: list[_Word]) -> list[_Word]:
    out: list[_Word] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if _is_article(word, following) and following is not None:
            following.article = True
            following.text = f"{word.text}-{following.text}"
            continue
        out.append(word)
    return out


def _glue_abd(word: _Word) -> _Word:
    """Abdulrahman, Abdurrahman, عبدالرحمن: drop the article between abd and its divine name."""
    if word.script == "arabic" and word.folded.startswith("عبدال") and len(word.folded) > 6:
        rest = word.folded[5:]
        return _Word(word.text, "عبد" + rest, word.script, word.article, "عبد|" + rest)
    if word.script == "latin" and word.folded.startswith("abd") and len(word.folded) > 5:
        rest = _GLUED_ABD_ARTICLE.sub("", word.folded[3:], count=1)
        return _Word(word.text, "abd" + rest, word.script, word.article, "abd|" + rest)
    return word


def _binds_forward(word: _Word) -> bool:
    """abd, abu, umm: the next word completes this one."""
    if word.script == "arabic":
        return word.folded == "عبد" or word.folded in _ARABIC_KUNYA
    return word.folded in _LATIN_ABD or word.folded in _LATIN_KUNYA


def _binds_backward(word: _Word) -> bool:
    """Allah, al-Din, al-Islam: this word completes the previous one."""
    if word.script == "arabic":
        return word.folded == "له" or (word.article and word.folded in _ARABIC_BOUND_AFTER_ARTICLE)
    if word.folded in _LATIN_ALLAH and (word.article or word.folded != "lah"):
        return True
    return word.article and word.folded in _LATIN_BOUND_AFTER_ARTICLE


def _join(a: _Word, b: _Word) -> _Word:
    head = "abd" if a.script == "latin" and a.folded in _LATIN_ABD else a.folded
    return _Word(f"{a.text} {b.text}", head + b.folded, a.script, a.article, f"{head}|{b.spelled}")


def _compound(words: list[_Word]) -> list[_Word]:
    out: list[_Word] = []
    i = 0
    while i < len(words):
        word = words[i]
        if _binds_forward(word) and i + 1 < len(words):
            word = _join(word, words[i + 1])
            i += 1
        elif out and _binds_backward(word):
            word = _join(out.pop(), word)
        out.append(_glue_abd(word))
        i += 1
    return out


def _is_filiation(word: _Word) -> bool:
    if word.script == "arabic":
        return word.folded in _ARABIC_FILIATION
    return word.folded in _LATIN_FILIATION


def _sound_key(word: _Word) -> SoundKey:
    return arabic_key(word.spelled) if word.script == "arabic" else latin_key(word.spelled)


def _in_reading_order(raw: list[str]) -> list[str]:
    """ "SURNAME, Given Names" is read given names first."""
    if "," not in raw:
        return raw
    cut = raw.index(",")
    head, tail = raw[:cut], [w for w in raw[cut + 1 :] if w != ","]
    return tail + head if head and tail else head + tail


@lru_cache(maxsize=50_000)
def parse_name(text: str) -> ParsedName:
    """Split a name into tokens with particles removed and compounds joined.

    >>> [t.folded for t in parse_name("Abd al-Rahman bin Nasr Allah AL-TIKRITI").tokens]
    ['abdrahman', 'nasrallah', 'tikriti']
    >>> [t.key for t in parse_name("عبد الرحمن بن نصر الله التكريتي").tokens]
    ['ABDRHMN', 'NSRLH', 'TKRT']
    """
    return parse_name_uncached(text)


def parse_name_uncached(text: str) -> ParsedName:
    """`parse_name` without its cache, for bulk indexing of names that are seen once."""
    raw = _in_reading_order(split_words(text))
    plain = [_plain(w) for w in raw]
    if not any(p is None for p in plain):
        return _parse_plain(text, raw, plain)
    words = _strip_articles([w for w in (_fold(w) for w in raw) if w.folded])
    joined = _tokens(_compound(list(words)))
    split = _tokens([_glue_abd(w) for w in words])
    alternative = split if len(split) != len(joined) else ()
    return ParsedName(text, _script_of(words), joined, alternative)


def _tokens(words: list[_Word]) -> tuple[Token, ...]:
    words = [w for w in words if not _is_filiation(w)]
    tokens: list[Token] = []
    for i, word in enumerate(words):
        sound = _sound_key(word)
        if not sound.key:
            continue
        role: Role = "given" if i == 0 else "last" if i == len(words) - 1 else "middle"
        tokens.append(Token(word.text, word.folded, word.script, sound.key, sound.vowels, role))
    return tuple(tokens)


_Plain = tuple[str, Script, str, tuple[str, ...]]  # folded, script, key, vowels


@lru_cache(maxsize=300_000)
def _plain(word: str) -> _Plain | None:
    """A word's token parts when it plays no structural role (most words), else None."""
    folded, script, article = _folded(word)
    if folded and _structural(folded, script, article):
        return None
    sound = _sound_key(_Word(word, folded, script, article)) if folded else SoundKey("", ())
    return folded, script, sound.key, sound.vowels


def _structural(folded: str, script: Script, article: bool) -> bool:
    """Could this word be a particle, a compound part or an article? (Then parse it fully.)"""
    if script == "arabic":
        return (
            folded in _ARABIC_FILIATION
            or folded in _ARABIC_KUNYA
            or folded == "له"
            or folded.startswith("عبد")
            or folded in _ARABIC_BOUND_AFTER_ARTICLE
        )
    return (
        folded in _LATIN_ARTICLES
        or (folded[:1] in "aeu" and folded[1:] in _SUN_LETTERS)
        or folded in _LATIN_FILIATION
        or folded in _LATIN_KUNYA
        or folded.startswith("abd")
        or folded in _LATIN_ABD
        or folded in _LATIN_ALLAH
        or folded in _LATIN_BOUND_AFTER_ARTICLE
    )


def _parse_plain(text: str, raw: list[str], plain: list[_Plain | None]) -> ParsedName:
    """The fast path for names without particles or compounds: every word is its own token."""
    words = [(w, p) for w, p in zip(raw, plain, strict=True) if p is not None and p[0]]
    last = len(words) - 1
    tokens = tuple(
        Token(w, p[0], p[1], p[2], p[3], "given" if i == 0 else "last" if i == last else "middle")
        for i, (w, p) in enumerate(words)
        if p[2]
    )
    arabic = sum(p[1] == "arabic" for _, p in words)
    script: Script = "arabic" if words and arabic * 2 >= len(words) else "latin"
    return ParsedName(text, script, tokens)


def _script_of(words: list[_Word]) -> Script:
    arabic = sum(w.script == "arabic" for w in words)
    return "arabic" if words and arabic * 2 >= len(words) else "latin"
