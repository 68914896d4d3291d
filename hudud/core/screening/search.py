"""Finding and scoring the entries a traveller may be, within one segment.

Retrieval never scans the list. Each query token looks up the sound keys it may match; keys
carried by few rows (*anchors*: rare names) contribute all their rows as candidates, rarest
first, up to a budget. A name made only of common tokens (Mohammed Ali Hassan) has no anchor;
its candidates are the rows that carry both of its two rarest tokens. Candidates get a cheap
vectorised pre-score (matched bits against the row's total), and only the best few dozen rows
are aligned and scored in full (`score`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hudud.core.names import Token
from hudud.core.names.similarity import token_similarity

from .rarity import Rarity
from .score import ROLE_WEIGHT, Alignment, align, role_weights
from .segment import I32, Segment
from .vocabulary import Vocabulary

ANCHOR_ROWS = 4096  # a key on more rows than this is too common to retrieve by on its own
CANDIDATE_BUDGET = 12_000
RESCORE = 24  # rows aligned in full per query name
_ROLE_OF_CODE = (ROLE_WEIGHT["given"], ROLE_WEIGHT["middle"], ROLE_WEIGHT["last"])


@dataclass(frozen=True, slots=True)
class QueryName:
    """A query name ready to search: tokens, their weights and the keys each may match."""

    text: str
    tokens: tuple[Token, ...]
    bits: tuple[float, ...]
    close: tuple[tuple[tuple[int, float], ...], ...]
    close_cids: tuple[frozenset[int], ...]
    roles: tuple[float, ...]
    weight: float  # sum of token bits, middle names at half


def prepare_name(
    text: str, tokens: tuple[Token, ...], vocabulary: Vocabulary, rarity: Rarity
) -> QueryName:
    bits = tuple(rarity.bits(t.key) for t in tokens)
    close = tuple(vocabulary.close_keys(t.key) for t in tokens)
    roles = role_weights(tokens)
    weight = sum(b * r for b, r in zip(bits, roles, strict=True))
    close_cids = tuple(frozenset(cid for cid, _ in c) for c in close)
    return QueryName(text, tokens, bits, close, close_cids, roles, weight)


def _members(postings: I32, candidates: I32) -> np.ndarray:
    """Boolean mask: which candidates (sorted) appear in postings (sorted)."""
    if not len(postings):
        return np.zeros(len(candidates), dtype=bool)
    idx = np.searchsorted(postings, candidates)
    idx[idx == len(postings)] = len(postings) - 1
    return np.asarray(postings[idx] == candidates)


def _postings(
    name: QueryName, segment: Segment, key_bits: np.ndarray
) -> tuple[list[tuple[I32, float]], list[tuple[I32, float]]]:
    """Each (query token, close key) posting with its value, split into anchors and common."""
    anchors: list[tuple[I32, float]] = []
    common: list[tuple[I32, float]] = []
    for bits, close in zip(name.bits, name.close, strict=True):
        for cid, sim in close:
            if cid >= len(key_bits):
                continue  # a key added to the shared vocabulary after this index was built
            rows = segment.rows_with_key(cid)
            if len(rows):
                value = sim * min(bits, float(key_bits[cid]))
                (anchors if len(rows) <= ANCHOR_ROWS else common).append((rows, value))
    anchors.sort(key=lambda p: len(p[0]))
    common.sort(key=lambda p: len(p[0]))
    return anchors, common


def _within_budget(anchors: list[tuple[I32, float]]) -> list[tuple[I32, float]]:
    picked: list[tuple[I32, float]] = []
    total = 0
    for rows, value in anchors:
        if total + len(rows) > CANDIDATE_BUDGET and picked:
            break
        picked.append((rows, value))
        total += len(rows)
    return picked


def _scored_candidates(
    name: QueryName, segment: Segment, key_bits: np.ndarray
) -> tuple[I32, np.ndarray]:
    """Candidate rows and the bits of the query each already matches (summed per posting)."""
    anchors, common = _postings(name, segment, key_bits)
    picked = _within_budget(anchors)
    parts = [rows for rows, _ in picked]
    if len(common) >= 2 and sum(map(len, parts)) < RESCORE:
        both = common[0][0][_members(common[1][0], common[0][0])]
        parts.append(both[:CANDIDATE_BUDGET])
    elif not parts and common:
        parts.append(common[0][0][:CANDIDATE_BUDGET])
    if not parts:
        return np.zeros(0, dtype=np.int32), np.zeros(0)
    values = [np.full(len(rows), value) for rows, value in picked]
    values.extend(np.zeros(len(p)) for p in parts[len(picked) :])
    candidates, inverse = np.unique(np.concatenate(parts), return_inverse=True)
    matched: np.ndarray = np.bincount(
        inverse, weights=np.concatenate(values), minlength=len(candidates)
    )
    for rows, value in common:
        matched = matched + np.where(_members(rows, candidates), value, 0.0)
    return candidates, matched


def best_rows(
    name: QueryName, segment: Segment, row_weight: np.ndarray, key_bits: np.ndarray
) -> I32:
    """The rows most worth a full alignment, by a vectorised pre-score."""
    candidates, matched = _scored_candidates(name, segment, key_bits)
    if len(candidates) <= RESCORE:
        return candidates
    pre = matched / (name.weight + row_weight[candidates] + 1e-6)
    top = np.argpartition(-pre, RESCORE)[:RESCORE]
    return candidates[top[np.argsort(-pre[top], kind="stable")]]


def align_row(
    name: QueryName,
    segment: Segment,
    row: int,
    vocabulary: Vocabulary,
    required_bits: float,
    key_bits: np.ndarray,
    cache: dict[tuple[int, int], float],
) -> Alignment:
    """Align a query name with one row's name, reusing token similarities across rows."""
    start, end = int(segment.row_ptr[row]), int(segment.row_ptr[row + 1])
    sids = segment.row_sid[start:end].tolist()
    roles = [_ROLE_OF_CODE[r] for r in segment.row_role[start:end].tolist()]
    tokens = vocabulary.tokens
    entry_bits = [float(key_bits[vocabulary.sid_cid[s]]) for s in sids]

    cids = [vocabulary.sid_cid[s] for s in sids]

    def similarity(i: int, j: int) -> float:
        if cids[j] not in name.close_cids[i]:
            return 0.0  # keys are not neighbours: no need to look at the spelling
        pair = (i, sids[j])
        found = cache.get(pair)
        if found is None:
            found = cache[pair] = token_similarity(name.tokens[i], tokens[sids[j]])
        return found

    return align(similarity, name.bits, entry_bits, name.roles, roles, required_bits)
