"""Scoring one traveller's name against one entry's name, and explaining the result.

Tokens are aligned one to one, best pairs first, in any order (name order changes between
documents and lists). The name score is a weighted Dice coefficient: matched tokens count with
their similarity, unmatched tokens against it, each by its rarity in bits; a missing middle name
(father's or grandfather's) counts half, because lists and documents often leave them out. That
score is then scaled by how much evidence the match carries in absolute terms: two common tokens
(Mohammed Ali) agreeing perfectly is still weak evidence in a list of a million people.
Birth date, nationality and sex then move the score within bounds (`fields`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from hudud.core.names import Token

from .fields import FieldEvidence

ROLE_WEIGHT = {"given": 1.0, "middle": 0.5, "last": 1.0}
# Below this name strength confirming fields add less, so a birth date cannot carry a weak name.
_CONFIRMATION_FLOOR = 0.6
# How sharply a name short of the required evidence is discounted (decision 0006).
EVIDENCE_EXPONENT = 0.5
# A match through a name's split reading (compounds as separate words) counts the compound's
# particle as a name of its own, so it is discounted.
SPLIT_READING_FACTOR = 0.85


@dataclass(frozen=True, slots=True)
class Alignment:
    """Which query token went with which entry token, and the resulting name evidence."""

    pairs: tuple[tuple[int, int, float], ...]
    unmatched_query: tuple[int, ...]
    unmatched_entry: tuple[int, ...]
    dice: float
    evidence_bits: float
    strength: float


def _greedy_pairs(
    cells: list[tuple[float, float, int, int]], n_query: int, n_entry: int
) -> list[tuple[int, int, float]]:
    # Best similarity first, then the heavier pair, then position: deterministic, so that the
    # indexed path and the reference scorer make the same choices.
    cells.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_q: set[int] = set()
    used_e: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for sim, _, i, j in cells:
        if i in used_q or j in used_e:
            continue
        used_q.add(i)
        used_e.add(j)
        pairs.append((i, j, sim))
        if len(used_q) == n_query or len(used_e) == n_entry:
            break
    return pairs


def role_weights(tokens: Sequence[Token]) -> tuple[float, ...]:
    """How much each token counts when it finds no partner (middle names count half)."""
    return tuple(ROLE_WEIGHT[t.role] for t in tokens)


def align(
    similarity: Callable[[int, int], float],
    query_bits: Sequence[float],
    entry_bits: Sequence[float],
    query_roles: Sequence[float],
    entry_roles: Sequence[float],
    required_bits: float,
) -> Alignment:
    """Align two tokenised names and score them.

    `similarity(i, j)` gives the similarity of query token i and entry token j (0 if unlike);
    `*_bits` are the tokens' rarity and `*_roles` their weight when left unmatched.
    """
    cells = [
        (s, i, j)
        for i in range(len(query_bits))
        for j in range(len(entry_bits))
        if (s := similarity(i, j)) > 0.0
    ]
    return align_cells(cells, query_bits, entry_bits, query_roles, entry_roles, required_bits)


def align_cells(
    cells: list[tuple[float, int, int]],
    query_bits: Sequence[float],
    entry_bits: Sequence[float],
    query_roles: Sequence[float],
    entry_roles: Sequence[float],
    required_bits: float,
) -> Alignment:
    """`align` from the (similarity, i, j) cells of the token pairs that are alike at all."""
    n_query, n_entry = len(query_bits), len(entry_bits)
    weighted = [(s, query_bits[i] + entry_bits[j], i, j) for s, i, j in cells]
    pairs = _greedy_pairs(weighted, n_query, n_entry)
    matched_q = {i for i, _, _ in pairs}
    matched_e = {j for _, j, _ in pairs}
    unmatched_q = tuple(i for i in range(n_query) if i not in matched_q)
    unmatched_e = tuple(j for j in range(n_entry) if j not in matched_e)
    agreed = total = evidence = 0.0
    for i, j, s in pairs:
        both = query_bits[i] + entry_bits[j]
        agreed += s * both
        total += both
        evidence += s * min(query_bits[i], entry_bits[j])
    total += sum(query_bits[i] * query_roles[i] for i in unmatched_q)
    total += sum(entry_bits[j] * entry_roles[j] for j in unmatched_e)
    dice = agreed / total if total else 0.0
    strength = dice * min(1.0, evidence / required_bits) ** EVIDENCE_EXPONENT
    return Alignment(tuple(pairs), unmatched_q, unmatched_e, dice, evidence, strength)


def for_reading(alignment: Alignment, variant: int) -> Alignment:
    """The alignment as it counts for reading `variant` of the entry's name (1: split)."""
    if variant == 0:
        return alignment
    return replace(alignment, strength=alignment.strength * SPLIT_READING_FACTOR)


def combine(strength: float, fields: Sequence[FieldEvidence]) -> float:
    """The final score: name strength moved by the fields, confirmations scaled to the name.

    >>> combine(0.9, [FieldEvidence("sex", "M", "F", "different", -0.1)])
    0.8
    """
    scale = min(1.0, strength / _CONFIRMATION_FLOOR)
    gained = sum(f.effect for f in fields if f.effect > 0) * scale
    lost = sum(f.effect for f in fields if f.effect < 0)
    return round(max(0.0, min(1.0, strength + gained + lost)), 4)


def explain_name(
    query_name: str,
    query: Sequence[Token],
    entry_name: str,
    entry: Sequence[Token],
    alignment: Alignment,
    query_bits: Sequence[float],
    required_bits: float,
) -> dict[str, Any]:
    """The name part of an explanation: aligned tokens with their similarity and weight."""
    order = [j for _, j, _ in sorted(alignment.pairs)]
    return {
        "query_name": query_name,
        "entry_name": entry_name,
        "score": round(alignment.dice, 3),
        "strength": round(alignment.strength, 3),
        "evidence_bits": round(alignment.evidence_bits, 1),
        "required_bits": round(required_bits, 1),
        "aligned": [
            {
                "query": query[i].text,
                "entry": entry[j].text,
                "similarity": round(s, 3),
                "weight": round(query_bits[i], 1),
            }
            for i, j, s in sorted(alignment.pairs)
        ],
        "unmatched_query": [query[i].text for i in alignment.unmatched_query],
        "unmatched_entry": [entry[j].text for j in alignment.unmatched_entry],
        "order_changed": order != sorted(order),
    }
