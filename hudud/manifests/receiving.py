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
from collections.abc import Sequence
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
from hudud.core.paxlst import response as iapi
from hudud.manifests import access, conf, versions
from hudud.manifests.boarding import Decision, decide
from hudud.manifests.models import (
    Carrier,
    Flight,
    ListPart,
    ManifestChange,
    ManifestTraveller,
    Submission,
)
from hudud.manifests.reading import (
    FlightSpec,
    Reading,
    flight_spec,
    list_type_of,
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
        submission = _receive(delivery, interchange, started)
    except IntegrityError:
        # The same delivery raced in on another connection and won: answer as a redelivery.
        stored = _redelivery(actor, carrier, reference, digest)
        if stored is None:
            raise
        return Receipt(stored, replayed=True)
    return Receipt(submission, replayed=False)


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
    stored = Submission.objects.filter(carrier=carrier, reference=reference).first()
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
    spec = flight_spec(manifest, delivery.carrier)
    if not isinstance(spec, FlightSpec):
        return _reject(delivery, manifest, spec, started)
    found = readings(manifest)
    outcomes = travellers_screen([r.subject for r in found], today=local_day(delivery.moment))
    decisions = [decide(r.findings, o) for r, o in zip(found, outcomes, strict=True)]
    with transaction.atomic():
        flight = _flight_for_update(spec, delivery.moment)
        submission = _submission(delivery, Submission.Status.ACCEPTED, manifest, flight)
        flight.version += 1
        results = list(zip(outcomes, decisions, strict=True))
        changes = _apply(flight, submission, manifest, found, results, delivery.moment)
        _counts(flight, delivery.moment)
        _answer(submission, interchange, manifest, found, decisions, delivery.moment)
        submission.processing_ms = round((time.perf_counter() - started) * 1000)
        submission.save(update_fields=["responses", "response_edifact", "processing_ms"])
        _audit(delivery, submission, flight, found, outcomes, decisions, changes)
    return submission


def _reject(
    delivery: _Delivery, manifest: paxlst.Manifest, problems: list[Problem], started: float
) -> Submission:
    with transaction.atomic():
        submission = _submission(delivery, Submission.Status.REJECTED, manifest, None)
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
    delivery: _Delivery, status: str, manifest: paxlst.Manifest, flight: Flight | None
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
        parsed=manifest.to_json(),
        errors=[e.to_json() for e in manifest.errors],
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
        # A concurrent first delivery for the same flight fails on the unique constraint and
        # is answered as a redelivery or retried by the carrier; it never makes two flights.
        return Flight.objects.create(**identity, **details, first_received_at=moment)
    # The newest message says when the flight is expected: a delay moves the board.
    for name, value in details.items():
        setattr(flight, name, value)
    return flight


def _apply(
    flight: Flight,
    submission: Submission,
    manifest: paxlst.Manifest,
    found: list[Reading],
    results: list[tuple[Outcome, Decision]],
    moment: datetime,
) -> list[ManifestChange]:
    # A list sent empty (a crew list with nobody on it yet) still replaces what was there.
    by_list: dict[str, list[paxlst.Message]] = defaultdict(list)
    for message in manifest.messages:
        if message.readable:
            by_list[list_type_of(message)].append(message)
    changes: list[ManifestChange] = []
    for list_type, messages in by_list.items():
        chosen = [i for i, r in enumerate(found) if r.list_type == list_type]
        retired = _update_parts(flight, submission, list_type, messages, moment)
        changes += _apply_list(
            flight,
            submission,
            list_type,
            retired,
            [found[i] for i in chosen],
            [results[i] for i in chosen],
            moment,
        )
    ManifestChange.objects.bulk_create(changes)
    return changes


def _apply_list(
    flight: Flight,
    submission: Submission,
    list_type: str,
    retired: set[int],
    found: Sequence[Reading],
    results: Sequence[tuple[Outcome, Decision]],
    moment: datetime,
) -> list[ManifestChange]:
    rows = list(
        ManifestTraveller.objects.filter(
            flight=flight, list_type=list_type, removed_at__isnull=True
        )
    )
    existing = [versions.Existing(r.pk, r.identity_key, r.part, r.content_hash) for r in rows]
    result = versions.diff(existing, [(r.key, r.content) for r in found], retired)
    by_id = {row.pk: row for row in rows}
    record = bool(rows)  # the first list of a flight is not a change to it
    changes: list[ManifestChange] = []
    new_rows, updated = [], []
    for index, (reading, (outcome, decision)) in enumerate(zip(found, results, strict=True)):
        values = _row_values(reading, outcome, decision, submission, moment)
        if index in result.updated:
            row = by_id[result.updated[index]]
            before = {name: getattr(row, name) for name in versions.COMPARED_FIELDS}
            for name, value in values.items():
                setattr(row, name, value)
            if index in result.changed:
                row.changed_at = moment
                fields = versions.differences(before, reading.fields)
                changes.append(_change(flight, submission, row, "changed", moment, fields))
            updated.append(row)
        else:
            row = ManifestTraveller(flight=flight, added_at=moment, changed_at=moment, **values)
            new_rows.append(row)
            if record:
                changes.append(_change(flight, submission, row, "added", moment))
    ManifestTraveller.objects.bulk_create(new_rows)
    if updated:
        ManifestTraveller.objects.bulk_update(updated, [*_UPDATED_FIELDS])
    gone = [by_id[pk] for pk in result.removed]
    ManifestTraveller.objects.filter(pk__in=result.removed).update(removed_at=moment)
    changes += [_change(flight, submission, row, "removed", moment) for row in gone]
    return changes


_UPDATED_FIELDS = (
    "submission", "list_type", "part", "position", "identity_key", "content_hash", "role",
    "party", "surname", "given_names", "sex", "birth_date", "birth_date_raw", "nationality",
    "residence", "port_of_embarkation", "port_of_debarkation", "document_type",
    "document_number", "document_issuing_state", "document_expiry", "documents", "references",
    "findings", "findings_count", "board_status", "board_reasons", "screening_status", "hits",
    "screened_at", "changed_at",
)  # fmt: skip


def _row_values(
    reading: Reading, outcome: Outcome, decision: Decision, submission: Submission, moment: datetime
) -> dict[str, Any]:
    return {
        **reading.fields,
        "submission": submission,
        "list_type": reading.list_type,
        "part": reading.part,
        "position": reading.position,
        "identity_key": reading.key,
        "content_hash": reading.content,
        "findings": [
            {"code": f.code, "field": f.field, "message": f.message} for f in reading.findings
        ],
        "findings_count": len(reading.findings),
        "board_status": decision.status,
        "board_reasons": decision.reasons,
        "screening_status": outcome.status,
        "hits": outcome.hits,
        "screened_at": moment,
    }


def _change(
    flight: Flight,
    submission: Submission,
    row: ManifestTraveller,
    kind: str,
    moment: datetime,
    fields: dict[str, Any] | None = None,
) -> ManifestChange:
    name = f"{row.surname}, {row.given_names}".strip(", ")
    return ManifestChange(
        flight=flight,
        submission=submission,
        traveller=row,
        kind=kind,
        at=moment,
        version=flight.version,
        name=name[:240],
        fields=_jsonable(fields or {}),
    )


def _jsonable(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: [v.isoformat() if hasattr(v, "isoformat") else v for v in pair]
        for name, pair in fields.items()
    }


def _update_parts(
    flight: Flight,
    submission: Submission,
    list_type: str,
    messages: list[paxlst.Message],
    moment: datetime,
) -> set[int]:
    current = list(ListPart.objects.filter(flight=flight, list_type=list_type, current=True))
    incoming = [
        versions.IncomingPart(m.part or 0, m.common_access_ref or "", m.last_part is not False)
        for m in messages
    ]
    retired = versions.retired_parts(
        [versions.PartRef(p.part, p.series, p.last_part) for p in current], incoming
    )
    ListPart.objects.filter(pk__in=[p.pk for p in current if p.part in retired]).update(
        current=False
    )
    ListPart.objects.bulk_create(
        ListPart(
            flight=flight,
            submission=submission,
            list_type=list_type,
            series=(m.common_access_ref or "")[:40],
            part=m.part or 0,
            last_part=m.last_part is not False,
            message_ref=(m.reference or "")[:40],
            travellers=len(m.travellers),
            declared=m.declared_counts.get("41" if list_type == "crew" else "42"),
            received_at=moment,
        )
        for m in messages
    )
    return retired


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


def _answer(
    submission: Submission,
    interchange: paxlst.Interchange,
    manifest: paxlst.Manifest,
    found: list[Reading],
    decisions: list[Decision],
    moment: datetime,
) -> None:
    by_message: dict[int, list[iapi.TravellerResponse]] = defaultdict(list)
    rows: list[dict[str, Any]] = []
    for reading, decision in zip(found, decisions, strict=True):
        references = {q: reading.fields["references"][q] for q in iapi.ECHOED_REFERENCES
                      if q in reading.fields["references"]}  # fmt: skip
        answer = iapi.TravellerResponse(decision.status, references, decision.detail)
        by_message[id(reading.message)].append(answer)
        rows.append(_response_row(reading, answer))
    messages = [
        iapi.response_for(m, by_message.get(id(m), [])) for m in manifest.messages if m.readable
    ]
    submission.responses = rows
    submission.response_edifact = iapi.write_response(
        messages,
        sender=interchange.recipient or "IQ-BORDER",
        recipient=interchange.sender or submission.carrier.code,
        control_ref=interchange.control_ref or "1",
        prepared=timezone.localtime(moment).replace(tzinfo=None),
        syntax=interchange.syntax or "UNOA",
    )


def _response_row(reading: Reading, answer: iapi.TravellerResponse) -> dict[str, Any]:
    fields = reading.fields
    return {
        "message": reading.message.reference,
        "list_type": reading.list_type,
        "position": reading.position,
        "surname": fields["surname"],
        "given_names": fields["given_names"],
        "document_number": fields["document_number"],
        "references": dict(answer.references),
        "status": answer.status,
        "code": answer.code,
        "text": answer.text,
    }


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
