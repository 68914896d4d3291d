"""Receiving a carrier's interchange: keep it, read it, screen it, update the flight, answer.

The order matters for the one-second answer and for correctness:
1. read the bytes (the core never raises) and find the delivery's reference: a redelivery is
   answered from what was stored, the same reference with other bytes is refused (409);
2. screen every traveller of the interchange in one batch, before any lock is taken (the
   first screening of a process may build the index);
3. in one transaction, holding the flight's row: store the submission (raw bytes unchanged),
   apply its lists part by part, record the changes, the answer and the audit events.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.border.stays import local_day
from hudud.common.actor import Actor
from hudud.common.errors import Problem, ServiceError
from hudud.core import paxlst
from hudud.manifests import access, conf
from hudud.manifests.answering import answer_write
from hudud.manifests.applying import lists_apply
from hudud.manifests.boarding import Decision, decide
from hudud.manifests.models import (
    Carrier,
    Flight,
    ListPart,
    ManifestChange,
    Submission,
)
from hudud.manifests.reading import (
    FlightSpec,
    Reading,
    flight_spec,
    readings,
    submission_reference,
)
from hudud.manifests.screening import Outcome, travellers_screen


@dataclass(frozen=True)
class Receipt:
    """What a delivery led to: the stored submission, and whether it was a redelivery."""

    submission: Submission
    replayed: bool


def manifest_receive(
    *,
    actor: Actor,
    data: bytes,
    channel: str = Submission.Channel.API,
    file_name: str = "",
    at: datetime | None = None,
) -> Receipt:
    """Receive one PAXLST interchange from a carrier's account (see the module docstring)."""
    carrier = access.carrier_for_sending(actor.officer)
    if len(data) > conf.max_bytes():
        raise ServiceError.one(
            "too_large", "body", f"the message is over {conf.max_bytes()} bytes", status=413
        )
    started = time.perf_counter()
    moment = at or timezone.now()
    digest = hashlib.sha256(data).hexdigest()
    interchange = paxlst.read_interchange(data, today=local_day(moment))
    reference = submission_reference(interchange, digest)
    stored = _redelivery(actor, carrier, reference, digest)
    if stored is not None:
        return Receipt(stored, replayed=True)
    delivery = _Delivery(actor, carrier, data, digest, reference, channel, file_name, moment)
    try:
        return Receipt(_receive(delivery, interchange, started), replayed=False)
    except IntegrityError:
        # Another connection won a race with the same delivery: answer as a redelivery.
        stored = _redelivery(actor, carrier, reference, digest)
        if stored is not None:
            return Receipt(stored, replayed=True)
    # It won with the first list of the same flight: the flight exists now; apply this one.
    return Receipt(_receive(delivery, interchange, started), replayed=False)


@dataclass(frozen=True)
class _Delivery:
    actor: Actor
    carrier: Carrier
    data: bytes
    digest: str
    reference: str
    channel: str
    file_name: str
    moment: datetime


def _redelivery(actor: Actor, carrier: Carrier, reference: str, digest: str) -> Submission | None:
    same = Submission.objects.filter(carrier=carrier, reference=reference)
    # A refused delivery does not hold its reference: the carrier fixes the file and resends it.
    stored = (
        same.filter(status=Submission.Status.ACCEPTED).first()
        or same.filter(sha256=digest).order_by("-received_at").first()
    )
    if stored is None:
        return None
    if stored.sha256 != digest:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action="manifest.conflict",
                object_type="submission",
                object_id=str(stored.pk),
                details={"reference": reference, "sha256": digest},
            )
        raise ServiceError(
            [
                Problem(
                    "reference_reused",
                    "reference",
                    f"{reference!r} was received on {stored.received_at:%Y-%m-%d %H:%M} UTC "
                    "with other content: send a change under a new interchange reference",
                )
            ],
            status=409,
            extra={"submission_id": str(stored.pk)},
        )
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="manifest.redelivery",
            object_type="submission",
            object_id=str(stored.pk),
            details={"reference": reference},
        )
    return stored


def _receive(delivery: _Delivery, interchange: paxlst.Interchange, started: float) -> Submission:
    manifest = paxlst.assemble([interchange])
    parsed = manifest.to_json()
    spec = flight_spec(manifest, delivery.carrier, parsed["flight"]["legs"])
    if not isinstance(spec, FlightSpec):
        return _reject(delivery, manifest, parsed, spec, started)
    found = readings(manifest)
    outcomes = travellers_screen([r.subject for r in found], today=local_day(delivery.moment))
    decisions = [decide(r.findings, o) for r, o in zip(found, outcomes, strict=True)]
    with transaction.atomic():
        flight = _flight_for_update(spec, delivery.moment)
        submission = _submission(delivery, Submission.Status.ACCEPTED, manifest, parsed, flight)
        flight.version += 1
        results = list(zip(outcomes, decisions, strict=True))
        changes = lists_apply(flight, submission, manifest, found, results, delivery.moment)
        _counts(flight, delivery.moment)
        answer_write(submission, interchange, manifest, found, decisions, delivery.moment)
        submission.processing_ms = round((time.perf_counter() - started) * 1000)
        submission.save(update_fields=["responses", "response_edifact", "processing_ms"])
        _audit(delivery, submission, flight, found, outcomes, decisions, changes)
    return submission


