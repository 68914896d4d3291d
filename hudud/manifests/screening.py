"""Pre-arrival screening: a whole manifest against every watchlist in force, in one batch.

The travellers go to the process's screening index (`watchlists.index_cache`) in one
`screen_many` call; the entries that matched are then read in one query and the clearances of
the flight's documents in another, so a 500-traveller list costs the same few queries as one
traveller. The rules are those of the primary-line screening (`watchlists.screening`): a match
counts at or above its list's threshold, on an entry still in force, and a clearance for the
document and the entry as it stands suppresses it.

Nothing is raised for secondary inspection here: a pre-arrival hit is kept on the manifest
record of the arrival airport and shown on the flight board; the alert comes when the
traveller is checked at the primary line, where the same screening runs again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from hudud.core import paxlst
from hudud.core.screening import Match
from hudud.watchlists.explain import summarise
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Clearance, Watchlist, WatchlistEntry
from hudud.watchlists.screening import ScreeningSubject

CLEAR, HIT, CLEARED = "clear", "hit", "cleared"
# Lists whose hit means the person may not enter: the carrier is told not to board them.
DENYING_KINDS = frozenset({Watchlist.Kind.ENTRY_BAN})
DENYING_ACTIONS = frozenset({Watchlist.Action.REFUSE_ENTRY})


@dataclass(frozen=True)
class Outcome:
    """One traveller's screening: `status` clear, hit or cleared, and the hits as stored."""

    status: str
    hits: list[dict[str, Any]]

    @property
    def denying(self) -> bool:
        return any(h["denies"] and not h["cleared"] for h in self.hits)


def travel_document(traveller: paxlst.Traveller) -> paxlst.Document | None:
    """The document a traveller will show at the primary line: the first that is not a visa."""
    numbered = [d for d in traveller.documents if d.number]
    return next((d for d in numbered if d.type != "V"), numbered[0] if numbered else None)


def subject_of(traveller: paxlst.Traveller) -> ScreeningSubject:
    document = travel_document(traveller)
    return ScreeningSubject(
        surname=traveller.surname or "",
        given_names=traveller.given_names or "",
        birth_date=traveller.birth_date,
        nationality=traveller.nationality or "",
        sex=traveller.sex or "",
        document_number=document.number or "" if document else "",
        document_issuing_state=document.issuing_state or "" if document else "",
    )


def travellers_screen(subjects: Sequence[ScreeningSubject], *, today: date) -> list[Outcome]:
    """Screen every subject against every list in force: one outcome per subject, in order."""
    if not subjects:
        return []
    index = screening_index_cache.index(today=today)
    matches = index.screen_many([s.query() for s in subjects])
    entries = _entries_in_force([m for found in matches for m in found], today)
    cleared = _clearances(subjects, list(entries.values()), today)
    outcomes = []
    for subject, found in zip(subjects, matches, strict=True):
        hits = [
            _hit(match, entries[match.entry_id], cleared.get(_clearance_key(subject, entry_id)))
            for match in found
            if (entry_id := match.entry_id) in entries
            and match.score >= entries[entry_id].watchlist.threshold
        ]
        hits.sort(key=lambda h: (h["cleared"], -h["score"]))
        outcomes.append(Outcome(_status(hits), hits))
    return outcomes


def _status(hits: list[dict[str, Any]]) -> str:
    if not hits:
        return CLEAR
    return HIT if any(not h["cleared"] for h in hits) else CLEARED


def _entries_in_force(matches: list[Match], today: date) -> dict[str, WatchlistEntry]:
    ids = {int(m.entry_id) for m in matches}
    if not ids:
        return {}
    rows = WatchlistEntry.objects.select_related("watchlist").in_bulk(ids)
    return {str(pk): row for pk, row in rows.items() if _in_force(row, today)}


def _in_force(entry: WatchlistEntry, today: date) -> bool:
    # The index is refreshed before each screening; this re-check keeps a list switched off a
    # moment ago from counting.
    watchlist = entry.watchlist
    return (
        entry.removed_at is None
        and (entry.expires_on is None or entry.expires_on >= today)
        and watchlist.active
        and (watchlist.valid_from is None or watchlist.valid_from <= today)
        and (watchlist.valid_until is None or watchlist.valid_until >= today)
    )


def _clearance_key(subject: ScreeningSubject, entry_id: str) -> tuple[str, str, str]:
    return (subject.document_issuing_state, subject.document_number, entry_id)


def _clearances(
    subjects: Sequence[ScreeningSubject], entries: list[WatchlistEntry], today: date
) -> dict[tuple[str, str, str], Clearance]:
    numbers = {s.document_number for s in subjects if s.document_number}
    if not numbers or not entries:
        return {}
    hashes = {e.pk: e.content_hash for e in entries}
    found = Clearance.objects.filter(
        document_number__in=numbers,
        entry__in=entries,
        revoked_at__isnull=True,
        expires_on__gte=today,
    )
    # A clearance holds for the entry as it was: a changed entry is looked at again.
    return {
        (c.document_issuing_state, c.document_number, str(c.entry_id)): c
        for c in found
        if hashes.get(c.entry_id) == c.entry_hash
    }


def _hit(match: Match, entry: WatchlistEntry, clearance: Clearance | None) -> dict[str, Any]:
    watchlist = entry.watchlist
    return {
        "watchlist": watchlist.code,
        "watchlist_name": watchlist.name_en,
        "kind": watchlist.kind,
        "action": watchlist.action,
        "denies": watchlist.kind in DENYING_KINDS or watchlist.action in DENYING_ACTIONS,
        "entry_id": entry.pk,
        "entry_name": entry.primary_name,
        "score": round(match.score, 4),
        "reason": str(match.explanation.get("reason", "name")),
        "summary": summarise(match.explanation),
        "cleared": clearance is not None,
        "clearance_id": clearance.pk if clearance is not None else None,
    }
