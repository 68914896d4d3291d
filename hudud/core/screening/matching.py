"""Screening one traveller against one segment: names, then fields, then documents.

The same `entry_score` and `to_match` turn an alignment into a scored, explained match for the
indexed path and for the reference scorer, so the two can only differ in which entries they
look at. Explanations are built only for the matches reported.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from .score import Alignment, combine, explain_name, for_reading
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
        for tokens in parse_name(text).readings():
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


@dataclass(frozen=True, slots=True)
class Scored:
    """An entry's score for a query, with what is needed to explain it later (if selected)."""

    entry: Entry
    score: float
    name: QueryName | None
    name_index: int
    name_variant: int
    alignment: Alignment | None
    fields: tuple[FieldEvidence, ...]
    document_hit: bool


def entry_score(
    query: Query,
    entry: Entry,
    name: QueryName | None,
    name_index: int,
    name_variant: int,
    alignment: Alignment | None,
    document_hit: bool,
) -> Scored:
    """Score one entry for one query from its best name alignment and/or a listed document."""
    fields = tuple(field_evidence(query, entry))
    strength = alignment.strength if alignment else 0.0
    score = 1.0 if document_hit else combine(strength, fields)
    return Scored(entry, score, name, name_index, name_variant, alignment, fields, document_hit)


def to_match(query: Query, scored: Scored, required_bits: float) -> Match:
    """The match as reported, with its explanation."""
    entry = scored.entry
    explanation: dict[str, Any] = {
        "reason": "document" if scored.document_hit else "name",
        "list_id": entry.list_id,
        "entry_id": entry.id,
        "fields": [f.to_json() for f in scored.fields],
    }
    if scored.name is not None and scored.alignment is not None:
        name = scored.name
        entry_name = entry.names[scored.name_index]
        entry_tokens = parse_name(entry_name).readings()[scored.name_variant]
        explanation["name"] = explain_name(
            name.text,
            name.tokens,
            entry_name,
            entry_tokens,
            scored.alignment,
            name.bits,
            required_bits,
        )
    if scored.document_hit and query.document is not None:
        explanation["document"] = {
            "number": query.document.number,
            "issuing_state": query.document.issuing_state,
            "verdict": "listed",
        }
    return Match(entry.id, scored.score, entry.list_id, explanation)


def screen_segment(
    query: Query,
    segment: Segment,
    hidden: frozenset[int],
    row_weight: np.ndarray,
    vocabulary: Vocabulary,
    rarity: Rarity,
    key_bits: np.ndarray,
    required_bits: float,
) -> list[Scored]:
    """Every entry of the segment worth reporting for this query, scored (unfiltered)."""
    best: dict[int, tuple[float, QueryName, int, int, Alignment]] = {}
    rank: dict[int, tuple[float, int, int, int]] = {}
    for q_index, (text, tokens) in enumerate(query_names(query)):
        name = prepare_name(text, tokens, vocabulary, rarity)
        cache: dict[tuple[int, int], float] = {}
        for row in best_rows(name, segment, row_weight, key_bits, required_bits).tolist():
            e_index = int(segment.row_entry[row])
            if e_index in hidden:
                continue
            n_index, variant = int(segment.row_name[row]), int(segment.row_variant[row])
            alignment = for_reading(
                align_row(name, segment, row, vocabulary, required_bits, key_bits, cache), variant
            )
            # Ties go to the first query name, then the first entry name and reading: the
            # order the reference scorer meets them in.
            key = (alignment.strength, -q_index, -n_index, -variant)
            if alignment.pairs and (e_index not in rank or key > rank[e_index]):
                rank[e_index] = key
                best[e_index] = (alignment.strength, name, n_index, variant, alignment)
    documents = _document_hits(query, segment, hidden)
    scored: list[Scored] = []
    for e_index in best.keys() | documents:
        entry = segment.entries[e_index]
        hit = e_index in documents
        if e_index in best:
            _, name, n_index, variant, alignment = best[e_index]
            scored.append(entry_score(query, entry, name, n_index, variant, alignment, hit))
        else:
            scored.append(entry_score(query, entry, None, 0, 0, None, hit))
    return scored


def _document_hits(query: Query, segment: Segment, hidden: frozenset[int]) -> set[int]:
    if query.document is None or not query.document.number:
        return set()
    listed = segment.documents.get(normalise_document_number(query.document.number), ())
    return {i for i, state in listed if i not in hidden and document_fires(query, state)}
