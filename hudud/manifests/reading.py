"""From a read PAXLST interchange to what the manifests app stores and answers.

Framework-light helpers of `receiving`: the submission's reference, the problems that make it
unusable, the flight it announces, and one `Reading` per traveller (the fields stored, the
findings, the screening subject), in message order.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings

from hudud.border.models import CrossingPoint
from hudud.common.errors import Problem
from hudud.core import paxlst
from hudud.manifests import versions
from hudud.manifests.models import Carrier
from hudud.manifests.screening import subject_of, travel_document
from hudud.watchlists.screening import ScreeningSubject


def submission_reference(interchange: paxlst.Interchange, digest: str) -> str:
    """What makes a delivery the same delivery: the interchange control reference (UNB 0020)
    with its sender, else the first message's reference (UNH 0062) and common access
    reference, else the content itself."""
    if interchange.control_ref:
        return f"UNB {interchange.sender or ''} {interchange.control_ref}"[:120]
    if interchange.messages:
        first = interchange.messages[0]
        return f"UNH {first.reference or ''} {first.common_access_ref or ''}".strip()[:120]
    return f"SHA256 {digest}"


@dataclass(frozen=True)
class FlightSpec:
    carrier: Carrier
    number: str
    departure_date: date
    crossing_point: CrossingPoint
    departure_airport: str
    arrival_airport: str
    departure_local: str
    scheduled_arrival: datetime
    legs: list[dict[str, Any]]


def flight_spec(
    manifest: paxlst.Manifest, carrier: Carrier, legs: list[dict[str, Any]]
) -> FlightSpec | list[Problem]:
    """The arriving flight the manifest announces, or the problems that stop it being used.
    `legs` are the reading's legs as JSON (docs/formats/paxlst.md), stored with the flight."""
    if not any(m.readable for m in manifest.messages):
        # Nothing to screen: every error says why (each names its segment, line and column).
        errors = [Problem(e.code, e.field, e.message) for e in manifest.errors]
        return errors or [Problem("unreadable", "body", "no PAXLST message could be read")]
    problems: list[Problem] = []
    leg = _arriving_leg(manifest)
    if leg is None:
        return [Problem("flight_missing", "flight", "no flight (TDT) in any message")]
    sent = leg.carrier or manifest.flight.carrier
    if sent and sent.upper() != carrier.code:
        problems.append(
            Problem(
                "carrier_mismatch",
                "flight.carrier",
                f"the list is for carrier {sent}'s flight; this account sends for {carrier.code}",
            )
        )
    point = _crossing_point(leg.arrival_airport)
    if point is None:
        problems.append(
            Problem(
                "arrival_airport_unknown",
                "flight.legs",
                f"arrival airport {leg.arrival_airport!r} (LOC+87) is not an Iraqi airport: "
                "only flights arriving in Iraq are screened",
            )
        )
    moment = leg.departure_local or leg.arrival_local
    if leg.arrival_local is None or moment is None:
        problems.append(
            Problem("flight_time_missing", "flight.legs", "no arrival time (DTM+232) for the leg")
        )
    if not leg.flight:
        problems.append(Problem("flight_number_missing", "flight.number", "no flight number"))
    if problems or point is None or moment is None or leg.arrival_local is None:
        return problems
    return FlightSpec(
        carrier=carrier,
        number=(leg.flight or "")[:17],
        departure_date=moment.date(),
        crossing_point=point,
        departure_airport=leg.departure_airport or "",
        arrival_airport=leg.arrival_airport or "",
        departure_local=f"{leg.departure_local:%Y-%m-%dT%H:%M}" if leg.departure_local else "",
        scheduled_arrival=leg.arrival_local.replace(tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)),
        legs=legs,
    )


def _arriving_leg(manifest: paxlst.Manifest) -> paxlst.Leg | None:
    legs = manifest.flight.legs
    return next((leg for leg in legs if leg.arrival_qualifier == "87"), legs[-1] if legs else None)


def _crossing_point(airport: str | None) -> CrossingPoint | None:
    if not airport:
        return None
    return (
        CrossingPoint.objects.filter(iata_code=airport.upper(), kind=CrossingPoint.Kind.AIR)
        .exclude(status__in=[CrossingPoint.Status.CLOSED, CrossingPoint.Status.PLANNED])
        .first()
    )


@dataclass
class Reading:
    """One traveller of one message, as stored and screened."""

    message: paxlst.Message
    list_type: str
    part: int
    position: int
    traveller: paxlst.Traveller
    findings: list[paxlst.Issue]
    fields: dict[str, Any]
    subject: ScreeningSubject
    key: str = ""

    @property
    def content(self) -> str:
        return versions.content_hash(self.fields)


def list_type_of(message: paxlst.Message) -> str:
    if message.list_type in ("passengers", "crew"):
        return message.list_type
    crew = message.travellers and all(t.role == "crew" for t in message.travellers)
    return "crew" if crew else "passengers"


def readings(manifest: paxlst.Manifest) -> list[Reading]:
    """Every traveller of every message, with its findings, in message order."""
    out: list[Reading] = []
    for message in manifest.messages:
        by_index: dict[int, list[paxlst.Issue]] = {}
        for finding in message.findings:
            by_index.setdefault(finding.traveller or 0, []).append(finding)
        part = message.part or 0
        for index, traveller in enumerate(message.travellers):
            reading = Reading(
                message=message,
                list_type=list_type_of(message),
                part=part,
                position=part * 100_000 + index,
                traveller=traveller,
                findings=by_index.get(index, []),
                fields=traveller_fields(traveller),
                subject=subject_of(traveller),
            )
            out.append(reading)
    _assign_keys(out)
    return out


def _assign_keys(all_readings: list[Reading]) -> None:
    for list_type in ("passengers", "crew"):
        chosen = [r for r in all_readings if r.list_type == list_type]
        keys = [versions.identity_key(r.traveller, travel_document(r.traveller)) for r in chosen]
        for reading, key in zip(chosen, versions.unique_keys(keys), strict=True):
            reading.key = key


def traveller_fields(traveller: paxlst.Traveller) -> dict[str, Any]:
    """The model fields of a `ManifestTraveller` read from a PAXLST traveller."""
    document = travel_document(traveller)
    return {
        "role": traveller.role,
        "party": traveller.party,
        "surname": (traveller.surname or "")[:120],
        "given_names": (traveller.given_names or "")[:120],
        "sex": (traveller.sex or "")[:1],
        "birth_date": traveller.birth_date,
        "birth_date_raw": (traveller.birth_date_raw or "")[:12],
        "nationality": (traveller.nationality or "")[:3],
        "residence": (traveller.country_of_residence or "")[:3],
        "port_of_embarkation": (traveller.port_of_embarkation or "")[:5],
        "port_of_debarkation": (traveller.port_of_debarkation or "")[:5],
        "document_type": (document.type or "")[:3] if document else "",
        # Upper case, as the primary line reads documents from the MRZ: the link is an equality.
        "document_number": (document.number or "").upper()[:35] if document else "",
        "document_issuing_state": (document.issuing_state or "").upper()[:3] if document else "",
        "document_expiry": document.expiry_date if document else None,
        "documents": [
            {
                "type": d.type,
                "number": d.number,
                "issuing_state": d.issuing_state,
                "expiry_date": d.expiry_date.isoformat() if d.expiry_date else None,
            }
            for d in traveller.documents
        ],
        "references": dict(traveller.references),
    }
