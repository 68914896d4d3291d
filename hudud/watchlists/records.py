"""Stored entries as the screening engine reads them, and the fields an entry is stored with."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from hudud.core.screening import Document, Entry
from hudud.watchlists.models import Watchlist, WatchlistEntry

# The stored fields that make up an entry's content (what `content_hash` covers).
CONTENT_FIELDS = ("names", "birth_dates", "nationalities", "sex", "documents", "listed_on")


def search_text(names: Iterable[Mapping[str, Any]]) -> str:
    return " | ".join(str(n.get("name", "")).casefold() for n in names)


def manual_content_hash(fields: Mapping[str, Any]) -> str:
    """A stable digest of a hand-made entry's content (imports use the reader's own hash)."""
    canonical = {key: fields.get(key) for key in CONTENT_FIELDS}
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def screening_entry(row: WatchlistEntry, watchlist: Watchlist) -> Entry:
    """The engine's view of a stored entry: id is the row's primary key, list_id the list code."""
    return Entry(
        id=str(row.pk),
        names=tuple(str(n["name"]) for n in row.names if n.get("name")),
        birth_dates=tuple(row.birth_dates),
        nationalities=tuple(row.nationalities),
        sex=row.sex or None,
        documents=tuple(
            Document(number=str(d["number"]), issuing_state=d.get("issuing_state") or None)
            for d in row.documents
            if d.get("number")
        ),
        list_id=watchlist.code,
        threshold=watchlist.threshold,
    )
