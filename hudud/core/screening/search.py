"""Finding and scoring the entries a traveller may be, within one segment.

Retrieval never scans the list. Each query token looks up the sound keys it may match; keys
carried by few rows (*anchors*: rare names) contribute all their rows as candidates, rarest
first, up to a budget. A name made only of common tokens (Mohammed Ali Hassan) has no anchor;
its candidates are the rows that carry both of its two rarest tokens. Candidates get a cheap
vectorised pre-score (matched bits against the row's total), and only the best few dozen rows
are aligned and scored in full (`score`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from hudud.core.names import Token
from hudud.core.names.similarity import token_similarity

from .rarity import Rarity
from .score import ROLE_WEIGHT, Alignment, align
from .segment import I32, Segment
from .vocabulary import Vocabulary

ANCHOR_ROWS = 4096  # a key on more rows than this is too common to retrieve by on its own
CANDIDATE_BUDGET = 12_000
RESCORE = 48  # rows aligned in full per query name
_ROLES = ("given", "middle", "last")


@dataclass(frozen=True, slots=True)
class QueryName:
    """A query name ready to search: tokens, their weights and the keys each may match."""

    text: str
    tokens: tuple[Token, ...]
    bits: tuple[float, ...]
    close: tuple[tuple[tuple[int, float], ...], ...]
    weight: float  # sum of token bits, middle names at half


def prepare_name(
    text: str, tokens: tuple[Token, ...], vocabulary: Vocabulary, rarity: Rarity
) -> QueryName:
    bits = tuple(rarity.bits(t.key) for t in tokens)
    close = tuple(vocabulary.close_keys(t.key) for t in tokens)
    weight = sum(b * ROLE_WEIGHT[t.role] for b, t in zip(bits, tokens, strict=True))
    return QueryName(text, tokens, bits, close, weight)


def _members(postings: I32, candidates: I32) -> np.ndarray:
    """Boolean mask: which candidates (sorted) appear in postings (sorted)."""
    if not len(postings):
        return np.zeros(len(candidates), dtype=bool)
    idx = np.searchsorted(postings, candidates)
    idx[idx == len(postings)] = len(postings) - 1
    return np.asarray(postings[idx] == candidates)


def _candidates(name: QueryName, segment: Segment) -> I32:
    anchors: list[I32] = []
    common: list[I32] = []
    for close in name.close:
        lists = [segment.rows_with_key(cid) for cid, _ in close]
        for rows in lists:
            if 0 < len(rows) <= ANCHOR_ROWS:
                anchors.append(rows)
        if close and len(lists[0]) > ANCHOR_ROWS:
            common.append(lists[0])  # the token's own key, when it is common
    anchors.sort(key=len)
    picked: list[I32] = []
    total = 0
    for rows in anchors:
        if total + len(rows) > CANDIDATE_BUDGET and picked:
            break
        picked.append(rows)
        total += len(rows)
    if len(common) >= 2 and (not picked or total < RESCORE):
        common.sort(key=len)
        both = common[0][_members(common[1], common[0])]
        picked.append(both[:CANDIDATE_BUDGET])
    elif not picked and common:
        picked.append(common[0][:CANDIDATE_BUDGET])
    if not picked:
        return np.zeros(0, dtype=np.int32)
    return np.unique(np.concatenate(picked))


def best_rows(
    name: QueryName, segment: Segment, row_weight: np.ndarray, rarity_bits: np.ndarray
) -> I32:
    """The rows most worth a full alignment, by a vectorised pre-score."""
    candidates = _candidates(name, segment)
    if len(candidates) <= RESCORE:
        return candidates
    matched = np.zeros(len(candidates), dtype=np.float32)
    for bits, close in zip(name.bits, name.close, strict=True):
        best = np.zeros(len(candidates), dtype=np.float32)
        for cid, sim in close:
            if cid >= len(rarity_bits):
                continue  # a key added to the shared vocabulary after this index was built
            hit = _members(segment.rows_with_key(cid), candidates)
            np.maximum(best, hit * np.float32(sim * min(bits, float(rarity_bits[cid]))), out=best)
        matched += best
    pre = matched / (name.weight + row_weight[candidates] + 1e-6)
    top = np.argpartition(-pre, RESCORE)[:RESCORE]
    return candidates[top]


def align_row(
    name: QueryName,
    segment: Segment,
    row: int,
    vocabulary: Vocabulary,
    rarity: Rarity,
    required_bits: float,
    cache: dict[tuple[int, int], float],
) -> Alignment:
    """Align a query name with one row's name, reusing token similarities across rows."""
    start, end = int(segment.row_ptr[row]), int(segment.row_ptr[row + 1])
    sids = segment.row_sid[start:end].tolist()
    roles = segment.row_role[start:end].tolist()
    entry = [
        replace(vocabulary.tokens[s], role=_ROLES[r]) for s, r in zip(sids, roles, strict=True)
    ]
    entry_bits = [rarity.bits(t.key) for t in entry]

    def similarity(i: int, j: int) -> float:
        pair = (i, sids[j])
        found = cache.get(pair)
        if found is None:
            found = cache[pair] = token_similarity(name.tokens[i], entry[j])
        return found

    return align(name.tokens, entry, similarity, name.bits, entry_bits, required_bits)
