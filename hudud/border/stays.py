"""A traveller's stay, evaluated by `hudud.core.stay` from the crossings Hudud holds.

Which rule applies: a residence permit's term is exempt from counting; a visa (or visa on
arrival) valid on the day of the current entry gives a per-entry stay; otherwise the
nationality's stay rule (reference configuration), or the default rule "*".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from hudud.border.models import Crossing, Permit, StayRule, Traveller
from hudud.common.errors import Problem
from hudud.core import stay as core_stay

# Crossings this far before the counting window are loaded too, so a stay that began before
# the window but reaches into it is counted from its true entry.
_DEFAULT_LOOKBACK_DAYS = 400


@dataclass(frozen=True)
class StayStatus:
    policy: dict[str, Any]
    present: bool
    entry_date: date | None
    days_used: int
    last_allowed_day: date | None
    remaining_days: int | None
    overstay_days: int
    unlimited: bool
    warnings: list[Problem] = field(default_factory=list)


def policy_as_dict(policy: core_stay.Policy) -> dict[str, Any]:
    if isinstance(policy, core_stay.Unlimited):
        return {"kind": "unlimited"}
    if isinstance(policy, core_stay.Rolling):
        return {"kind": "rolling", "max_days": policy.max_days, "window_days": policy.window_days}
    return {
        "kind": "per_entry",
        "max_days": policy.max_days,
        "valid_from": policy.valid_from.isoformat() if policy.valid_from else None,
        "valid_until": policy.valid_until.isoformat() if policy.valid_until else None,
    }


def _rule_policy(nationality: str) -> core_stay.Policy:
    rules = {r.nationality: r for r in StayRule.objects.filter(nationality__in=[nationality, "*"])}
    rule = rules.get(nationality) or rules.get("*")
    if rule is None:
        return core_stay.Unlimited()
    policy, issues = rule.read_policy()
    if policy is None:
        # StayRule.clean() validates every rule saved through the admin, so this is a rule
        # written around it: fail loudly rather than guess a stay.
        raise ValueError(f"stay rule for {nationality} is invalid: {issues}")
    return policy


def _visa_policy(permits: Sequence[Permit], entry_day: date) -> core_stay.Policy | None:
    for permit in permits:
        if permit.kind == Permit.Kind.RESIDENCE or permit.max_stay_days is None:
            continue
        if permit.valid_from <= entry_day <= permit.valid_until:
            return core_stay.PerEntry(
                max_days=permit.max_stay_days,
                valid_from=permit.valid_from,
                valid_until=permit.valid_until,
            )
    return None


def local_day(moment: Any) -> date:
    return timezone.localtime(moment).date()


def _history(traveller: Traveller, as_of: date, lookback_days: int) -> list[tuple[date, str]]:
    cutoff = as_of - timedelta(days=lookback_days)
    moves = Crossing.objects.filter(traveller=traveller, kind__in=["entry", "exit"])
    recent = list(
        moves.filter(occurred_at__date__gte=cutoff, occurred_at__date__lte=as_of)
        .order_by("occurred_at")
        .values_list("occurred_at", "kind")
    )
    before = moves.filter(occurred_at__date__lt=cutoff).order_by("-occurred_at").first()
    if before is not None and before.kind == "entry":
        recent.insert(0, (before.occurred_at, "entry"))
    return [(local_day(at), kind) for at, kind in recent]


def _consistent(history: list[tuple[date, str]]) -> tuple[list[tuple[date, str]], list[Problem]]:
    """Drop what cannot be a stay: an exit with no entry before it, or an entry that another
    entry follows (its exit was never recorded). Each is reported, never silently used."""
    kept: list[tuple[date, str]] = []
    warnings: list[Problem] = []
    for day, kind in history:
        inside = bool(kept) and kept[-1][1] == "entry"
        if kind == "exit" and not inside:
            warnings.append(
                Problem("exit_without_entry", "stay", f"exit on {day} has no recorded entry")
            )
            continue
        if kind == "entry" and inside:
            earlier = kept.pop()
            warnings.append(
                Problem("entry_without_exit", "stay", f"entry on {earlier[0]} has no recorded exit")
            )
        kept.append((day, kind))
    return kept, warnings


def stay_status(
    *,
    traveller: Traveller | None,
    as_of: date,
    nationality: str | None = None,
    assume_entry_on: date | None = None,
) -> StayStatus:
    """The traveller's stay as known on `as_of`.

    `traveller` None is a person Hudud has never seen (their `nationality` picks the rule);
    `assume_entry_on` evaluates "if they entered now" for a traveller at the entry lane.
    """
    raw_history = _history(traveller, as_of, _DEFAULT_LOOKBACK_DAYS) if traveller else []
    if assume_entry_on is not None and raw_history and raw_history[-1][1] == "entry":
        # An earlier entry still open is then reported as missing its exit, as it will be
        # once this entry is stored. (A traveller outside needs no assumed entry: the core
        # answers "the last day if they entered on as_of" for them.)
        raw_history.append((assume_entry_on, "entry"))
    history, warnings = _consistent(raw_history)
    current_entry = history[-1][0] if history and history[-1][1] == "entry" else None
    # A projection for someone at the entry lane: not inside yet, nothing overstayed yet.
    assumed = assume_entry_on is not None
    permits = (
        list(Permit.objects.filter(traveller=traveller, revoked_at__isnull=True))
        if traveller is not None
        else []
    )
    exempt = tuple(
        core_stay.Period(p.valid_from, p.valid_until)
        for p in permits
        if p.kind == Permit.Kind.RESIDENCE
    )
    nationality = traveller.nationality if traveller is not None else (nationality or "")
    policy = _visa_policy(permits, current_entry or as_of) or _rule_policy(nationality)
    request = core_stay.StayRequest(
        as_of=as_of,
        policy=policy,
        crossings=tuple(core_stay.Crossing(day, kind) for day, kind in history),  # type: ignore[arg-type]
        exempt=exempt,
    )
    result = core_stay.evaluate(request)
    return StayStatus(
        policy=policy_as_dict(policy),
        # "present" means inside now: not on the day of an exit already recorded (the core
        # counts that day as present) nor at the lane before the assumed entry.
        present=result.present and current_entry is not None and not assumed,
        entry_date=current_entry,
        days_used=result.days_used,
        last_allowed_day=result.last_allowed_day,
        remaining_days=None if result.unlimited else result.remaining_days,
        overstay_days=0 if assumed else result.overstay_days,
        unlimited=result.unlimited,
        warnings=warnings,
    )
