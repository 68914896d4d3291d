"""What the screening engine reads and answers: entries, queries, matches.

These are plain frozen dataclasses so that the Django app, the `hudud screen` command and the
benchmarks hand the engine the same shapes. Dates are ISO strings because watchlists carry
partial dates ("1968", "1968-03") that `datetime.date` cannot hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """A travel document by number and issuing state (ICAO/ISO alpha-3), as listed or presented."""

    number: str
    issuing_state: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One watchlist entry: a person known under one or more names, in any script.

    `birth_dates` hold "YYYY-MM-DD", "YYYY-MM" or "YYYY"; `nationalities` ISO alpha-3 codes;
    `sex` "M", "F", "X" or None. `list_id` names the list it came from (for explanations) and
    `threshold`, when set, is that list's own operating threshold.
    """

    id: str
    names: tuple[str, ...]
    birth_dates: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    sex: str | None = None
    documents: tuple[Document, ...] = ()
    list_id: str = ""
    threshold: float | None = None


@dataclass(frozen=True, slots=True)
class Query:
    """A traveller to screen. Every field may be missing; `name` may be in any script."""

    id: str
    name: str | None = None
    birth_date: str | None = None
    nationality: str | None = None
    sex: str | None = None
    document: Document | None = None
    names: tuple[str, ...] = ()  # further names (the other script, an alias) screened together


@dataclass(frozen=True, slots=True)
class Match:
    """An entry that matched a query, its score in [0, 1], and why (JSON-ready)."""

    entry_id: str
    score: float
    list_id: str = ""
    explanation: dict[str, Any] = field(default_factory=dict, compare=False)
