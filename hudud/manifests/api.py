"""Advance passenger information endpoints of the JSON API: thin adapters over services and
selectors.

Carriers POST a PAXLST interchange as the raw request body (any character set: the UNB header
says which) and get the interactive API answer per traveller, as JSON or, with
`Accept: application/edifact`, as the CUSRES interchange (docs/formats/iapi-response.md).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router
from ninja.responses import Status

from hudud.agencies.mandates import birth_date_json, reveal
from hudud.agencies.models import Officer
from hudud.border.schemas import ErrorsOut
from hudud.common.api import actor_of
from hudud.common.errors import ServiceError
from hudud.manifests import conf, masking, selectors, services
from hudud.manifests.arrivals import Reconciliation
from hudud.manifests.models import Flight, ManifestChange, ManifestTraveller, Submission
from hudud.manifests.schemas import (
    BoardOut,
    ChangeOut,
    ConflictOut,
    FlightSummaryOut,
    ManifestTravellerOut,
    RejectedOut,
    SubmissionOut,
    SubmissionSummaryOut,
)

router = Router(tags=["manifests"])
ERRORS = {400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 413: ErrorsOut,
          422: ErrorsOut}  # fmt: skip
EDIFACT = "application/edifact"
_EDIFACT_BODY = {
    "requestBody": {
        "required": True,
        "description": "One UN/EDIFACT PAXLST interchange, bytes as the carrier's system "
        "writes them (the UNB header names the character set)",
        # Any content type is read as bytes; octet-stream is what generic clients send.
        "content": {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            EDIFACT: {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


def flight_ref(flight: Flight | None) -> dict[str, Any] | None:
    if flight is None:
        return None
    return {
        "id": flight.pk,
        "carrier": flight.carrier.code,
        "number": flight.number,
        "departure_date": flight.departure_date,
        "departure_airport": flight.departure_airport,
        "arrival_airport": flight.arrival_airport,
        "crossing_point": flight.crossing_point.code,
        "scheduled_arrival": flight.scheduled_arrival,
        "version": flight.version,
    }


def _summary(s: Submission) -> dict[str, Any]:
    return {
        "id": s.pk,
        "carrier": s.carrier.code,
        "channel": s.channel,
        "file_name": s.file_name,
        "received_at": s.received_at,
        "reference": s.reference,
        "sha256": s.sha256,
        "size": s.size,
        "status": s.status,
        "flight": flight_ref(s.flight),
        "processing_ms": s.processing_ms,
    }


def _detail(s: Submission, officer: Officer, *, replayed: bool = False) -> dict[str, Any]:
    return {
        **_summary(s),
        "replayed": replayed,
        "errors": s.errors,
        "warnings": s.parsed.get("warnings", []) if isinstance(s.parsed, dict) else [],
        "responses": masking.answers_for(officer, s.responses),
    }


def _wants_edifact(request: HttpRequest) -> bool:
    return EDIFACT in request.headers.get("Accept", "") or request.GET.get("format") == "edifact"


def _edifact(text: str, status: int = 200) -> HttpResponse:
    # The response's own UNB says its character set; UTF-8 covers every set it may name.
    return HttpResponse(
        text.encode("utf-8"), status=status, content_type=f"{EDIFACT}; charset=utf-8"
    )


def _body(request: HttpRequest) -> bytes:
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > conf.max_bytes():
        raise ServiceError.one(
            "too_large", "body", f"the message is over {conf.max_bytes()} bytes", status=413
        )
    try:
        return request.body
    except RequestDataTooBig:
        raise ServiceError.one("too_large", "body", "the message is too large", 413) from None


@router.post(
    "/manifests/messages",
    response={200: SubmissionOut, 201: SubmissionOut, 409: ConflictOut, **ERRORS, 422: RejectedOut},
    openapi_extra=_EDIFACT_BODY,
    summary="Send a PAXLST interchange (carriers)",
)
def message_receive(request: HttpRequest) -> Any:
    """Receive a passenger or crew list and answer per traveller within a second: `ok`,
    `do_not_board` or `insufficient_data`. A redelivery (same interchange reference, same
    bytes) is answered again from the record (200, `replayed`); the same reference with other
    bytes is a conflict (409). A list that cannot be used is kept and refused (422)."""
    actor = actor_of(request)
    receipt = services.manifest_receive(actor=actor, data=_body(request))
    submission = receipt.submission
    if submission.status == Submission.Status.REJECTED:
        return Status(422, {"errors": submission.errors, "submission_id": submission.pk})
    status = 200 if receipt.replayed else 201
    if _wants_edifact(request):
        return _edifact(submission.response_edifact, status)
    return Status(status, _detail(submission, actor.officer, replayed=receipt.replayed))


@router.get("/manifests/messages", response={200: list[SubmissionSummaryOut], **ERRORS})
def messages_list(request: HttpRequest, limit: int = 100) -> Any:
    """Submissions the caller may read, newest first: a carrier its own."""
    return [_summary(s) for s in selectors.submissions_list(actor=actor_of(request), limit=limit)]


@router.get("/manifests/messages/{submission_id}", response={200: SubmissionOut, **ERRORS})
def message_detail(request: HttpRequest, submission_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    submission = selectors.submission_detail(actor=actor, submission_id=str(submission_id))
    return _detail(submission, actor.officer)


@router.get(
    "/manifests/messages/{submission_id}/response",
    response={200: None, **ERRORS},
    openapi_extra={"responses": {200: {"content": {EDIFACT: {"schema": {"type": "string"}}}}}},
)
def message_response(request: HttpRequest, submission_id: uuid.UUID) -> Any:
    """The CUSRES interchange sent in answer, as EDIFACT text."""
    submission = selectors.submission_detail(
        actor=actor_of(request), submission_id=str(submission_id), part="response"
    )
    if submission.status == Submission.Status.REJECTED:
        raise ServiceError.one("rejected", "submission_id", "a refused list has no response", 404)
    return _edifact(submission.response_edifact)


@router.get(
    "/manifests/messages/{submission_id}/raw",
    response={200: None, **ERRORS},
    openapi_extra={"responses": {200: {"content": {EDIFACT: {"schema": {"type": "string"}}}}}},
)
def message_raw(request: HttpRequest, submission_id: uuid.UUID) -> Any:
    """The interchange exactly as received (bytes unchanged)."""
    submission = selectors.submission_detail(
        actor=actor_of(request), submission_id=str(submission_id), part="raw"
    )
    return HttpResponse(bytes(submission.raw), content_type=EDIFACT)


@router.get("/manifests/flights", response={200: list[FlightSummaryOut], **ERRORS})
def flights_list(request: HttpRequest, crossing_point: str = "", day: date | None = None) -> Any:
    """Flights arriving on `day` (local date; default today) at the airports the caller sees."""
    summaries = selectors.flights_list(
        actor=actor_of(request), crossing_point_code=crossing_point, day=day
    )
    return [
        {
            "flight": flight_ref(s.flight),
            "status": s.status,
            "passengers": s.passengers,
            "crew": s.crew,
            "hits": s.hits,
            "do_not_board": s.do_not_board,
            "insufficient_data": s.insufficient_data,
            "problems": s.problems,
        }
        for s in summaries
    ]


def traveller_out(t: ManifestTraveller, officer: Officer) -> dict[str, Any]:
    """One manifest row, its birth date and document number as `officer` may see them."""
    return {
        "id": t.pk,
        "list_type": t.list_type,
        "role": t.role,
        "surname": t.surname,
        "given_names": t.given_names,
        "sex": t.sex,
        **birth_date_json(officer, t.birth_date),
        "nationality": t.nationality,
        "document_type": t.document_type,
        "document_number": reveal(officer, "document_number", t.document_number),
        "document_issuing_state": t.document_issuing_state,
        "document_expiry": t.document_expiry,
        "port_of_embarkation": t.port_of_embarkation,
        "port_of_debarkation": t.port_of_debarkation,
        "references": t.references,
        "board_status": t.board_status,
        "board_reasons": t.board_reasons,
        "screening_status": t.screening_status,
        "hits": t.hits,
        "findings": t.findings,
        "removed": t.removed_at is not None,
    }


def change_out(c: ManifestChange) -> dict[str, Any]:
    return {
        "version": c.version,
        "at": c.at,
        "kind": c.kind,
        "traveller_id": c.traveller_id,
        "name": c.name,
        "fields": c.fields,
        "submission_id": c.submission_id,
    }


def _arrivals(reconciliation: Reconciliation, officer: Officer) -> list[dict[str, Any]]:
    return [
        {
            "crossing_id": c.pk,
            "kind": c.kind,
            "occurred_at": c.occurred_at,
            "traveller_id": c.traveller_id,
            "surname": c.traveller.surname,
            "given_names": c.traveller.given_names,
            "document_number": reveal(officer, "document_number", c.document.number),
            "document_issuing_state": c.document.issuing_state,
        }
        for c in reconciliation.not_on_manifest
    ]


@router.get("/manifests/flights/{flight_id}", response={200: BoardOut, **ERRORS})
def flight_board(request: HttpRequest, flight_id: uuid.UUID) -> Any:
    """The flight board: counts, travellers with hits and with data-quality problems, and after
    arrival the no-shows and the arrivals not on any manifest."""
    actor = actor_of(request)
    board = selectors.flight_board(actor=actor, flight_id=str(flight_id), now=timezone.now())
    officer = actor.officer
    return {
        "flight": flight_ref(board.flight),
        "status": board.status,
        "counts": board.counts,
        "with_hits": [traveller_out(t, officer) for t in board.with_hits],
        "with_problems": [traveller_out(t, officer) for t in board.with_problems],
        "no_shows": [traveller_out(t, officer) for t in board.reconciliation.no_shows],
        "not_on_manifest": _arrivals(board.reconciliation, officer),
        "recent_changes": [change_out(c) for c in board.changes],
    }


@router.get(
    "/manifests/flights/{flight_id}/travellers",
    response={200: list[ManifestTravellerOut], **ERRORS},
)
def flight_travellers(
    request: HttpRequest, flight_id: uuid.UUID, include_removed: bool = False
) -> Any:
    actor = actor_of(request)
    _, travellers = selectors.flight_travellers(
        actor=actor, flight_id=str(flight_id), include_removed=include_removed
    )
    return [traveller_out(t, actor.officer) for t in travellers]


@router.get("/manifests/flights/{flight_id}/history", response={200: list[ChangeOut], **ERRORS})
def flight_history(request: HttpRequest, flight_id: uuid.UUID) -> Any:
    """Every traveller added, removed or changed by a later message, in order."""
    _, changes = selectors.flight_history(actor=actor_of(request), flight_id=str(flight_id))
    return [change_out(c) for c in changes]