def _reject(
    delivery: _Delivery,
    manifest: paxlst.Manifest,
    parsed: dict[str, Any],
    problems: list[Problem],
    started: float,
) -> Submission:
    with transaction.atomic():
        submission = _submission(delivery, Submission.Status.REJECTED, manifest, parsed, None)
        submission.errors = [p.as_dict() for p in problems]
        submission.processing_ms = round((time.perf_counter() - started) * 1000)
        submission.save(update_fields=["errors", "processing_ms"])
        audit_record(
            actor=delivery.actor,
            action="manifest.reject",
            object_type="submission",
            object_id=str(submission.pk),
            details={"reference": delivery.reference, "errors": [p.code for p in problems]},
        )
    return submission


def _submission(
    delivery: _Delivery,
    status: str,
    manifest: paxlst.Manifest,
    parsed: dict[str, Any],
    flight: Flight | None,
) -> Submission:
    return Submission.objects.create(
        carrier=delivery.carrier,
        received_by=delivery.actor.officer,
        channel=delivery.channel,
        file_name=delivery.file_name[:255],
        received_at=delivery.moment,
        reference=delivery.reference,
        raw=delivery.data,
        sha256=delivery.digest,
        size=len(delivery.data),
        status=status,
        flight=flight,
        parsed=parsed,
        errors=parsed["errors"],
    )


def _flight_for_update(spec: FlightSpec, moment: datetime) -> Flight:
    identity = {
        "carrier": spec.carrier,
        "number": spec.number,
        "departure_date": spec.departure_date,
    }
    details = {
        "crossing_point": spec.crossing_point,
        "departure_airport": spec.departure_airport,
        "arrival_airport": spec.arrival_airport,
        "departure_local": spec.departure_local,
        "scheduled_arrival": spec.scheduled_arrival,
        "legs": spec.legs,
        "updated_at": moment,
    }
    flight = Flight.objects.select_for_update().filter(**identity).first()
    if flight is None:
        # Of two first deliveries racing for one flight, one fails on the unique constraint
        # and is applied again once the other has committed: never two flights.
        return Flight.objects.create(**identity, **details, first_received_at=moment)
    # The newest message says when the flight is expected: a delay moves the board.
    for name, value in details.items():
        setattr(flight, name, value)
    return flight


def _counts(flight: Flight, moment: datetime) -> None:
    parts = ListPart.objects.filter(flight=flight, current=True)
    declared: dict[str, int | None] = {"passengers": None, "crew": None}
    for part in parts:
        if part.declared is not None:
            # Carriers count either the whole list on each part or each part alone.
            known = declared[part.list_type]
            declared[part.list_type] = max(known or 0, part.declared)
    flight.declared_passengers = declared["passengers"]
    flight.declared_crew = declared["crew"]
    flight.updated_at = moment
    flight.save()


def _audit(
    delivery: _Delivery,
    submission: Submission,
    flight: Flight,
    found: list[Reading],
    outcomes: list[Outcome],
    decisions: list[Decision],
    changes: list[ManifestChange],
) -> None:
    point = flight.crossing_point.code
    statuses: dict[str, int] = defaultdict(int)
    for decision in decisions:
        statuses[decision.status] += 1
    kinds: dict[str, int] = defaultdict(int)
    for change in changes:
        kinds[change.kind] += 1
    audit_record(
        actor=delivery.actor,
        action="manifest.receive",
        object_type="submission",
        object_id=str(submission.pk),
        crossing_point_code=point,
        details={
            "reference": delivery.reference,
            "channel": delivery.channel,
            "flight": str(flight.pk),
            "version": flight.version,
            "travellers": len(found),
            "answers": dict(statuses),
            "changes": dict(kinds),
            "hits": sum(1 for o in outcomes if o.status != "clear"),
        },
    )
    for reading, outcome in zip(found, outcomes, strict=True):
        for hit in outcome.hits:
            audit_record(
                actor=delivery.actor,
                action="clearance.apply" if hit["cleared"] else "pre_arrival_hit.raise",
                object_type="clearance" if hit["cleared"] else "flight",
                object_id=str(hit["clearance_id"]) if hit["cleared"] else str(flight.pk),
                crossing_point_code=point,
                details={
                    "watchlist": hit["watchlist"],
                    "entry_id": hit["entry_id"],
                    "score": hit["score"],
                    "subject": reading.subject.key,
                    "submission": str(submission.pk),
                },
            )
