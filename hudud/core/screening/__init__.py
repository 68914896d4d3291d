"""Watchlist screening: does this traveller match a listed person or a lost or stolen document?

A watchlist entry is a person known under one or more names, often in Arabic script and several
Latin transliterations, with partial birth dates, nationalities and document numbers. A query is
a traveller as the border sees them. Names drive a match; birth date, nationality and sex only
confirm or contradict it, and a document number with its issuing state is an exact identifier.
Every match carries an explanation an officer can check: which name parts aligned, how each field
compared, which list and entry fired.
"""

from __future__ import annotations

from .model import Document, Entry, Match, Query

__all__ = ["Document", "Entry", "Match", "Query"]
