"""Current-stay columns and overstay days for generated travellers, as the services set them.

The crossing services keep `Traveller.is_present`, `stay_entry_date`, `stay_last_allowed_day`
and each exit's `overstay_days` up to date one crossing at a time (`hudud.border.services`).
Bulk-inserted history bypasses them, so the same evaluation is replayed here in memory with
`hudud.core.stay`: after each entry (the stay as known on its day) and before each exit (the
stay still open on the exit day), over the same window of history `hudud.border.stays` reads.
A test compares the result with `hudud.border.stays.stay_status` on the stored data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from hudud.core import stay as core_stay
from hudud.demo.generate import GenCrossing, GenTraveller

# The lookback of `hudud.border.stays`: crossings this far back are loaded, plus the last
# entry before them when it opened a stay that reaches into the window.
LOOKBACK_DAYS = 400

Move = tuple[date, str]


def policy_lookup(rules: Mapping[str, dict[str, Any]]) -> Callable[[str], core_stay.Policy]:
    """Policy per nationality from the StayRule table's rows ({nationality: policy}), with the
    "*" rule as default, exactly as `hudud.border.stays` picks it."""
    cache: dict[str, core_stay.Policy] = {}

    def lookup(nationality: str) -> core_stay.Policy:
        if nationality not in cache:
            cache[nationality] = _policy(rules.get(nationality) or rules.get("*"))
        return cache[nationality]

    return lookup


def _policy(raw: dict[str, Any] | None) -> core_stay.Policy:
    if raw is None or raw.get("kind") == "unlimited":
        return core_stay.Unlimited()
    policy, issues = core_stay.parse_policy(raw)
    if policy is None:
        raise ValueError(f"invalid stay rule {raw}: {issues}")
    return policy


def apply_stays(
    travellers: Iterable[GenTraveller], policy_for: Callable[[str], core_stay.Policy]
) -> None:
    for traveller in travellers:
        apply_stay(traveller, policy_for(traveller.nationality))


def apply_stay(traveller: GenTraveller, policy: core_stay.Policy) -> None:
    moves: list[tuple[Move, GenCrossing]] = [
        ((c.occurred_at.date(), c.kind), c) for c in traveller.crossings if c.kind != "refusal"
    ]
    history = [move for move, _ in moves]
    for index, ((day, kind), crossing) in enumerate(moves):
        if kind == "exit":
            status = evaluate(history[:index], day, policy)
            crossing.overstay_days = status.overstay_days if status.present else 0
    traveller.is_present = False
    traveller.stay_entry_date = traveller.stay_last_allowed_day = None
    if not history or history[-1][1] != "entry":
        return
    day = history[-1][0]
    status = evaluate(history, day, policy)
    traveller.is_present, traveller.stay_entry_date = True, day
    if not status.unlimited:
        # No day allowed at all: the stay is over its limit from the entry day on.
        traveller.stay_last_allowed_day = status.last_allowed_day or day - timedelta(days=1)


def evaluate(history: list[Move], as_of: date, policy: core_stay.Policy) -> core_stay.StayResult:
    crossings = tuple(core_stay.Crossing(d, k) for d, k in consistent(window(history, as_of)))  # type: ignore[arg-type]
    return core_stay.evaluate(
        core_stay.StayRequest(as_of=as_of, policy=policy, crossings=crossings)
    )


def window(history: list[Move], as_of: date) -> list[Move]:
    cutoff = as_of - timedelta(days=LOOKBACK_DAYS)
    recent = [m for m in history if cutoff <= m[0] <= as_of]
    before = [m for m in history if m[0] < cutoff]
    if before and before[-1][1] == "entry":
        recent.insert(0, before[-1])
    return recent


def consistent(history: list[Move]) -> list[Move]:
    """Drop an exit with no entry before it, and an entry another entry follows."""
    kept: list[Move] = []
    for day, kind in history:
        inside = bool(kept) and kept[-1][1] == "entry"
        if kind == "exit" and not inside:
            continue
        if kind == "entry" and inside:
            kept.pop()
        kept.append((day, kind))
    return kept
