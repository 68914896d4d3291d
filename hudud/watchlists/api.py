"""Watchlist and alert endpoints of the JSON API: thin adapters over services and selectors."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import File, Form, Router
from ninja.files import UploadedFile
from ninja.responses import Status

from hudud.agencies.mandates import reveal
from hudud.agencies.models import Officer
from hudud.border.schemas import ErrorsOut
from hudud.border.stays import local_day
from hudud.common.api import actor_of
from hudud.common.errors import ServiceError
from hudud.watchlists import selectors, services
from hudud.watchlists.explain import explanation_for, subject_for, summarise
from hudud.watchlists.models import Alert, Clearance, Notification, Watchlist, WatchlistEntry
from hudud.watchlists.schemas import (
    AlertDetailOut,
    AlertSummaryOut,
    ClearanceIn,
    ClearanceOut,
    DismissIn,
    DismissOut,
    EntryIn,
    EntryOut,
    FileFormat,
    ImportIn,
    ImportOut,
    NotificationOut,
    ReasonIn,
    WatchlistIn,
    WatchlistSummaryOut,
)

router = Router(tags=["watchlists"])
ERRORS = {400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut,
          422: ErrorsOut}  # fmt: skip


def _watchlist(w: Watchlist, entries_in_force: int | None = None) -> dict[str, Any]:
    return {
        "code": w.code,
        "name_en": w.name_en,
        "name_ar": w.name_ar,
        "kind": w.kind,
        "action": w.action,
        "owner": w.owner.code,
        "owner_name": w.owner.name_en,
        "legal_basis": w.legal_basis,
        "threshold": w.threshold,
        "valid_from": w.valid_from,
        "valid_until": w.valid_until,
        "active": w.active,
        "entries_in_force": getattr(w, "entries_in_force", entries_in_force or 0),
    }


def _entry(e: WatchlistEntry) -> dict[str, Any]:
    return {
        "id": e.pk,
        "watchlist": e.watchlist.code,
        "source_id": e.source_id,
        "origin": e.origin,
        "names": e.names,
        "birth_dates": e.birth_dates,
        "nationalities": e.nationalities,
        "sex": e.sex,
        "documents": e.documents,
        "listed_on": e.listed_on,
        "expires_on": e.expires_on,
        "removed_at": e.removed_at,
        "details": e.details,
    }


def _alert(a: Alert, officer: Officer) -> dict[str, Any]:
    """An alert, the traveller's birth date and document number as `officer` may see them
    (list owners' analysts and administrators: masked)."""
    watchlist = a.entry.watchlist
    explanation = explanation_for(officer, a.explanation)
    return {
        "id": a.pk,
        "status": a.status,
        "crossing_point": a.crossing_point.code,
        "raised_at": a.raised_at,
        "last_seen_at": a.last_seen_at,
        "times_seen": a.times_seen,
        "score": round(a.score, 4),
        "watchlist": watchlist.code,
        "watchlist_name": watchlist.name_en,
        "action": watchlist.action,
        "entry_id": a.entry_id,
        "entry_name": a.entry.primary_name,
        "subject": subject_for(officer, a.subject),
        "document_number": reveal(officer, "document_number", a.document_number),
        "document_issuing_state": a.document_issuing_state,
        "summary": summarise(explanation),
    }


def _username(officer: Any) -> str | None:
    return officer.user.get_username() if officer is not None else None


def _clearance(c: Clearance, officer: Officer) -> dict[str, Any]:
    return {
        "id": c.pk,
        "entry_id": c.entry_id,
        "watchlist": c.entry.watchlist.code,
        "document_number": reveal(officer, "document_number", c.document_number),
        "document_issuing_state": c.document_issuing_state,
        "traveller_id": c.traveller_id,
        "alert_id": c.alert_id,
        "granted_by": _username(c.granted_by),
        "granted_at": c.granted_at,
        "reason": c.reason,
        "expires_on": c.expires_on,
        "revoked_at": c.revoked_at,
        "revoke_reason": c.revoke_reason,
    }


def _notification(n: Notification, officer: Officer) -> dict[str, Any]:
    return {
        "id": n.pk,
        "agency": n.agency.code,
        "watchlist": n.watchlist.code,
        "created_at": n.created_at,
        "acknowledged_at": n.acknowledged_at,
        "alert": _alert(n.alert, officer),
    }


@router.get(
    "/watchlists", response={200: list[WatchlistSummaryOut], **ERRORS}, summary="Watchlists"
)
def watchlists(request: HttpRequest) -> list[dict[str, Any]]:
    return [_watchlist(w) for w in selectors.watchlists_list(actor=actor_of(request))]


@router.post(
    "/watchlists", response={201: WatchlistSummaryOut, **ERRORS}, summary="Create a watchlist"
)
def watchlist_create(request: HttpRequest, payload: WatchlistIn) -> Status[dict[str, Any]]:
    """A new list owned by your agency (agency administrators)."""
    spec = services.WatchlistSpec(**payload.dict())
    return Status(201, _watchlist(services.watchlist_create(actor=actor_of(request), spec=spec)))


@router.get(
    "/watchlists/entries", response={200: list[EntryOut], **ERRORS}, summary="Search entries"
)
def entries_search(
    request: HttpRequest, q: str, watchlist: str = "", limit: int = 50
) -> list[dict[str, Any]]:
    """Entries in force whose names contain `q` (case-insensitive). Audited."""
    rows = selectors.entries_search(
        actor=actor_of(request), text=q.strip(), watchlist_code=watchlist, limit=limit
    )
    return [_entry(e) for e in rows]


@router.get(
    "/watchlists/clearances", response={200: list[ClearanceOut], **ERRORS}, summary="Clearances"
)
def clearances(
    request: HttpRequest,
    document_number: str = "",
    issuing_state: str = "",
    in_force: bool = False,
) -> list[dict[str, Any]]:
    actor = actor_of(request)
    rows = selectors.clearances_list(
        actor=actor,
        document_number=document_number,
        issuing_state=issuing_state,
        in_force_on=local_day(timezone.now()) if in_force else None,
    )
    return [_clearance(c, actor.officer) for c in rows]


@router.post(
    "/watchlists/clearances/{clearance_id}/revoke",
    response={200: ClearanceOut, **ERRORS},
    summary="Revoke a clearance",
)
def clearance_revoke(request: HttpRequest, clearance_id: int, payload: ReasonIn) -> dict[str, Any]:
    actor = actor_of(request)
    clearance = services.clearance_revoke(
        actor=actor, clearance_id=clearance_id, reason=payload.reason
    )
    return _clearance(clearance, actor.officer)


@router.get(
    "/watchlists/notifications",
    response={200: list[NotificationOut], **ERRORS},
    summary="Confirmed hits on your agency's lists",
)
def notifications(request: HttpRequest, unacknowledged: bool = False) -> list[dict[str, Any]]:
    actor = actor_of(request)
    rows = selectors.notifications_list(actor=actor, unacknowledged_only=unacknowledged)
    return [_notification(n, actor.officer) for n in rows]


@router.post(
    "/watchlists/notifications/{notification_id}/acknowledge",
    response={200: NotificationOut, **ERRORS},
    summary="Acknowledge a notification",
)
def notification_acknowledge(request: HttpRequest, notification_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    notification = services.notification_acknowledge(actor=actor, notification_id=notification_id)
    return _notification(notification, actor.officer)


def _import(request: HttpRequest, code: str, **kwargs: Any) -> Status[dict[str, Any]]:
    summary = services.watchlist_import(actor=actor_of(request), watchlist_code=code, **kwargs)
    return Status(201, summary.as_json())


@router.post(
    "/watchlists/{code}/imports",
    response={201: ImportOut, **ERRORS},
    summary="Import a list file sent as JSON text",
)
def watchlist_import(request: HttpRequest, code: str, payload: ImportIn) -> Status[dict[str, Any]]:
    """Incremental: only added, changed and removed entries are written. For files over about
    2 MB use the upload route (Django bounds a JSON body's size)."""
    return _import(
        request,
        code,
        data=payload.content.encode("utf-8"),
        file_name=payload.file_name,
        file_format=payload.format,
        mapping=payload.mapping,
    )


@router.post(
    "/watchlists/{code}/imports/upload",
    response={201: ImportOut, **ERRORS},
    summary="Import an uploaded list file (multipart)",
)
def watchlist_import_upload(
    request: HttpRequest,
    code: str,
    file: UploadedFile = File(...),  # noqa: B008 - ninja declares parameters this way
    format: FileFormat = Form(...),  # noqa: B008
    mapping: str = Form(""),
) -> Status[dict[str, Any]]:
    try:
        parsed = json.loads(mapping) if mapping.strip() else None
    except json.JSONDecodeError as error:
        raise ServiceError.one("invalid_json", "mapping", f"not JSON: {error.msg}") from None
    return _import(
        request,
        code,
        data=file.read(),
        file_name=file.name or "upload",
        file_format=format,
        mapping=parsed,
    )


@router.post(
    "/watchlists/{code}/entries", response={201: EntryOut, **ERRORS}, summary="Add an entry"
)
def entry_add(request: HttpRequest, code: str, payload: EntryIn) -> Status[dict[str, Any]]:
    data = payload.dict()
    spec = services.EntrySpec(
        names=tuple({k: v for k, v in n.items() if v is not None} for n in data["names"]),
        birth_dates=tuple(data["birth_dates"]),
        nationalities=tuple(data["nationalities"]),
        sex=data["sex"],
        documents=tuple(data["documents"]),
        listed_on=data["listed_on"],
        expires_on=data["expires_on"],
        source_id=data["source_id"],
        comments=data["comments"],
    )
    entry = services.entry_add(actor=actor_of(request), watchlist_code=code, spec=spec)
    return Status(201, _entry(entry))


@router.post(
    "/watchlists/{code}/entries/{entry_id}/remove",
    response={200: EntryOut, **ERRORS},
    summary="Remove an entry (kept for history)",
)
def entry_remove(
    request: HttpRequest, code: str, entry_id: int, payload: ReasonIn
) -> dict[str, Any]:
    entry = services.entry_remove(
        actor=actor_of(request), watchlist_code=code, entry_id=entry_id, reason=payload.reason
    )
    return _entry(entry)


@router.get("/alerts", response={200: list[AlertSummaryOut], **ERRORS}, summary="Alert queue")
def alerts(request: HttpRequest, crossing_point: str, status: str = "open") -> list[dict[str, Any]]:
    """The alerts raised at a crossing point you are posted to, newest first."""
    actor = actor_of(request)
    rows = selectors.alerts_queue(actor=actor, crossing_point_code=crossing_point, status=status)
    return [_alert(a, actor.officer) for a in rows]


@router.get("/alerts/{alert_id}", response={200: AlertDetailOut, **ERRORS}, summary="An alert")
def alert_detail(request: HttpRequest, alert_id: uuid.UUID) -> dict[str, Any]:
    """The traveller as screened beside the listed entry, the explanation, and the list's legal
    basis and action. Audited."""
    actor = actor_of(request)
    officer = actor.officer
    detail = selectors.alert_detail(actor=actor, alert_id=str(alert_id))
    a = detail.alert
    return {
        **_alert(a, officer),
        "traveller_id": a.traveller_id,
        "entry": _entry(a.entry),
        "list_details": _watchlist(a.entry.watchlist),
        "explanation": explanation_for(officer, a.explanation),
        "raised_by": _username(a.raised_by),
        "decided_by": _username(a.decided_by),
        "decided_at": a.decided_at,
        "decision_reason": a.decision_reason,
        "clearances": [_clearance(c, officer) for c in detail.clearances],
    }


@router.post(
    "/alerts/{alert_id}/confirm", response={200: AlertSummaryOut, **ERRORS}, summary="Confirm"
)
def alert_confirm(request: HttpRequest, alert_id: uuid.UUID, payload: ReasonIn) -> dict[str, Any]:
    """The traveller is the listed person: the owning agency is notified."""
    actor = actor_of(request)
    alert = services.alert_confirm(actor=actor, alert_id=str(alert_id), reason=payload.reason)
    return _alert(alert, actor.officer)


@router.post("/alerts/{alert_id}/dismiss", response={200: DismissOut, **ERRORS}, summary="Dismiss")
def alert_dismiss(request: HttpRequest, alert_id: uuid.UUID, payload: DismissIn) -> dict[str, Any]:
    """The traveller is not the listed person; optionally clear their document for the entry."""
    actor = actor_of(request)
    dismissed = services.alert_dismiss(
        actor=actor,
        alert_id=str(alert_id),
        reason=payload.reason,
        grant_clearance=payload.grant_clearance,
        clearance_expires_on=payload.clearance_expires_on,
    )
    clearance = dismissed.clearance
    return {
        "alert": _alert(dismissed.alert, actor.officer),
        "clearance": _clearance(clearance, actor.officer) if clearance else None,
    }


@router.post(
    "/alerts/{alert_id}/clearance",
    response={201: ClearanceOut, **ERRORS},
    summary="Clear the traveller of a dismissed alert",
)
def clearance_grant(
    request: HttpRequest, alert_id: uuid.UUID, payload: ClearanceIn
) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    clearance = services.clearance_grant(
        actor=actor,
        alert_id=str(alert_id),
        reason=payload.reason,
        expires_on=payload.expires_on,
    )
    return Status(201, _clearance(clearance, actor.officer))
