"""Postings by pairs of sound keys: how names made of common tokens are still found quickly.

In a list of a million Iraqi names, Mohammed, Ali and Hussein are each carried by tens of
thousands of rows, so a name built from them has no rare token to retrieve by. The pair
(Hussein, Tikriti) is carried by far fewer rows than either token, and it ignores name order
and dropped middle names. Each row files every unordered pair of its distinct sound keys (the
first `MAX_TOKENS` tokens), coded as one integer `low * keys + high`.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import numpy.typing as npt

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
MAX_TOKENS = 8  # a name longer than this files the pairs of its first eight tokens


def pair_code(a: int, b: int, keys: int) -> int:
    """The integer filing the unordered pair of key ids a and b."""
    low, high = (a, b) if a < b else (b, a)
    return low * keys + high


def pair_postings(cids: I64, row_ptr: I64, keys: int) -> tuple[I64, I64, I32]:
    """Sorted distinct pair codes, their offsets, and the rows filed under each (sorted)."""
    lengths = np.diff(row_ptr)
    codes: list[I64] = []
    rows: list[I32] = []
    for length in range(2, MAX_TOKENS + 1):
        picked = (
            np.flatnonzero(lengths == length)
            if length < MAX_TOKENS
            else np.flatnonzero(lengths >= length)
        )
        if not len(picked):
            continue
        grid = cids[row_ptr[picked][:, None] + np.arange(length)]
        for a, b in combinations(range(length), 2):
            low = np.minimum(grid[:, a], grid[:, b])
            high = np.maximum(grid[:, a], grid[:, b])
            distinct = low != high
            codes.append(low[distinct] * keys + high[distinct])
            rows.append(picked[distinct].astype(np.int32))
    if not codes:
        return np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32)
    all_codes, all_rows = np.concatenate(codes), np.concatenate(rows)
    order = np.lexsort((all_rows, all_codes))
    all_codes, all_rows = all_codes[order], all_rows[order]
    keep = np.ones(len(all_codes), dtype=bool)
    keep[1:] = (all_codes[1:] != all_codes[:-1]) | (all_rows[1:] != all_rows[:-1])
    all_codes, all_rows = all_codes[keep], all_rows[keep]
    distinct_codes, starts = np.unique(all_codes, return_index=True)
    ptr = np.append(starts, len(all_codes)).astype(np.int64)
    return distinct_codes.astype(np.int64), ptr, all_rows
