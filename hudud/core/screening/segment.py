"""One immutable block of an index: entries, their names as token ids, and postings by sound key.

Each (entry, name) pair is a *row*. Rows keep their token ids and roles in flat arrays (CSR
layout: `row_ptr[r]:row_ptr[r+1]` slices `row_sid`), and each sound key keeps the sorted rows
that contain it (`key_ptr`/`key_rows`). Flat int32 arrays keep a million entries to tens of
megabytes instead of gigabytes of Python objects, and let NumPy test membership in bulk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from hudud.core.names.structure import parse_name_uncached

from .fields import normalise_document_number, normalise_state
from .model import Entry
from .pairs import pair_code, pair_postings
from .vocabulary import Vocabulary

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
F32 = npt.NDArray[np.float32]
ROLE_CODES = {"given": 0, "middle": 1, "last": 2}


@dataclass(frozen=True, slots=True)
class Segment:
    entries: tuple[Entry, ...]
    position: dict[str, int]  # entry id -> index in entries
    row_entry: I32
    row_name: I32
    row_variant: npt.NDArray[np.int8]  # 0: the name as parsed, 1: its compounds split
    row_ptr: I64
    row_sid: I32
    row_cid: I32  # the sound key of each token, beside its spelling
    row_role: npt.NDArray[np.int8]
    key_ptr: I64
    key_rows: I32
    pair_codes: I64
    pair_ptr: I64
    pair_rows: I32
    keys: int  # vocabulary keys when built: pair codes are filed with this base
    documents: dict[str, tuple[tuple[int, str], ...]]  # number -> (entry index, issuing state)

    def rows_with_key(self, cid: int) -> I32:
        """Rows whose name contains a token with this sound key (sorted, unique)."""
        if cid + 1 >= len(self.key_ptr):
            return self.key_rows[:0]
        return self.key_rows[self.key_ptr[cid] : self.key_ptr[cid + 1]]

    def rows_with_pair(self, a: int, b: int) -> I32:
        """Rows whose name carries both keys (sorted, unique)."""
        if a >= self.keys or b >= self.keys or a == b:
            return self.pair_rows[:0]
        code = pair_code(a, b, self.keys)
        at = int(np.searchsorted(self.pair_codes, code))
        if at == len(self.pair_codes) or self.pair_codes[at] != code:
            return self.pair_rows[:0]
        return self.pair_rows[self.pair_ptr[at] : self.pair_ptr[at + 1]]

    def row_sids(self, row: int) -> I32:
        return self.row_sid[self.row_ptr[row] : self.row_ptr[row + 1]]


def _documents(entries: Sequence[Entry]) -> dict[str, tuple[tuple[int, str], ...]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for index, entry in enumerate(entries):
        for doc in entry.documents:
            number = normalise_document_number(doc.number)
            if number:
                found.setdefault(number, []).append((index, normalise_state(doc.issuing_state)))
    return {k: tuple(v) for k, v in found.items()}


def build_segment(entries: Sequence[Entry], vocabulary: Vocabulary) -> Segment:
    """Tokenise every name of every entry and lay the result out in arrays."""
    row_entry: list[int] = []
    row_name: list[int] = []
    row_variant: list[int] = []
    row_len: list[int] = []
    sids: list[int] = []
    roles: list[int] = []
    for e_index, entry in enumerate(entries):
        for n_index, name in enumerate(entry.names):
            for variant, tokens in enumerate(parse_name_uncached(name).readings()):
                if not tokens:
                    continue
                row_entry.append(e_index)
                row_name.append(n_index)
                row_variant.append(variant)
                row_len.append(len(tokens))
                sids.extend(vocabulary.sid(t) for t in tokens)
                roles.extend(ROLE_CODES[t.role] for t in tokens)
    row_sid = np.asarray(sids, dtype=np.int32)
    row_ptr = np.zeros(len(row_len) + 1, dtype=np.int64)
    np.cumsum(np.asarray(row_len, dtype=np.int64), out=row_ptr[1:])
    key_ptr, key_rows = _postings(row_sid, row_ptr, vocabulary)
    keys = len(vocabulary.keys)
    token_cids = np.asarray(vocabulary.sid_cid, dtype=np.int64)[row_sid]
    pair_codes, pair_ptr, pair_rows = pair_postings(token_cids, row_ptr, keys)
    return Segment(
        entries=tuple(entries),
        position={e.id: i for i, e in enumerate(entries)},
        row_entry=np.asarray(row_entry, dtype=np.int32),
        row_name=np.asarray(row_name, dtype=np.int32),
        row_variant=np.asarray(row_variant, dtype=np.int8),
        row_ptr=row_ptr,
        row_sid=row_sid,
        row_cid=token_cids.astype(np.int32),
        row_role=np.asarray(roles, dtype=np.int8),
        key_ptr=key_ptr,
        key_rows=key_rows,
        pair_codes=pair_codes,
        pair_ptr=pair_ptr,
        pair_rows=pair_rows,
        keys=keys,
        documents=_documents(entries),
    )


def _postings(row_sid: I32, row_ptr: I64, vocabulary: Vocabulary) -> tuple[I64, I32]:
    sid_cid = np.asarray(vocabulary.sid_cid, dtype=np.int32)
    cids = sid_cid[row_sid] if len(row_sid) else np.zeros(0, dtype=np.int32)
    rows = np.repeat(np.arange(len(row_ptr) - 1, dtype=np.int32), np.diff(row_ptr))
    # Sort by key then row; drop a row listed twice under one key (Mohammed Mohammed).
    order = np.lexsort((rows, cids))
    cids, rows = cids[order], rows[order]
    if len(cids):
        keep = np.ones(len(cids), dtype=bool)
        keep[1:] = (cids[1:] != cids[:-1]) | (rows[1:] != rows[:-1])
        cids, rows = cids[keep], rows[keep]
    key_ptr = np.zeros(len(vocabulary.keys) + 1, dtype=np.int64)
    np.cumsum(np.bincount(cids, minlength=len(vocabulary.keys)), out=key_ptr[1:])
    return key_ptr, rows.astype(np.int32)
