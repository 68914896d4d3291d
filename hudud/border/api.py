"""Border endpoints of the JSON API: thin adapters over checks, services and selectors."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.responses import Status

from hudud.border import checks, selectors, services
from hudud.border.documents import DocumentData, document_from_fields, document_from_mrz
from hudud.border.models import Crossing
from hudud.border.schemas import (
    CheckIn,
    CheckOut,
    CrossingIn,
    CrossingPointOut,
    ErrorsOut,
    GroupIn,
    GroupOut,
    OverstayerOut,
    RecordOut,
)
from hudud.border.stays import StayStatus, local_day
from hudud.common.api import actor_of
from hudud.common.errors import AccessDenied
from hudud.revenue.selectors import FineDue
from hudud.watchlists.services import ScreeningOutcome

router = Router(tags=["border"])
ERRORS = {
    400: ErrorsOut,
    401: ErrorsOut,
    403: ErrorsOut,
    404: ErrorsOut,
    409: ErrorsOut,
    422: ErrorsOut,
}


def _presented_document(payload: CheckIn | CrossingIn, today: date) -> DocumentData:
    if payload.mrz is not None:
        return document_from_mrz(payload.mrz, today=today)
    assert payload.document is not None  # the schema requires one of the two
    return document_from_fields(**payload.document.dict())


def _check_officer_claim(request: HttpRequest, badge: str | None) -> None:
    if badge is not None and badge != actor_of(request).officer.badge_number:
        raise AccessDenied("officer does not match the authenticated officer", "officer")


def _problems(items: list[Any]) -> list[dict[str, str]]:
    return [p.as_dict() for p in items]


def _crossing(c: Crossing) -> dict[str, Any]:
    return {
        "id": c.pk,
        "client_id": c.client_id,
        "kind": c.kind,
        "traveller_id": c.traveller_id,
        "crossing_point": c.crossing_point.code,
        "crossing_point_name": c.crossing_point.name_en,
        "lane": c.lane.code if c.lane_id else None,  # type: ignore[union-attr]
        "occurred_at": c.occurred_at,
        "refusal_reasons": list(c.refusal_reasons),
        "overstay_days": c.overstay_days,
        "group_id": c.group_id,
    }


def _stay(stay: StayStatus | None) -> dict[str, Any] | None:
    if stay is None:
        return None
    return {
        "policy": stay.policy,
        "unlimited": stay.unlimited,
        "present": stay.present,
        "entry_date": stay.entry_date,
        "days_used": stay.days_used,
        "last_allowed_day": stay.last_allowed_day,
        "remaining_days": stay.remaining_days,
        "overstay_days": stay.overstay_days,
    }


def _fine_due(fine: FineDue | None) -> dict[str, Any] | None:
    if fine is None:
        return None
    return {
        "days": fine.days,
        "per_day": fine.per_day,
        "amount": fine.amount,
        "currency": fine.currency,
        "fee_code": fine.fee_code,
        "legal_basis": fine.legal_basis,
    }


def _document(document: DocumentData, today: date) -> dict[str, Any]:
    expiry = document.expiry_date
    return {
        "source": document.source,
        "valid": document.valid,
        "format": document.mrz_format,
        "document_code": document.document_code,
        "issuing_state": document.issuing_state,
        "number": document.number,
        "nationality": document.nationality,
        "expiry_date": expiry,
        "expired": expiry is not None and expiry < today,
        "days_to_expiry": (expiry - today).days if expiry else None,
        "warnings": _problems(document.warnings),
        "errors": _problems(document.errors),
    }


def _identity(result: checks.CheckResult) -> dict[str, Any]:
    t, d = result.traveller, result.document
    return {
        "traveller_id": t.pk if t else None,
        "known": t is not None,
        "surname": t.surname if t else d.surname,
        "given_names": t.given_names if t else d.given_names,
        "name_ar": t.name_ar if t else "",
        "birth_date": t.birth_date if t else d.birth_date,
        "birth_date_raw": t.birth_date_raw if t else d.birth_date_raw,
        "sex": t.sex if t else d.sex,
        "nationality": t.nationality if t else d.nationality,
    }


def _watchlist(outcome: ScreeningOutcome | None) -> dict[str, Any]:
    if outcome is None:
        return {"status": "not_screened", "hits": []}
    hits = [
        {
            "watchlist": h.watchlist_code,
            "watchlist_name": h.watchlist_name,
            "action": h.action,
            "score": h.score,
            "reason": h.reason,
            "entry_id": h.entry_id,
            "entry_name": h.entry_name,
            "summary": h.summary,
            "alert_id": h.alert_id,
            "cleared": h.cleared,
            "clearance_id": h.clearance_id,
        }
        for h in outcome.hits
    ]
    return {"status": outcome.status, "hits": hits}


def _pre_arrival(result: checks.CheckResult) -> dict[str, Any]:
    found = result.pre_arrival
    if found is None:
        return {"status": result.pre_arrival_status}
    row, flight = found.traveller, found.traveller.flight
    return {
        "status": result.pre_arrival_status,
        "matched_by": found.matched_by,
        "manifest_traveller_id": row.pk,
        "flight_id": flight.pk,
        "flight": flight.number,
        "departure_airport": flight.departure_airport,
        "scheduled_arrival": flight.scheduled_arrival,
        "board_status": row.board_status,
        "screening_status": row.screening_status,
        "hits": row.hits,
        "findings": [f["code"] for f in row.findings],
    }


@router.post("/crossings/check", response={200: CheckOut, **ERRORS}, summary="Primary-line check")
def check(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    """Read the document, find the traveller, evaluate the stay and say why the cue is what it
    is. Records nothing but the audit event of the lookup."""
    _check_officer_claim(request, payload.officer)
    at = payload.at or timezone.now()
    today = local_day(at)
    result = checks.crossing_check(
        actor=actor_of(request),
        crossing_point_code=payload.crossing_point,
        direction=payload.direction,
        document=_presented_document(payload, today),
        at=at,
    )
    return {
        "checked_at": result.checked_at,
        "crossing_point": result.crossing_point.code,
        "direction": result.direction,
        "cue": result.cue,
        "reasons": [vars(r) for r in result.reasons],
        "document": _document(result.document, today),
        "identity": _identity(result),
        "stay": _stay(result.stay),
        "recent_crossings": [_crossing(c) for c in result.recent_crossings],
        "refusals": [_crossing(c) for c in result.refusals],
        "watchlist": _watchlist(result.watchlist),
        "pre_arrival": _pre_arrival(result),
        "fine_due": _fine_due(result.fine_due),
    }


@router.post(
    "/crossings", response={200: RecordOut, 201: RecordOut, **ERRORS}, summary="Record a crossing"
)
def record(request: HttpRequest, payload: CrossingIn) -> Status[dict[str, Any]]:
    """Record an entry, exit or refusal. 201 when recorded; 200 with `replayed: true` when this
    `client_id` was recorded before (a retry after a lost reply); 409 if it was used for a
    different crossing."""
    _check_officer_claim(request, payload.officer)
    today = local_day(payload.occurred_at or timezone.now())
    recorded = services.crossing_record(
        actor=actor_of(request),
        request=services.CrossingRequest(
            client_id=payload.client_id,
            kind=payload.kind,
            crossing_point_code=payload.crossing_point,
            document=_presented_document(payload, today),
            occurred_at=payload.occurred_at,
            refusal_reasons=tuple(payload.refusal_reasons),
            lane_code=payload.lane,
            group_id=payload.group_id,
            name_ar=payload.name_ar.strip(),
            vehicle=(
                (payload.vehicle.registration_country, payload.vehicle.plate, payload.vehicle.kind)
                if payload.vehicle
                else None
            ),
            note=payload.note,
        ),
    )
    body = {
        "replayed": recorded.replayed,
        "crossing": _crossing(recorded.crossing),
        "stay": _stay(recorded.stay),
    }
    return Status(200 if recorded.replayed else 201, body)


@router.post("/groups", response={201: GroupOut, **ERRORS}, summary="Open a travel group")
def open_group(request: HttpRequest, payload: GroupIn) -> Status[dict[str, Any]]:
    group = services.group_open(
        actor=actor_of(request),
        crossing_point_code=payload.crossing_point,
        kind=payload.kind,
        reference=payload.reference,
    )
    body = {
        "id": group.pk,
        "kind": group.kind,
        "reference": group.reference,
        "crossing_point": payload.crossing_point,
    }
    return Status(201, body)


@router.get("/crossing-points", response=list[CrossingPointOut], summary="Crossing points")
def crossing_points(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "code": cp.code,
            "name_en": cp.name_en,
            "name_ar": cp.name_ar,
            "kind": cp.kind,
            "status": cp.status,
            "neighbour_country": cp.neighbour_country,
            "neighbour_crossing": cp.neighbour_crossing,
            "governorate": cp.governorate,
            "iata_code": cp.iata_code,
            "authority": cp.authority.code,
            "latitude": float(cp.latitude),
            "longitude": float(cp.longitude),
        }
        for cp in selectors.crossing_points_list()
    ]


@router.get("/overstayers", response={200: list[OverstayerOut], **ERRORS}, summary="Overstayers")
def overstayers(
    request: HttpRequest, as_of: date | None = None, exited_since: date | None = None
) -> list[dict[str, Any]]:
    """Travellers inside past their last allowed day, then those who left having overstayed."""
    rows = selectors.overstayers_list(
        actor=actor_of(request),
        as_of=as_of or local_day(timezone.now()),
        exited_since=exited_since,
    )
    return [
        {
            "traveller_id": o.traveller.pk,
            "surname": o.traveller.surname,
            "given_names": o.traveller.given_names,
            "nationality": o.traveller.nationality,
            "entry_date": o.entry_date,
            "last_allowed_day": o.last_allowed_day,
            "overstay_days": o.overstay_days,
            "still_present": o.still_present,
            "exit_crossing_id": o.exit_crossing.pk if o.exit_crossing else None,
        }
        for o in rows
    ]
