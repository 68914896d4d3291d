"""Sound keys that let an Arabic-script name meet its Latin transliterations.

Arabic writes consonants and long vowels; short vowels are usually left out. Transliterations
disagree mostly on vowels (Mohammed, Muhammad, Mohamad) and on how to write a few consonants:
q/k/g for ق, kh/h/x for خ, dh/z/th/d for ذ ظ, sh/ch for ش, ou/u/o/w for و, ee/i/y for ي, and
whether to double a letter. So a name word gets two keys:

- the *consonant key*: each consonant folded into a class (K for q/k/g/c/ق/ك/گ/غ, H for
  h/kh/x/ح/خ/ه, D for d/dh/z/ذ/ظ/ض/ز, S for s/sh/ch/ص/ش/س, T for t/th/ط/ث, B for b/p, F for
  f/v/ph), short vowels dropped, doubled letters collapsed, and a word-initial vowel, ع or alef
  kept as `A` (Ali = علي = AL, Omar = عمر = AMR). Retrieval and most of the similarity use it.
- the *vowel signature*: what vowel follows each consonant. Arabic shows only long vowels, Latin
  shows all of them, so the comparison (in `similarity`) only counts clear contradictions: it
  is what keeps Hassan (حسن) apart from Hussein (حسين), which share the key HSN.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

_LATIN_MULTI = (
    ("sch", "S"),
    ("tch", "S"),
    ("kh", "H"),
    ("gh", "K"),
    ("sh", "S"),
    ("ch", "S"),
    ("zh", "D"),
    ("th", "T"),
    ("dh", "D"),
    ("ph", "F"),
    ("ck", "K"),
    ("dj", "J"),
)
_LATIN_SINGLE = {
    "b": "B", "p": "B", "f": "F", "v": "F", "t": "T", "d": "D", "z": "D", "s": "S",
    "c": "K", "k": "K", "q": "K", "g": "K", "x": "H", "h": "H", "j": "J", "l": "L",
    "m": "M", "n": "N", "r": "R",
}  # fmt: skip
_LATIN_VOWELS = {"a": "a", "e": "e", "i": "i", "o": "o", "u": "u", "y": "i", "w": "u"}

_ARABIC_CONSONANTS = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "ج": "J", "چ": "S", "ح": "H",
    "خ": "H", "ه": "H", "د": "D", "ذ": "D", "ض": "D", "ظ": "D", "ز": "D", "ر": "R",
    "س": "S", "ش": "S", "ص": "S", "ف": "F", "ق": "K", "ك": "K", "گ": "K", "غ": "K",
    "ل": "L", "م": "M", "ن": "N",
}  # fmt: skip
_ARABIC_LONG = {"ا": "A", "و": "U", "ي": "I"}
_ARABIC_INITIAL = {"ا": "A", "ع": "A", "و": "W", "ي": "Y"}


class SoundKey(NamedTuple):
    """A word's consonant key and, per key letter, the vowel letters that follow it."""

    key: str
    vowels: tuple[str, ...]


class _Builder:
    """Accumulates consonant classes and the vowels between them."""

    def __init__(self) -> None:
        self.key: list[str] = []
        self.vowels: list[str] = []
        self.pending = ""  # vowels seen since the last consonant

    def consonant(self, cls: str, *, collapse: bool = True) -> None:
        # A doubled consonant (Hassan, Mohammed) is one sound; the same consonant after a
        # vowel (Baba) is two.
        if collapse and self.key and self.key[-1] == cls and not self.pending:
            return
        if self.key:
            self.vowels.append(self.pending)
        self.key.append(cls)
        self.pending = ""

    def vowel(self, v: str) -> None:
        if self.key:
            self.pending += v

    def build(self) -> SoundKey:
        if self.key:
            self.vowels.append(self.pending)
        return SoundKey("".join(self.key), tuple(self.vowels))


def _latin_initial(word: str, b: _Builder) -> int:
    """Mark a word-initial vowel or semivowel; return how many letters the mark consumed."""
    if word[0] in "aeiou":
        b.key.append("A")
        return 0  # the vowel itself is read by the main loop into the mark's vowel slot
    if word[0] in "yw" and len(word) > 1 and word[1] in "aeiou":
        b.key.append(word[0].upper())
        return 1
    return 0


@lru_cache(maxsize=300_000)
def latin_key(word: str) -> SoundKey:
    """The sound key of a folded Latin word (lower-case a-z).

    >>> latin_key("mohammed").key, latin_key("muhammad").key, latin_key("omar").key
    ('MHMD', 'MHMD', 'AMR')
    """
    b = _Builder()
    i = _latin_initial(word, b) if word else 0
    n = len(word)
    while i < n:
        for multi, cls in _LATIN_MULTI:
            if word.startswith(multi, i):
                b.consonant(cls)
                i += len(multi)
                break
        else:
            ch = word[i]
            if ch in _LATIN_SINGLE:
                b.consonant(_LATIN_SINGLE[ch])
            elif ch in _LATIN_VOWELS:
                b.vowel(_LATIN_VOWELS[ch])
            i += 1
    return b.build()


@lru_cache(maxsize=300_000)
def arabic_key(word: str) -> SoundKey:
    """The sound key of a folded Arabic-script word.

    >>> arabic_key("محمد").key, arabic_key("عمر").key, arabic_key("حسين").vowels
    ('MHMD', 'AMR', ('', 'I', ''))
    """
    b = _Builder()
    for i, ch in enumerate(word):
        if i == 0 and ch in _ARABIC_INITIAL:
            b.key.append(_ARABIC_INITIAL[ch])
        elif ch == "ة":
            continue  # ta marbuta is not pronounced as a consonant at the end of a name
        elif ch in _ARABIC_CONSONANTS:
            # Arabic writes a doubled consonant with a shadda, so two written letters are two
            # sounds (ممدوح, Mamdouh); only the lam of a joined article doubles (عبدالله).
            b.consonant(_ARABIC_CONSONANTS[ch], collapse=ch == "ل")
        elif ch in _ARABIC_LONG:
            b.vowel(_ARABIC_LONG[ch])
        elif ch == "ع":
            b.vowel("'")  # ʿayn: a sound Latin writes as a vowel or an apostrophe, or not at all
    return b.build()
