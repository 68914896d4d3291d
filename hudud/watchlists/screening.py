"""Screening one traveller at a check: matches, clearances, and the alerts they raise.

A match at or above its list's threshold raises an alert for secondary inspection, unless a
clearance says this document is not that entry. The same person screened again (the lane
re-scans, the bus comes back through) finds the open alert instead of raising a second one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.border import access as border_access
from hudud.border.stays import local_day
from hudud.common.actor import Actor
from hudud.core.screening import Document, Match, Query
from hudud.watchlists.explain import summarise
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Alert, Clearance, Watchlist, WatchlistEntry

CLEAR, HIT, CLEARED = "clear", "hit", "cleared"


@dataclass(frozen=True)
class ScreeningSubject:
    """The traveller as the check sees them (the document read, the record when known)."""

    surname: str
    given_names: str = ""
    name_ar: str = ""
    birth_date: date | None = None
    nationality: str = ""
    sex: str = ""
    document_number: str = ""
    document_issuing_state: str = ""
    traveller_id: uuid.UUID | None = None

    @property
    def key(self) -> str:
        if self.document_number:
            return f"{self.document_issuing_state}:{self.document_number}"
        return f"traveller:{self.traveller_id}"

    def query(self) -> Query:
        document = (
            Document(self.document_number, self.document_issuing_state or None)
            if self.document_number
            else None
        )
        return Query(
            id=self.key,
            name=f"{self.given_names} {self.surname}".strip() or None,
            birth_date=self.birth_date.isoformat() if self.birth_date else None,
            nationality=self.nationality or None,
            sex=self.sex if self.sex in ("M", "F") else None,
            document=document,
            names=(self.name_ar,) if self.name_ar else (),
        )

    def snapshot(self) -> dict[str, Any]:
        return {
            "surname": self.surname,
            "given_names": self.given_names,
            "name_ar": self.name_ar,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "nationality": self.nationality,
            "sex": self.sex,
        }


@dataclass(frozen=True)
class Hit:
    watchlist_code: str
    watchlist_name: str
    action: str
    entry_id: int
    entry_name: str
    score: float
    reason: str  # "name" or "document": what fired
    summary: str
    alert_id: uuid.UUID | None  # None when a clearance suppressed it
    clearance_id: int | None = None

    @property
    def cleared(self) -> bool:
        return self.clearance_id is not None


@dataclass(frozen=True)
class ScreeningOutcome:
    status: str  # clear, hit (an alert is open) or cleared (every hit was suppressed)
    hits: list[Hit] = field(default_factory=list)

    @property
    def alerts(self) -> list[Hit]:
        return [h for h in self.hits if not h.cleared]


def _in_force(entry: WatchlistEntry, today: date) -> bool:
    watchlist = entry.watchlist
    return (
        entry.removed_at is None
        and (entry.expires_on is None or entry.expires_on >= today)
        and watchlist.active
        and (watchlist.valid_from is None or watchlist.valid_from <= today)
        and (watchlist.valid_until is None or watchlist.valid_until >= today)
    )


def _clearances(subject: ScreeningSubject, entries: list[WatchlistEntry], today: date) -> dict:
    if not subject.document_number or not entries:
        return {}
    found = Clearance.objects.filter(
        document_number=subject.document_number,
        document_issuing_state=subject.document_issuing_state,
        entry__in=entries,
        revoked_at__isnull=True,
        expires_on__gte=today,
    )
    hashes = {e.pk: e.content_hash for e in entries}
    # A clearance holds for the entry as it was: a changed entry is looked at again.
    return {c.entry_id: c for c in found if hashes.get(c.entry_id) == c.entry_hash}


def _matched_entries(matches: list[Match], today: date) -> list[tuple[Match, WatchlistEntry]]:
    ids = [int(m.entry_id) for m in matches]
    rows = WatchlistEntry.objects.select_related("watchlist").in_bulk(ids)
    pairs = []
    for match in matches:
        entry = rows.get(int(match.entry_id))
        # The index is refreshed before each screening; this re-check costs nothing and keeps
        # a list switched off a moment ago from raising anything.
        if (
            entry is not None
            and _in_force(entry, today)
            and match.score >= entry.watchlist.threshold
        ):
            pairs.append((match, entry))
    return pairs


def traveller_screen(
    *,
    actor: Actor,
    crossing_point_code: str,
    subject: ScreeningSubject,
    at: datetime | None = None,
) -> ScreeningOutcome:
    """Screen one traveller against every list in force and raise the alerts."""
    crossing_point = border_access.crossing_point_for_line_work(
        officer=actor.officer, code=crossing_point_code
    )
    moment = at or timezone.now()
    today = local_day(moment)
    index = screening_index_cache.index(today=today)
    pairs = _matched_entries(index.screen(subject.query()), today)
    if not pairs:
        return ScreeningOutcome(CLEAR)
    clearances = _clearances(subject, [e for _, e in pairs], today)
    hits: list[Hit] = []
    with transaction.atomic():
        for match, entry in pairs:
            clearance = clearances.get(entry.pk)
            if clearance is not None:
                hits.append(_cleared(actor, crossing_point.code, subject, match, entry, clearance))
            else:
                alert = _alert_raise(actor, crossing_point, subject, match, entry, moment)
                hits.append(_hit(match, entry, alert.pk, None))
    hits.sort(key=lambda h: (h.cleared, -h.score))
    status = HIT if any(not h.cleared for h in hits) else CLEARED
    return ScreeningOutcome(status, hits)


def _hit(
    match: Match, entry: WatchlistEntry, alert_id: uuid.UUID | None, clearance_id: int | None
) -> Hit:
    watchlist: Watchlist = entry.watchlist
    return Hit(
        watchlist_code=watchlist.code,
        watchlist_name=watchlist.name_en,
        action=watchlist.action,
        entry_id=entry.pk,
        entry_name=entry.primary_name,
        score=round(match.score, 4),
        reason=str(match.explanation.get("reason", "name")),
        summary=summarise(match.explanation),
        alert_id=alert_id,
        clearance_id=clearance_id,
    )


def _cleared(
    actor: Actor,
    point_code: str,
    subject: ScreeningSubject,
    match: Match,
    entry: WatchlistEntry,
    clearance: Clearance,
) -> Hit:
    audit_record(
        actor=actor,
        action="clearance.apply",
        object_type="clearance",
        object_id=str(clearance.pk),
        crossing_point_code=point_code,
        details={"entry_id": entry.pk, "score": round(match.score, 4), "subject": subject.key},
    )
    return _hit(match, entry, None, clearance.pk)


def _alert_raise(
    actor: Actor,
    crossing_point: Any,
    subject: ScreeningSubject,
    match: Match,
    entry: WatchlistEntry,
    moment: datetime,
) -> Alert:
    existing = Alert.objects.filter(subject_key=subject.key, entry=entry, status="open").first()
    if existing is None:
        try:
            with transaction.atomic():
                alert = Alert.objects.create(
                    entry=entry,
                    traveller_id=subject.traveller_id,
                    subject_key=subject.key,
                    subject=subject.snapshot(),
                    document_number=subject.document_number,
                    document_issuing_state=subject.document_issuing_state,
                    score=match.score,
                    explanation=match.explanation,
                    crossing_point=crossing_point,
                    raised_by=actor.officer,
                    raised_at=moment,
                    last_seen_at=moment,
                )
        except IntegrityError:
            # Another lane raised it a moment ago: that one stands.
            existing = Alert.objects.get(subject_key=subject.key, entry=entry, status="open")
        else:
            audit_record(
                actor=actor,
                action="alert.raise",
                object_type="alert",
                object_id=str(alert.pk),
                crossing_point_code=crossing_point.code,
                details={
                    "watchlist": entry.watchlist.code,
                    "entry_id": entry.pk,
                    "score": round(match.score, 4),
                    "subject": subject.key,
                },
            )
            return alert
    Alert.objects.filter(pk=existing.pk).update(
        last_seen_at=moment, times_seen=existing.times_seen + 1, score=match.score
    )
    return existing
