"""State changes of watchlists, one function each: they check access, own their transaction and
write their audit event in it.

The import (`watchlist_import`) and the screening of a traveller (`traveller_screen`) live in
their own modules and are re-exported here, so callers find every state change in one place.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.border.stays import local_day
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.watchlists import access, validate
from hudud.watchlists.importing import ImportSummary, watchlist_import
from hudud.watchlists.models import Alert, Clearance, Notification, Watchlist, WatchlistEntry
from hudud.watchlists.records import manual_content_hash, search_text
from hudud.watchlists.screening import ScreeningOutcome, ScreeningSubject, traveller_screen
from hudud.watchlists.sequence import revision_next

__all__ = [
    "ImportSummary",
    "ScreeningOutcome",
    "ScreeningSubject",
    "WatchlistSpec",
    "alert_confirm",
    "alert_dismiss",
    "clearance_grant",
    "clearance_revoke",
    "entry_add",
    "entry_remove",
    "notification_acknowledge",
    "traveller_screen",
    "watchlist_create",
    "watchlist_import",
]

# A clearance lasts a year unless the officer says otherwise, and never more than five: an
# innocent namesake's situation is looked at again from time to time.
CLEARANCE_DEFAULT_DAYS = 365
CLEARANCE_MAX_DAYS = 5 * 366


@dataclass(frozen=True)
class WatchlistSpec:
    code: str
    name_en: str
    name_ar: str
    kind: str
    action: str
    legal_basis: str
    threshold: float
    valid_from: date | None = None
    valid_until: date | None = None
    active: bool = True


def watchlist_create(*, actor: Actor, spec: WatchlistSpec) -> Watchlist:
    """A new list owned by the actor's agency (agency administrators only)."""
    access.ensure_can_create_watchlist(actor.officer)
    validate.watchlist_spec(spec)
    with transaction.atomic():
        if Watchlist.objects.filter(code=spec.code).exists():
            raise ServiceError.one("duplicate", "code", f"a list {spec.code!r} exists", 409)
        watchlist = Watchlist.objects.create(owner=actor.officer.agency, **vars(spec))
        audit_record(
            actor=actor,
            action="watchlist.create",
            object_type="watchlist",
            object_id=watchlist.code,
            details={"kind": spec.kind, "action": spec.action, "threshold": spec.threshold},
        )
    return watchlist


@dataclass(frozen=True)
class EntrySpec:
    """A hand-made entry: names as strings or {"name", "script", "kind", "quality"}."""

    names: tuple[Any, ...] = ()
    birth_dates: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    sex: str = ""
    documents: tuple[dict[str, str], ...] = ()
    listed_on: date | None = None
    expires_on: date | None = None
    source_id: str = ""
    comments: str = ""


def entry_add(*, actor: Actor, watchlist_code: str, spec: EntrySpec) -> WatchlistEntry:
    """Add an entry by hand to a list (agency administrators of the owning agency)."""
    watchlist = access.watchlist_for_change(officer=actor.officer, code=watchlist_code)
    fields = validate.entry_fields(spec)
    source_id = spec.source_id.strip() or f"manual-{uuid.uuid4().hex[:12]}"
    with transaction.atomic():
        if WatchlistEntry.objects.filter(watchlist=watchlist, source_id=source_id).exists():
            raise ServiceError.one("duplicate", "source_id", f"{source_id!r} is on the list", 409)
        entry = WatchlistEntry.objects.create(
            watchlist=watchlist,
            source_id=source_id,
            origin=WatchlistEntry.Origin.MANUAL,
            search_text=search_text(fields["names"]),
            content_hash=manual_content_hash(fields),
            revision=revision_next(),
            details={"comments": spec.comments} if spec.comments else {},
            **fields,
        )
        audit_record(
            actor=actor,
            action="watchlist_entry.add",
            object_type="watchlist_entry",
            object_id=str(entry.pk),
            details={"watchlist": watchlist.code, "source_id": source_id},
        )
    return entry


def entry_remove(
    *, actor: Actor, watchlist_code: str, entry_id: int, reason: str
) -> WatchlistEntry:
    """Take an entry off a list. It is kept (removed_at) so past alerts still show it."""
    watchlist = access.watchlist_for_change(officer=actor.officer, code=watchlist_code)
    reason = validate.reason(reason)
    with transaction.atomic():
        entry = (
            WatchlistEntry.objects.select_for_update()
            .filter(pk=entry_id, watchlist=watchlist)
            .first()
        )
        if entry is None:
            raise ServiceError.one("not_found", "entry_id", "no such entry on this list", 404)
        if entry.removed_at is not None:
            raise ServiceError.one("already_removed", "entry_id", "the entry was removed", 409)
        entry.removed_at = timezone.now()
        entry.revision = revision_next()
        entry.save(update_fields=["removed_at", "revision", "updated_at"])
        audit_record(
            actor=actor,
            action="watchlist_entry.remove",
            object_type="watchlist_entry",
            object_id=str(entry.pk),
            reason=reason,
            details={"watchlist": watchlist.code, "source_id": entry.source_id},
        )
    return entry


def _decide(alert: Alert, actor: Actor, status: str, reason: str) -> None:
    if alert.status != Alert.Status.OPEN:
        raise ServiceError.one(
            "already_decided", "alert_id", f"the alert was {alert.status} already", 409
        )
    alert.status = status
    alert.decided_by = actor.officer
    alert.decided_at = timezone.now()
    alert.decision_reason = reason
    alert.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])


