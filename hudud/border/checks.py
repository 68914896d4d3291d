"""The primary-line check: everything an officer needs about the person in front of them.

A check records nothing but the audit event of the lookup. Its result is advice with reasons:
the cue (green, amber, red) and each reason behind it; the officer decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.border import access, selectors
from hudud.border.documents import DocumentData
from hudud.border.models import Crossing, CrossingPoint, Traveller
from hudud.border.stays import StayStatus, local_day, stay_status
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.manifests import selectors as manifest_selectors
from hudud.revenue import selectors as revenue_selectors
from hudud.watchlists import services as watchlist_services

GREEN, AMBER, RED = "green", "amber", "red"


@dataclass(frozen=True)
class Reason:
    """One reason behind the cue; `suggests` is the refusal code it points to, if any."""

    code: str
    severity: str
    message: str
    suggests: str = ""


@dataclass
class CheckResult:
    checked_at: datetime
    crossing_point: CrossingPoint
    direction: str
    document: DocumentData
    traveller: Traveller | None
    recent_crossings: list[Crossing] = field(default_factory=list)
    refusals: list[Crossing] = field(default_factory=list)
    stay: StayStatus | None = None
    watchlist: watchlist_services.ScreeningOutcome | None = None
    reasons: list[Reason] = field(default_factory=list)
    # The traveller's record on an arriving flight's manifest (entries at airports only).
    pre_arrival_applies: bool = False
    pre_arrival: manifest_selectors.PreArrival | None = None
    # The residence fine an overstay costs by today's fee schedule: advice, not a charge.
    fine_due: revenue_selectors.FineDue | None = None

    @property
    def pre_arrival_status(self) -> str:
        if not self.pre_arrival_applies:
            return "not_applicable"
        return "on_manifest" if self.pre_arrival else "not_on_manifest"

    @property
    def cue(self) -> str:
        severities = {r.severity for r in self.reasons}
        return RED if RED in severities else AMBER if AMBER in severities else GREEN


def _document_reasons(document: DocumentData, today: date) -> list[Reason]:
    reasons = [
        Reason(p.code, RED, f"{p.field}: {p.message}", suggests="A") for p in document.errors
    ]
    if document.expiry_date is not None and document.expiry_date < today:
        reasons.append(
            Reason("document_expired", RED, f"document expired on {document.expiry_date}", "A")
        )
    elif document.expiry_date is None:
        reasons.append(Reason("expiry_unknown", AMBER, "the document's expiry date is unknown"))
    return reasons


def _stay_reasons(stay: StayStatus | None, direction: str, today: date) -> list[Reason]:
    if stay is None or stay.unlimited:
        return []
    if direction == "entry" and stay.last_allowed_day is None:
        return [Reason("stay_used", RED, "the authorised stay is already used", suggests="F")]
    if stay.overstay_days > 0:
        return [Reason("overstay", AMBER, f"overstayed by {stay.overstay_days} days")]
    return []


def _history_reasons(refusals: list[Crossing], stay: StayStatus | None) -> list[Reason]:
    reasons = [
        Reason(
            "earlier_refusal",
            AMBER,
            f"refused entry at {r.crossing_point.name_en} on "
            f"{local_day(r.occurred_at)} (reasons {r.refusal_reasons})",
        )
        for r in refusals[:3]
    ]
    for warning in stay.warnings if stay else []:
        reasons.append(Reason(warning.code, AMBER, warning.message))
    return reasons


def _watchlist_reasons(outcome: watchlist_services.ScreeningOutcome | None) -> list[Reason]:
    # A hit is a possible match, not a finding: the line officer refers, secondary decides.
    return [
        Reason(
            "watchlist_hit",
            AMBER if hit.action == "monitor" else RED,
            f"possible match on {hit.watchlist_name} (score {hit.score:.2f}, action "
            f"{hit.action.replace('_', ' ')}): refer to secondary inspection",
        )
        for hit in (outcome.alerts if outcome else [])
    ]


def _screening_subject(
    document: DocumentData, traveller: Traveller | None
) -> watchlist_services.ScreeningSubject:
    """Who to screen: the traveller on record (with the Arabic-script name the MRZ lacks),
    else the document as read."""
    source = traveller or document
    return watchlist_services.ScreeningSubject(
        surname=source.surname,
        given_names=source.given_names,
        name_ar=traveller.name_ar if traveller else "",
        birth_date=source.birth_date,
        nationality=source.nationality,
        sex=source.sex,
        document_number=document.number,
        document_issuing_state=document.issuing_state,
        traveller_id=traveller.pk if traveller else None,
    )


def _pre_arrival(result: CheckResult) -> None:
    """Link an arriving air traveller to their manifest record: its pre-screening is shown."""
    result.pre_arrival_applies = (
        result.direction == "entry" and result.crossing_point.kind == CrossingPoint.Kind.AIR
    )
    if not result.pre_arrival_applies:
        return
    source = result.traveller or result.document
    result.pre_arrival = manifest_selectors.pre_arrival_for(
        crossing_point=result.crossing_point,
        issuing_state=result.document.issuing_state,
        number=result.document.number,
        surname=source.surname,
        given_names=source.given_names,
        birth_date=source.birth_date,
        at=result.checked_at,
    )


def crossing_check(
    *,
    actor: Actor,
    crossing_point_code: str,
    direction: str,
    document: DocumentData,
    at: datetime | None = None,
) -> CheckResult:
    """Check a traveller at a lane before an entry or exit is recorded."""
    if direction not in ("entry", "exit"):
        raise ServiceError.one("invalid_value", "direction", "must be entry or exit")
    crossing_point = access.crossing_point_for_line_work(
        officer=actor.officer, code=crossing_point_code
    )
    checked_at = at or timezone.now()
    today = local_day(checked_at)
    found = selectors.document_find(document)
    traveller = found.traveller if found else None
    result = CheckResult(checked_at, crossing_point, direction, document, traveller)
    if traveller is not None:
        result.recent_crossings = selectors.traveller_recent_crossings(traveller=traveller)
        result.refusals = selectors.traveller_refusals(traveller=traveller)
    result.stay = stay_status(
        traveller=traveller,
        nationality=document.nationality,
        as_of=today,
        assume_entry_on=today if direction == "entry" else None,
    )
    result.watchlist = watchlist_services.traveller_screen(
        actor=actor,
        crossing_point_code=crossing_point.code,
        subject=_screening_subject(document, traveller),
        at=checked_at,
    )
    _pre_arrival(result)
    if result.stay is not None and result.stay.overstay_days > 0:
        result.fine_due = revenue_selectors.fine_due(
            overstay_days=result.stay.overstay_days, on_day=today
        )
    result.reasons = (
        _watchlist_reasons(result.watchlist)
        + _document_reasons(document, today)
        + _stay_reasons(result.stay, direction, today)
        + _history_reasons(result.refusals, result.stay)
    )
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="traveller.lookup",
            object_type="traveller" if traveller else "document",
            object_id=str(traveller.pk)
            if traveller
            else f"{document.issuing_state} {document.number}",
            crossing_point_code=crossing_point.code,
            details={
                "direction": direction,
                "cue": result.cue,
                "source": document.source,
                "watchlist": result.watchlist.status,
                "pre_arrival": result.pre_arrival_status,
                **(
                    {"manifest_traveller": str(result.pre_arrival.traveller.pk)}
                    if result.pre_arrival
                    else {}
                ),
            },
        )
    return result
