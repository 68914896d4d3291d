"""The primary-line card: the check's result arranged for one glance and one keystroke.

Everything here is presentation of what `border.checks.crossing_check` decided: the reasons
are said in the officer's language, and the action the cue points to becomes the default
(Enter). The officer still decides; every other action is one key away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hudud.border.checks import CheckResult, Reason
from hudud.border.models import Crossing
from hudud.watchlists.models import Watchlist
from hudud.web import labels
from hudud.web.problems import ShownProblem, shown
from hudud.web.templatetags.hudud_web import day, digits, fine, local_name

# An Iraqi whose last crossing was an exit this long ago is offered a Migrant Resource Centre
# referral on return (journey 4).
RETURNEE_ABSENCE = timedelta(days=365)


@dataclass(frozen=True)
class ReasonLine:
    severity: str
    text: str
    suggests: str
    fine: str = ""  # beside an overstay: what the fee schedule says it costs


@dataclass(frozen=True)
class Suggestion:
    """The default action: entry, exit, refuse (with a code), secondary or correct."""

    action: str
    refusal_reason: str = ""


@dataclass(frozen=True)
class HitLine:
    list_name: str
    action: str
    score: float
    entry_name: str
    summary: str
    cleared: bool


@dataclass
class Card:
    result: CheckResult
    today: date
    hits: list[HitLine] = field(default_factory=list)
    reasons: list[ReasonLine] = field(default_factory=list)
    problems: list[ShownProblem] = field(default_factory=list)
    suggestion: Suggestion = Suggestion("entry")
    returnee: bool = False

    @property
    def cue(self) -> str:
        return self.result.cue

    @property
    def expired(self) -> bool:
        expiry = self.result.document.expiry_date
        return expiry is not None and expiry < self.today

    @property
    def days_to_expiry(self) -> int | None:
        expiry = self.result.document.expiry_date
        return (expiry - self.today).days if expiry else None

    @property
    def stay_rule(self) -> str:
        """The rule the stay was counted under, in words ("30 days per entry")."""
        stay = self.result.stay
        policy = stay.policy if stay else {}
        days = digits(str(policy.get("max_days", "")))
        if policy.get("kind") == "rolling":
            window = digits(str(policy.get("window_days", "")))
            return _("%(days)s days in any %(window)s") % {"days": days, "window": window}
        if policy.get("kind") == "per_entry":
            return _("%(days)s days per entry") % {"days": days}
        return ""

    @property
    def hit_holds_traveller(self) -> bool:
        """An open possible match whose list does more than monitor: secondary inspection
        decides before anyone records the crossing (the line only refers)."""
        outcome = self.result.watchlist
        return any(h.action != "monitor" for h in outcome.alerts) if outcome else False

    @property
    def open_alert_ids(self) -> list[str]:
        outcome = self.result.watchlist
        return [str(h.alert_id) for h in outcome.alerts if h.alert_id] if outcome else []


def hit_lines(result: CheckResult, lists: dict[str, Watchlist]) -> list[HitLine]:
    """Every hit (open alerts first, then cleared ones), its list named in the officer's script."""
    outcome = result.watchlist
    return [
        HitLine(
            list_name=local_name(lists[h.watchlist_code])
            if h.watchlist_code in lists
            else h.watchlist_name,
            action=h.action,
            score=h.score,
            entry_name=h.entry_name,
            summary=h.summary,
            cleared=h.cleared,
        )
        for h in (outcome.hits if outcome else [])
    ]


def _hit_text(hits: list[HitLine], index: int) -> str:
    open_hits = [h for h in hits if not h.cleared]
    if index >= len(open_hits):
        return _("possible watchlist match: refer to secondary inspection")
    hit = open_hits[index]
    return _(
        "possible match on %(list)s (score %(score)s, action: %(action)s): "
        "refer to secondary inspection"
    ) % {
        "list": hit.list_name,
        "score": digits(f"{hit.score:.2f}"),
        "action": labels.label(labels.WATCHLIST_ACTIONS, hit.action),
    }


