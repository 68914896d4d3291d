"""Screening one traveller against one segment: names, then fields, then documents.

The same `entry_match` turns an alignment into a scored, explained match for the indexed path
and for the reference scorer, so the two can only differ in which entries they look at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from hudud.core.names import Token, parse_name

from .fields import (
    FieldEvidence,
    birth_date_evidence,
    nationality_evidence,
    normalise_document_number,
    normalise_state,
    sex_evidence,
)
from .model import Entry, Match, Query
from .rarity import Rarity
from .score import Alignment, combine, explain_name
from .search import QueryName, align_row, best_rows, prepare_name
from .segment import Segment
from .vocabulary import Vocabulary


def query_names(query: Query) -> list[tuple[str, tuple[Token, ...]]]:
    """The distinct, non-empty names a query carries, parsed."""
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[str, tuple[Token, ...]]] = []
    for text in (query.name, *query.names):
        if not text:
            continue
        tokens = parse_name(text).tokens
        signature = tuple(t.folded for t in tokens)
        if tokens and signature not in seen:
            seen.add(signature)
            out.append((text, tokens))
    return out


def field_evidence(query: Query, entry: Entry) -> list[FieldEvidence]:
    found = (
        birth_date_evidence(query.birth_date, entry.birth_dates),
        nationality_evidence(query.nationality, entry.nationalities),
        sex_evidence(query.sex, entry.sex),
    )
    return [f for f in found if f is not None]


def document_fires(query: Query, entry_state: str) -> bool:
    """A listed number fires when the issuing states agree or either is unknown."""
    assert query.document is not None
    state = normalise_state(query.document.issuing_state)
    return not state or not entry_state or state == entry_state


def entry_match(
    query: Query,
    entry: Entry,
    name: QueryName | None,
    name_index: int,
    alignment: Alignment | None,
    required_bits: float,
    document_hit: bool,
) -> Match:
    """Score and explain one entry for one query (name alignment and/or document)."""
    fields = field_evidence(query, entry)
    strength = alignment.strength if alignment else 0.0
    score = 1.0 if document_hit else combine(strength, fields)
    explanation: dict[str, Any] = {
        "reason": "document" if document_hit else "name",
        "list_id": entry.list_id,
        "entry_id": entry.id,
        "threshold": entry.threshold,
        "fields": [f.to_json() for f in fields],
    }
    if name is not None and alignment is not None:
        entry_name = entry.names[name_index]
        entry_tokens = parse_name(entry_name).tokens
        explanation["name"] = explain_name(
            name.text, name.tokens, entry_name, entry_tokens, alignment, name.bits, required_bits
        )
    if document_hit and query.document is not None:
        explanation["document"] = {
            "number": query.document.number,
            "issuing_state": query.document.issuing_state,
            "verdict": "listed",
        }
    return Match(entry.id, score, entry.list_id, explanation)


def screen_segment(
    query: Query,
    segment: Segment,
    hidden: frozenset[int],
    row_weight: np.ndarray,
    vocabulary: Vocabulary,
    rarity: Rarity,
    key_bits: np.ndarray,
    required_bits: float,
) -> list[Match]:
    """Every entry of the segment worth reporting for this query, scored (unfiltered)."""
    best: dict[int, tuple[float, QueryName, int, Alignment]] = {}
    for text, tokens in query_names(query):
        name = prepare_name(text, tokens, vocabulary, rarity)
        cache: dict[tuple[int, int], float] = {}
        for row in best_rows(name, segment, row_weight, key_bits).tolist():
            e_index = int(segment.row_entry[row])
            if e_index in hidden:
                continue
            alignment = align_row(name, segment, row, vocabulary, rarity, required_bits, cache)
            if alignment.pairs and (e_index not in best or alignment.strength > best[e_index][0]):
                best[e_index] = (alignment.strength, name, int(segment.row_name[row]), alignment)
    documents = _document_hits(query, segment, hidden)
    matches: list[Match] = []
    for e_index in best.keys() | documents:
        entry = segment.entries[e_index]
        hit = e_index in documents
        if e_index in best:
            _, name, n_index, alignment = best[e_index]
            matches.append(entry_match(query, entry, name, n_index, alignment, required_bits, hit))
        else:
            matches.append(entry_match(query, entry, None, 0, None, required_bits, hit))
    return matches


def _document_hits(query: Query, segment: Segment, hidden: frozenset[int]) -> set[int]:
    if query.document is None or not query.document.number:
        return set()
    listed = segment.documents.get(normalise_document_number(query.document.number), ())
    return {i for i, state in listed if i not in hidden and document_fires(query, state)}


__all__: Sequence[str] = ("entry_match", "query_names", "screen_segment")
