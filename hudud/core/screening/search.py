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
RESCORE = 24  # rows aligned in full per query name, at least
RESCORE_FLOOR = 0.45  # ... and every further row whose estimated strength reaches this
RESCORE_MAX = 160
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


_Posting = tuple[int, I32, float]  # query token, rows carrying a close key, value of a match


def _postings(
    name: QueryName, segment: Segment, key_bits: np.ndarray
) -> tuple[list[_Posting], list[_Posting]]:
    """Each (query token, close key) posting with its value, split into anchors and common."""
    anchors: list[_Posting] = []
    common: list[_Posting] = []
    for token, (bits, close) in enumerate(zip(name.bits, name.close, strict=True)):
        for cid, sim in close:
            if cid >= len(key_bits):
                continue  # a key added to the shared vocabulary after this index was built
            rows = segment.rows_with_key(cid)
            if len(rows):
                value = sim * min(bits, float(key_bits[cid]))
                (anchors if len(rows) <= ANCHOR_ROWS else common).append((token, rows, value))
    anchors.sort(key=lambda p: len(p[1]))
    common.sort(key=lambda p: len(p[1]))
    return anchors, common


def _within_budget(anchors: list[_Posting]) -> list[_Posting]:
    picked: list[_Posting] = []
    total = 0
    for posting in anchors:
        if total + len(posting[1]) > CANDIDATE_BUDGET and picked:
            break
        picked.append(posting)
        total += len(posting[1])
    return picked


def _candidate_rows(anchors: list[_Posting], common: list[_Posting]) -> I32:
    parts = [rows for _, rows, _ in _within_budget(anchors)]
    if len(common) >= 2 and sum(map(len, parts)) < RESCORE:
        first, second = common[0][1], common[1][1]
        parts.append(first[_members(second, first)][:CANDIDATE_BUDGET])
    elif not parts and common:
        parts.append(common[0][1][:CANDIDATE_BUDGET])
    if not parts:
        return np.zeros(0, dtype=np.int32)
    return np.unique(np.concatenate(parts))


def _scored_candidates(
    name: QueryName, segment: Segment, key_bits: np.ndarray
) -> tuple[I32, np.ndarray]:
    """Candidate rows and, for each, the bits of the query it matches (each token once)."""
    anchors, common = _postings(name, segment, key_bits)
    candidates = _candidate_rows(anchors, common)
    best = np.zeros((len(name.tokens), len(candidates)))
    for token, rows, value in anchors + common:
        hit = _members(rows, candidates)
        np.maximum(best[token], np.where(hit, value, 0.0), out=best[token])
    return candidates, best.sum(axis=0)


def best_rows(
    name: QueryName,
    segment: Segment,
    row_weight: np.ndarray,
    key_bits: np.ndarray,
    required_bits: float,
) -> I32:
    """The rows most worth a full alignment, by a vectorised estimate of the name strength.

    The RESCORE best always; beyond them, any row whose estimate could still reach a hit
    (up to RESCORE_MAX), so that a dense list of similar names does not hide one.
    """
    candidates, matched = _scored_candidates(name, segment, key_bits)
    if len(candidates) <= RESCORE:
        return candidates
    # A row cannot match more than it carries (Hassan Hussein against one Hussein).
    carried = np.minimum(matched, row_weight[candidates])
    dice = 2 * carried / (name.weight + row_weight[candidates] + 1e-6)
    estimate = dice * np.sqrt(np.minimum(1.0, carried / required_bits))
    order = np.argsort(-estimate, kind="stable")
    keep = max(RESCORE, int(np.count_nonzero(estimate >= RESCORE_FLOOR)))
    return candidates[order[: min(keep, RESCORE_MAX)]]


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