def _refusal_text(refusal: Crossing) -> str:
    return _("refused entry at %(point)s on %(day)s (reasons %(codes)s)") % {
        "point": local_name(refusal.crossing_point),
        "day": day(refusal.occurred_at),
        "codes": refusal.refusal_reasons,
    }


def _stay_warning_text(code: str, message: str) -> str:
    texts = {
        "exit_without_entry": _("an exit on record has no entry before it"),
        "entry_without_exit": _("an entry on record has no exit after it"),
    }
    return texts.get(code, message)


@dataclass
class _Said:
    """What has been said so far while walking the reasons (the n-th hit, refusal, problem)."""

    hits: list[HitLine]
    problems: list[ShownProblem]
    problem_codes: set[str]
    counters: dict[str, int] = field(
        default_factory=lambda: {"watchlist_hit": 0, "earlier_refusal": 0, "problem": 0}
    )

    def next_index(self, kind: str) -> int:
        self.counters[kind] += 1
        return self.counters[kind] - 1


def reason_lines(
    result: CheckResult, problems: list[ShownProblem], hits: list[HitLine]
) -> list[ReasonLine]:
    """Every reason behind the cue, in the order the check gave them, translated."""
    said = _Said(hits, problems, {p.code for p in result.document.errors})
    fine_line = fine(result.fine_due)
    return [
        ReasonLine(
            reason.severity,
            _reason_text(result, reason, said),
            reason.suggests,
            fine_line if reason.code == "overstay" else "",
        )
        for reason in result.reasons
    ]


def _reason_text(result: CheckResult, reason: Reason, said: _Said) -> str:
    code = reason.code
    if code == "watchlist_hit":
        return _hit_text(said.hits, said.next_index(code))
    if code == "earlier_refusal":
        index = said.next_index(code)
        return _refusal_text(result.refusals[index]) if index < len(result.refusals) else code
    if code in said.problem_codes:
        index = said.next_index("problem")
        return said.problems[index].text if index < len(said.problems) else reason.message
    return _simple_reason_text(result, reason)


def _simple_reason_text(result: CheckResult, reason: Reason) -> str:
    stay = result.stay
    if reason.code == "document_expired":
        return _("the document expired on %(day)s") % {"day": day(result.document.expiry_date)}
    if reason.code == "expiry_unknown":
        return _("the document's expiry date is unknown")
    if reason.code == "stay_used":
        return _("the authorised stay is already used")
    if reason.code == "overstay" and stay is not None:
        days = stay.overstay_days
        return ngettext("overstayed by %(days)s day", "overstayed by %(days)s days", days) % {
            "days": digits(str(days))
        }
    for warning in stay.warnings if stay else []:
        if warning.code == reason.code:
            return _stay_warning_text(warning.code, warning.message)
    return reason.message


def suggestion_for(result: CheckResult) -> Suggestion:
    """The action the cue points to; the officer's Enter key."""
    if result.watchlist is not None and result.watchlist.alerts:
        return Suggestion("secondary")
    if result.document.errors:
        return Suggestion("correct")
    if result.direction == "exit":
        return Suggestion("exit")
    for reason in result.reasons:
        if reason.severity == "red" and reason.suggests:
            return Suggestion("refuse", reason.suggests)
    return Suggestion("entry")


def _is_returnee(result: CheckResult) -> bool:
    if result.direction != "entry" or result.document.nationality != "IRQ":
        return False
    last = result.recent_crossings[0] if result.recent_crossings else None
    return (
        last is not None
        and last.kind == Crossing.Kind.EXIT
        and result.checked_at - last.occurred_at >= RETURNEE_ABSENCE
    )


def card_build(result: CheckResult, today: date, lists: dict[str, Watchlist]) -> Card:
    """The card for `result`; `lists` names the hits' lists (by code) in both scripts."""
    problems = [shown(p) for p in result.document.errors]
    hits = hit_lines(result, lists)
    return Card(
        result=result,
        today=today,
        hits=hits,
        reasons=reason_lines(result, problems, hits),
        problems=problems,
        suggestion=suggestion_for(result),
        returnee=_is_returnee(result),
    )
