"""Which travellers a new message adds, removes or changes on a flight's list (no database).

A list is kept as parts: part 0 for a list sent whole, parts 1..n for one split over several
messages (`01:C` ... `nn:F`), which may arrive in any order and in separate interchanges. A
series is the parts sharing a common access reference. A new message replaces:
- the whole list, when it is sent whole or starts another series;
- within the same series, the part of the same number, and, when it is the final part (F),
  every part numbered above it (the list got shorter).
Travellers are recognised across versions by `identity_key` (document, else name and birth
date); one matched anywhere on the current list is updated in place (it may move between
parts), one on a replaced part and not sent again is removed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hudud.core import paxlst

_SPACES = re.compile(r"\s+")
# The fields whose change is worth a line in the history (seats and booking references are not).
COMPARED_FIELDS = (
    "surname",
    "given_names",
    "sex",
    "birth_date",
    "nationality",
    "residence",
    "port_of_embarkation",
    "port_of_debarkation",
    "documents",
)


@dataclass(frozen=True)
class PartRef:
    """A current part of a list: its number (0: sent whole), series and whether it is final."""

    part: int
    series: str
    last_part: bool


@dataclass(frozen=True)
class IncomingPart:
    part: int
    series: str
    last_part: bool


def retired_parts(current: Sequence[PartRef], incoming: Sequence[IncomingPart]) -> set[int]:
    """The part numbers of the current list that the incoming messages replace.

    >>> retired_parts([PartRef(1, "A", False), PartRef(2, "A", True)], [IncomingPart(1, "A", True)])
    {1, 2}
    """
    every = {p.part for p in current}
    if not incoming or not current:
        return every
    series = {p.series for p in incoming}
    if any(p.part == 0 for p in incoming) or series != {current[0].series}:
        return every
    gone = {p.part for p in incoming}
    finals = [p.part for p in incoming if p.last_part]
    if finals:
        gone |= {n for n in every if n > min(finals)}
    return gone & every


def normalised(text: str | None) -> str:
    return _SPACES.sub(" ", (text or "").strip()).casefold()


def identity_key(traveller: paxlst.Traveller, document: paxlst.Document | None) -> str:
    """How a traveller is recognised in a later message: the document, else name and birth."""
    if document is not None and document.number:
        return f"doc:{normalised(document.issuing_state)}:{normalised(document.number)}"
    birth = traveller.birth_date.isoformat() if traveller.birth_date else traveller.birth_date_raw
    name = f"{normalised(traveller.surname)}|{normalised(traveller.given_names)}"
    return f"name:{name}|{birth or ''}"[:160]


def unique_keys(keys: Iterable[str]) -> list[str]:
    """The keys with a repeat numbered (`#2`, `#3`): two records sent for one document stay two."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}"[:160])
    return out


def compared(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: fields.get(name) for name in COMPARED_FIELDS}


def content_hash(fields: dict[str, Any]) -> str:
    text = json.dumps(compared(fields), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{"field": [before, after]} for each compared field that changed."""
    old, new = compared(before), compared(after)
    return {name: [old[name], new[name]] for name in COMPARED_FIELDS if old[name] != new[name]}


@dataclass(frozen=True)
class Existing:
    """A traveller row on the current list, as the diff needs it."""

    id: Any
    key: str
    part: int
    content: str


@dataclass
class Diff:
    """Incoming travellers matched to rows (`updated`: index -> row id, `changed` the subset
    whose content differs), `added` indexes, and `removed` row ids."""

    updated: dict[int, Any] = field(default_factory=dict)
    changed: set[int] = field(default_factory=set)
    added: list[int] = field(default_factory=list)
    removed: list[Any] = field(default_factory=list)


def diff(
    existing: Sequence[Existing], incoming: Sequence[tuple[str, str]], retired: set[int]
) -> Diff:
    """Match incoming (key, content hash) pairs to the current rows of a list.

    >>> rows = [Existing(1, "a", 0, "x"), Existing(2, "b", 0, "y")]
    >>> result = diff(rows, [("a", "x2"), ("c", "z")], retired={0})
    >>> result.updated, result.changed, result.added, result.removed
    ({0: 1}, {0}, [1], [2])
    """
    by_key = {row.key: row for row in existing}
    result = Diff()
    for index, (key, content) in enumerate(incoming):
        row = by_key.pop(key, None)
        if row is None:
            result.added.append(index)
            continue
        result.updated[index] = row.id
        if row.content != content:
            result.changed.add(index)
    result.removed = [row.id for row in by_key.values() if row.part in retired]
    return result
