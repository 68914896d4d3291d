"""Watchlist screening: does this traveller match a listed person or a lost or stolen document?

A watchlist entry is a person known under one or more names, often in Arabic script and several
Latin transliterations, with partial birth dates, nationalities and document numbers. A query is
a traveller as the border sees them. Names drive a match; birth date, nationality and sex only
confirm or contradict it, and a document number with its issuing state is an exact identifier.
Every match carries an explanation an officer can check: which name parts aligned, how each field
compared, which list and entry fired.

`ScreeningIndex.build(entries)` indexes a list (a million entries in well under a minute) and
`screen_many(queries)` screens a batch; `reference.screen_reference` is the plain, unindexed
scorer the index is tested against.

>>> index = ScreeningIndex.build([Entry("UN-1", ("عبد الرحمن نصر الله التكريتي",), ("1961",))])
>>> traveller = Query("T-1", name="ABDULRAHMAN NASRALLAH AL-TIKRITI", birth_date="1961-05-01")
>>> match = index.screen(traveller)[0]
>>> match.entry_id, match.explanation["fields"][0]["verdict"]
('UN-1', 'same_year')
"""

from __future__ import annotations

from .index import DEFAULT_THRESHOLD, IndexStats, ScreeningIndex
from .model import Document, Entry, Match, Query

__all__ = [
    "DEFAULT_THRESHOLD",
    "Document",
    "Entry",
    "IndexStats",
    "Match",
    "Query",
    "ScreeningIndex",
]
