"""The reference scorer: every entry, every name, every token pair, no index and no caches.

It is slow (a full scan per query) and exists to be obviously right: the indexed path must
report the same matches with the same scores whenever its retrieval budget is not exhausted,
and the tests hold it to that.
"""

from __future__ import annotations

from collections.abc import Sequence

from hudud.core.names import Token, parse_name
from hudud.core.names.similarity import token_similarity

from .fields import normalise_document_number, normalise_state
from .index import ScreeningIndex, threshold_for
from .matching import Scored, document_fires, entry_score, query_names, to_match
from .model import Entry, Match, Query
from .rarity import Rarity
from .score import Alignment, align, for_reading, role_weights
from .search import QueryName


def _align(
    name: QueryName, entry_tokens: Sequence[Token], rarity: Rarity, required: float
) -> Alignment:
    entry_bits = [rarity.bits(t.key) for t in entry_tokens]

    def similarity(i: int, j: int) -> float:
        return token_similarity(name.tokens[i], entry_tokens[j])

    return align(
        similarity, name.bits, entry_bits, name.roles, role_weights(entry_tokens), required
    )


def _name(text: str, tokens: tuple[Token, ...], rarity: Rarity) -> QueryName:
    bits = tuple(rarity.bits(t.key) for t in tokens)
    roles = role_weights(tokens)
    weight = sum(b * r for b, r in zip(bits, roles, strict=True))
    return QueryName(text, tokens, bits, (), {}, roles, weight)


def _document_hit(query: Query, entry: Entry) -> bool:
    if query.document is None or not query.document.number:
        return False
    number = normalise_document_number(query.document.number)
    return any(
        normalise_document_number(d.number) == number
        and document_fires(query, normalise_state(d.issuing_state))
        for d in entry.documents
    )


def _score_entry(query: Query, entry: Entry, rarity: Rarity, required: float) -> Scored | None:
    best: tuple[float, QueryName, int, int, Alignment] | None = None
    for text, tokens in query_names(query):
        name = _name(text, tokens, rarity)
        for n_index, entry_name in enumerate(entry.names):
            for variant, entry_tokens in enumerate(parse_name(entry_name).readings()):
                if not entry_tokens:
                    continue
                alignment = for_reading(_align(name, entry_tokens, rarity, required), variant)
                if alignment.pairs and (best is None or alignment.strength > best[0]):
                    best = (alignment.strength, name, n_index, variant, alignment)
    hit = _document_hit(query, entry)
    if best is None and not hit:
        return None
    if best is None:
        return entry_score(query, entry, None, 0, 0, None, hit)
    return entry_score(query, entry, best[1], best[2], best[3], best[4], hit)


def screen_reference(
    index: ScreeningIndex, query: Query, *, threshold: float | None = None, top: int | None = None
) -> list[Match]:
    """Screen by scanning every live entry of `index`, with the index's rarity weights.

    >>> from .model import Entry
    >>> idx = ScreeningIndex.build([Entry("E1", ("Nur al-Din Zangi",))])
    >>> [m.entry_id for m in screen_reference(idx, Query("Q", name="نور الدين زنكي"))]
    ['E1']
    """
    required = index.required_bits
    scored = [s for e in index.entries() if (s := _score_entry(query, e, index.rarity, required))]
    scored.sort(key=lambda s: (-s.score, s.entry.id))
    if top is not None:
        chosen = scored[:top]
    else:
        chosen = [s for s in scored if s.score >= threshold_for(s.entry, threshold)]
    return [to_match(query, s, required) for s in chosen]
