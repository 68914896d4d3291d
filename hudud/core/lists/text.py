"""Small text helpers shared by the readers: whitespace clean-up and script detection."""

from __future__ import annotations

import re

from .model import Script

_SPACES = re.compile(r"\s+")
# Arabic, Arabic Supplement, Arabic Extended-A/B and the presentation forms (Persian and Urdu
# letters are in these blocks too: the script is Arabic whatever the language).
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# Latin letters: ASCII, Latin-1 and Latin Extended-A/B, IPA, Latin Extended Additional.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff"
# [^\W\d_] is "a letter": word characters without digits and the underscore.
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LATIN_LETTER = re.compile(rf"[^\W\d_{_LATIN}]")
_NOT_ARABIC_LETTER = re.compile(rf"[^\W\d_{_ARABIC}]")


def clean(text: str | None) -> str:
    """`text` stripped with every run of whitespace (line breaks, indentation) made one space.

    >>> clean("  Civil\\n   Identification  number ")
    'Civil Identification number'
    """
    if not text:
        return ""
    return _SPACES.sub(" ", text).strip()


def script_of(name: str) -> Script:
    """ "latin" or "arabic" when every letter is in that script, else "other".

    >>> script_of("AL-TIKRITI"), script_of("عبد الله"), script_of("Ислам"), script_of("Abu عمر")
    ('latin', 'arabic', 'other', 'other')
    """
    if not _LETTER.search(name):
        return "other"
    if not _NOT_LATIN_LETTER.search(name):
        return "latin"
    if not _NOT_ARABIC_LETTER.search(name):
        return "arabic"
    return "other"
