"""Finding and scoring the entries a traveller may be, within one segment.

Retrieval never scans the list. Each query token looks up the sound keys it may match; keys
carried by few rows (*anchors*: rare names) contribute all their rows as candidates, rarest
first, up to a budget. Pairs of the query's tokens contribute the rows carrying both (`pairs`),
rarest pair first: that is how a name made only of common tokens (Hussein al-Tikriti in a
million Iraqi names) is found, whatever the order and whichever middle name is missing.
Candidates get a cheap vectorised estimate of their strength, and only the best few dozen rows
are aligned and scored in full (`score`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from hudud.core.names import Token
from hudud.core.names.similarity import token_similarity

from .rarity import Rarity
from .score import ROLE_WEIGHT, Alignment, align_cells, role_weights
from .segment import I32, Segment
from .vocabulary import Vocabulary

ANCHOR_ROWS = 256  # a key on more rows than this is too common to retrieve by on its own
CANDIDATE_BUDGET = 2000  # rows from single keys, and as many again from pairs of keys
PAIR_KEYS = 3  # closest keys of each query token tried in pairs
RESCORE = 16  # rows aligned in full per query name, at least
RESCORE_FLOOR = 0.55  # ... and every further row whose estimated strength reaches this
RESCORE_MAX = 64
_ROLE_OF_CODE = (ROLE_WEIGHT["given"], ROLE_WEIGHT["middle"], ROLE_WEIGHT["last"])


@dataclass(frozen=True, slots=True)
class QueryName:
    """A query name ready to search: tokens, their weights and the keys each may match."""

    text: str
    tokens: tuple[Token, ...]
    bits: tuple[float, ...]
    close: tuple[tuple[tuple[int, float], ...], ...]
    tokens_close_to: dict[int, tuple[int, ...]]  # key id -> the query tokens it is close to
    roles: tuple[float, ...]
    weight: float  # sum of token bits, middle names at half


def prepare_name(
    text: str, tokens: tuple[Token, ...], vocabulary: Vocabulary, rarity: Rarity
) -> QueryName:
    bits = tuple(rarity.bits(t.key) for t in tokens)
    close = tuple(vocabulary.close_keys(t.key) for t in tokens)
    roles = role_weights(tokens)
    weight = sum(b * r for b, r in zip(bits, roles, strict=True))
    close_to: dict[int, list[int]] = {}
    for i, keys in enumerate(close):
        for cid, _ in keys:
            close_to.setdefault(cid, []).append(i)
    tokens_close_to = {cid: tuple(ids) for cid, ids in close_to.items()}
    return QueryName(text, tokens, bits, close, tokens_close_to, roles, weight)


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


def _within_budget(lists: list[I32]) -> list[I32]:
    """The shortest lists (sorted by length) up to the budget; the first is always taken."""
    picked: list[I32] = []
    total = 0
    for rows in lists:
        if total + len(rows) > CANDIDATE_BUDGET and picked:
            break
        picked.append(rows)
        total += len(rows)
    return picked


def _pair_lists(name: QueryName, segment: Segment) -> list[I32]:
    """Rows carrying two of the query's tokens (any order), shortest lists first."""
    close = [c[:PAIR_KEYS] for c in name.close]
    lists: list[I32] = []
    for i, j in combinations(range(len(close)), 2):
        for a, _ in close[i]:
            for b, _ in close[j]:
                rows = segment.rows_with_pair(a, b)
                if len(rows):
                    lists.append(rows)
    lists.sort(key=len)
    if len(lists) >= 2 and len(lists[0]) > CANDIDATE_BUDGET:
        # Even the rarest pair is everywhere (Mohammed Ali): keep rows carrying two pairs.
        lists[0] = lists[0][_members(lists[1], lists[0])]
    return lists


def _candidate_rows(
    name: QueryName, segment: Segment, anchors: list[_Posting], common: list[_Posting]
) -> I32:
    parts = _within_budget([rows for _, rows, _ in anchors])
    parts += _within_budget(_pair_lists(name, segment))
    if not parts and common:
        parts.append(common[0][1][:CANDIDATE_BUDGET])  # one common token and nothing else
    if not parts:
        return np.zeros(0, dtype=np.int32)
    return np.unique(np.concatenate(parts))


def _scored_candidates(
    name: QueryName, segment: Segment, key_bits: np.ndarray
) -> tuple[I32, np.ndarray]:
    """Candidate rows and, for each, the bits of the query it matches (each token once)."""
    anchors, common = _postings(name, segment, key_bits)
    candidates = _candidate_rows(name, segment, anchors, common)
    return candidates, _matched_bits(name, segment, candidates, key_bits)


def _matched_bits(
    name: QueryName, segment: Segment, candidates: I32, key_bits: np.ndarray
) -> np.ndarray:
    """Per candidate row, the sum over query tokens of the best value among the row's tokens.

    The rows' token keys are gathered once (CSR slices laid end to end); each query token then
    looks its close keys up in a table the size of the vocabulary, and `maximum.reduceat` keeps
    its best per row. No per-posting search, whatever the lists' lengths.
    """
    matched = np.zeros(len(candidates))
    if not len(candidates):
        return matched
    starts = segment.row_ptr[candidates]
    lengths = segment.row_ptr[candidates + 1] - starts
    firsts = np.zeros(len(candidates), dtype=np.int64)
    np.cumsum(lengths[:-1], out=firsts[1:])
    positions = np.repeat(starts - firsts, lengths) + np.arange(int(lengths.sum()))
    cids = segment.row_cid[positions]
    table = np.zeros(segment.keys)
    for bits, close in zip(name.bits, name.close, strict=True):
        usable = [(cid, sim) for cid, sim in close if cid < segment.keys and cid < len(key_bits)]
        if not usable:
            continue
        ids = [cid for cid, _ in usable]
        table[ids] = [sim * min(bits, float(key_bits[cid])) for cid, sim in usable]
        matched += np.maximum.reduceat(table[cids], firsts)
        table[ids] = 0.0
    return matched


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

    cells: list[tuple[float, int, int]] = []
    for j, sid in enumerate(sids):
        for i in name.tokens_close_to.get(vocabulary.sid_cid[sid], ()):
            pair = (i, sid)
            found = cache.get(pair)
            if found is None:
                found = cache[pair] = token_similarity(name.tokens[i], tokens[sid])
            if found > 0.0:
                cells.append((found, i, j))
    return align_cells(cells, name.bits, entry_bits, name.roles, roles, required_bits)