def alert_confirm(*, actor: Actor, alert_id: str, reason: str) -> Alert:
    """The traveller is the listed person: close the alert and notify the owning agency."""
    reason = validate.reason(reason)
    with transaction.atomic():
        alert = access.alert_for_decision(officer=actor.officer, alert_id=alert_id)
        _decide(alert, actor, Alert.Status.CONFIRMED, reason)
        watchlist = alert.entry.watchlist
        notification = Notification.objects.create(
            alert=alert, agency=watchlist.owner, watchlist=watchlist, created_at=timezone.now()
        )
        audit_record(
            actor=actor,
            action="alert.confirm",
            object_type="alert",
            object_id=str(alert.pk),
            crossing_point_code=alert.crossing_point.code,
            reason=reason,
            details={
                "watchlist": watchlist.code,
                "entry_id": alert.entry_id,
                "notified_agency": watchlist.owner.code,
                "notification_id": notification.pk,
            },
        )
    return alert


@dataclass(frozen=True)
class Dismissed:
    alert: Alert
    clearance: Clearance | None


def alert_dismiss(
    *,
    actor: Actor,
    alert_id: str,
    reason: str,
    grant_clearance: bool = False,
    clearance_expires_on: date | None = None,
) -> Dismissed:
    """The traveller is not the listed person. With `grant_clearance`, the same document is
    not stopped again for this entry until the clearance expires."""
    reason = validate.reason(reason)
    with transaction.atomic():
        alert = access.alert_for_decision(officer=actor.officer, alert_id=alert_id)
        _decide(alert, actor, Alert.Status.DISMISSED, reason)
        audit_record(
            actor=actor,
            action="alert.dismiss",
            object_type="alert",
            object_id=str(alert.pk),
            crossing_point_code=alert.crossing_point.code,
            reason=reason,
            details={"entry_id": alert.entry_id, "grant_clearance": grant_clearance},
        )
        clearance = (
            _clearance_create(actor, alert, reason, clearance_expires_on)
            if grant_clearance
            else None
        )
    return Dismissed(alert, clearance)


def clearance_grant(
    *, actor: Actor, alert_id: str, reason: str, expires_on: date | None = None
) -> Clearance:
    """Clear the document of a dismissed alert for that alert's entry."""
    reason = validate.reason(reason)
    with transaction.atomic():
        alert = access.alert_for_decision(officer=actor.officer, alert_id=alert_id)
        if alert.status != Alert.Status.DISMISSED:
            raise ServiceError.one(
                "not_dismissed", "alert_id", "only a dismissed alert's traveller is cleared", 409
            )
        return _clearance_create(actor, alert, reason, expires_on)


def _clearance_expiry(expires_on: date | None) -> date:
    today = local_day(timezone.now())
    if expires_on is None:
        return today + timedelta(days=CLEARANCE_DEFAULT_DAYS)
    if not today < expires_on <= today + timedelta(days=CLEARANCE_MAX_DAYS):
        raise ServiceError.one(
            "invalid_value",
            "clearance_expires_on",
            f"must be after today and at most {CLEARANCE_MAX_DAYS} days ahead",
        )
    return expires_on


def _clearance_create(
    actor: Actor, alert: Alert, reason: str, expires_on: date | None
) -> Clearance:
    access.ensure_can_grant_clearance(actor.officer)
    if not alert.document_number:
        raise ServiceError.one(
            "no_document", "alert_id", "a clearance needs the traveller's document number"
        )
    clearance = Clearance.objects.create(
        entry=alert.entry,
        entry_hash=alert.entry.content_hash,
        document_number=alert.document_number,
        document_issuing_state=alert.document_issuing_state,
        traveller=alert.traveller,
        alert=alert,
        granted_by=actor.officer,
        granted_at=timezone.now(),
        reason=reason,
        expires_on=_clearance_expiry(expires_on),
    )
    audit_record(
        actor=actor,
        action="clearance.grant",
        object_type="clearance",
        object_id=str(clearance.pk),
        crossing_point_code=alert.crossing_point.code,
        reason=reason,
        details={
            "alert_id": str(alert.pk),
            "entry_id": alert.entry_id,
            "document": f"{clearance.document_issuing_state} {clearance.document_number}",
            "expires_on": clearance.expires_on.isoformat(),
        },
    )
    return clearance


def clearance_revoke(*, actor: Actor, clearance_id: int, reason: str) -> Clearance:
    """End a clearance now: the next check of that document raises the hit again."""
    reason = validate.reason(reason)
    with transaction.atomic():
        clearance = access.clearance_for_revoke(officer=actor.officer, clearance_id=clearance_id)
        if clearance.revoked_at is not None:
            raise ServiceError.one("already_revoked", "clearance_id", "revoked already", 409)
        clearance.revoked_at = timezone.now()
        clearance.revoked_by = actor.officer
        clearance.revoke_reason = reason
        clearance.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
        audit_record(
            actor=actor,
            action="clearance.revoke",
            object_type="clearance",
            object_id=str(clearance.pk),
            reason=reason,
            details={"entry_id": clearance.entry_id},
        )
    return clearance


def notification_acknowledge(*, actor: Actor, notification_id: int) -> Notification:
    """The owning agency has taken note of a confirmed hit."""
    with transaction.atomic():
        notification = (
            access.notifications_visible(actor.officer)
            .select_for_update()
            .filter(pk=notification_id, agency=actor.officer.agency)
            .first()
        )
        if notification is None:
            raise ServiceError.one("not_found", "notification_id", "no such notification", 404)
        if notification.acknowledged_at is None:
            notification.acknowledged_at = timezone.now()
            notification.acknowledged_by = actor.officer
            notification.save(update_fields=["acknowledged_at", "acknowledged_by"])
            audit_record(
                actor=actor,
                action="notification.acknowledge",
                object_type="notification",
                object_id=str(notification.pk),
                details={"alert_id": str(notification.alert_id)},
            )
    return notification
