"""Script detection and per-script normalisation of name text.

Arabic-script names vary in writing, not in sound: the hamza forms of alef (أ إ آ ٱ), ta marbuta
against ha, alef maqsura against ya, optional diacritics and the tatweel stretch, Persian and
Kurdish letter forms (ی ک ە ۆ ێ ڕ ڵ), and presentation forms from old systems. Latin names vary in
diacritics, case, apostrophes standing for ʿayn or hamza (Sa'ad, Ma'mun) and hyphens. Both are
folded here, before any comparison, so that the keys built later only see the sounds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from anyascii import anyascii

Script = Literal["arabic", "latin", "other"]

# Arabic letters after folding: every variant below is mapped onto one of these.
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian ye
        "ێ": "ي",  # Kurdish ye with v
        "ې": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ۆ": "و",  # Kurdish o
        "ۇ": "و",
        "ۋ": "و",
        "ک": "ك",  # Persian kaf
        "ڪ": "ك",
        "ە": "ه",  # Kurdish ae
        "ھ": "ه",
        "ۀ": "ه",
        "ڕ": "ر",  # Kurdish rr
        "ڵ": "ل",  # Kurdish ll
        "ڤ": "ف",  # ve in Kurdish and loanwords
        "ژ": "ز",
        "ء": "",
        "ـ": "",  # tatweel only stretches a word
    }
)
# Harakat, shadda, sukun, superscript alef and Quranic annotation marks carry no letter.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LATIN_SPECIAL = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
# Apostrophe-like marks inside Latin names transcribe ʿayn or hamza: they are dropped.
_APOSTROPHES = re.compile("['`´‘’ʻʼʽʾʿ]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.,;:/\\()\[\]{}\"|+*&!?<>=#@~^%$]+")


def _is_arabic_char(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"


def detect_script(text: str) -> Script:
    """The script most of the letters of `text` are in.

    >>> detect_script("محمد علي"), detect_script("Müller"), detect_script("Путин")
    ('arabic', 'latin', 'other')
    """
    if text.isascii():
        return "latin"
    arabic = latin = other = 0
    for ch in unicodedata.normalize("NFKC", text):
        if not ch.isalpha():
            continue
        if _is_arabic_char(ch):
            arabic += 1
        elif ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):
            latin += 1
        else:
            other += 1
    if arabic and arabic >= latin and arabic >= other:
        return "arabic"
    if other > latin:
        return "other"
    return "latin"


@lru_cache(maxsize=200_000)
def normalise_arabic_word(word: str) -> str:
    """Fold an Arabic-script word to bare base letters.

    >>> [normalise_arabic_word(w) for w in ("أَحْمَـــد", "مصطفى", "ﻋﻠﻲ")]
    ['احمد', 'مصطفي', 'علي']
    """
    folded = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", word))
    return "".join(ch for ch in folded.translate(_ARABIC_FOLD) if _is_arabic_char(ch))


def has_arabic_article(word: str) -> bool:
    """Whether an Arabic-script word begins with the article ال (plain alef, then lam).

    The article is never written with hamza: أليسيو (Alessio) and إلياس (Ilyas) begin with a
    name, not an article, though folding makes all three start alike.

    >>> has_arabic_article("الرشيد"), has_arabic_article("أليسيو")
    (True, False)
    """
    bare = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", word)).replace("ـ", "")
    return bare.startswith("ال")


@lru_cache(maxsize=200_000)
def normalise_latin_word(word: str) -> str:
    """Fold a Latin-script word to lower-case ASCII letters.

    >>> normalise_latin_word("Müller"), normalise_latin_word("SA'AD"), normalise_latin_word("Şükrü")
    ('muller', 'saad', 'sukru')
    """
    lowered = _APOSTROPHES.sub("", word.casefold().translate(_LATIN_SPECIAL))
    decomposed = unicodedata.normalize("NFKD", lowered)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not ascii_only.isascii():
        ascii_only = anyascii(ascii_only).lower()
    return "".join(ch for ch in ascii_only if "a" <= ch <= "z")


def romanise_other(text: str) -> str:
    """Romanise a name in a script we have no phonetic rules for (Cyrillic, Greek, Hebrew, CJK).

    >>> romanise_other("Владимир Путин")
    'Vladimir Putin'
    """
    return anyascii(unicodedata.normalize("NFKC", text))


def split_words(text: str) -> list[str]:
    """Words of a name, split on spaces, hyphens and punctuation; digits normalised.

    >>> split_words("AL-TIKRITI, Saddam  Hussein")
    ['AL', 'TIKRITI', ',', 'Saddam', 'Hussein']
    """
    if not text.isascii():  # ASCII is already in NFKC and has no Arabic-Indic digits
        text = unicodedata.normalize("NFKC", text).translate(_DIGITS)
    words: list[str] = []
    for chunk in re.split(r"(,|،)", text):
        if chunk in {",", "،"}:
            words.append(",")
            continue
        words.extend(w for w in _SEPARATORS.split(chunk) if w)
    return words
