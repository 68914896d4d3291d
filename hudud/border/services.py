"""State changes at the border, one function each: they check access, own their transaction
and write their audit event in it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.border import access, selectors
from hudud.border.documents import DocumentData
from hudud.border.models import (
    Crossing,
    CrossingPoint,
    Lane,
    Permit,
    RefusalReason,
    TravelDocument,
    TravelGroup,
    Traveller,
    Vehicle,
)
from hudud.border.stays import StayStatus, local_day, stay_status
from hudud.common.actor import Actor
from hudud.common.errors import Problem, ServiceError


@dataclass(frozen=True)
class CrossingRequest:
    client_id: uuid.UUID
    kind: str
    crossing_point_code: str
    document: DocumentData
    occurred_at: datetime | None = None
    refusal_reasons: tuple[str, ...] = ()
    lane_code: str | None = None
    group_id: uuid.UUID | None = None
    vehicle: tuple[str, str, str] | None = None  # registration country, plate, kind
    name_ar: str = ""  # the name in Arabic script, which no MRZ carries
    note: str = ""


@dataclass(frozen=True)
class RecordedCrossing:
    crossing: Crossing
    replayed: bool
    stay: StayStatus | None


def traveller_identify(
    *, document: DocumentData, name_ar: str = ""
) -> tuple[Traveller, TravelDocument]:
    """The traveller holding `document`, created on first sight. Call inside a transaction.

    An Arabic-script name is recorded when the traveller has none yet; one already on record
    is not overwritten from a lane (a correction is an identity change, not a crossing)."""
    existing = selectors.document_find(document)
    if existing is not None:
        if existing.expiry_date != document.expiry_date and document.expiry_date:
            existing.expiry_date = document.expiry_date
            existing.save(update_fields=["expiry_date", "last_seen_at"])
        holder = existing.traveller
        if name_ar and not holder.name_ar:
            holder.name_ar = name_ar
            holder.save(update_fields=["name_ar"])
        return holder, existing
    traveller = Traveller.objects.create(
        name_ar=name_ar,
        surname=document.surname,
        given_names=document.given_names,
        birth_date=document.birth_date,
        birth_date_raw=document.birth_date_raw,
        sex=document.sex if document.sex in ("M", "F") else "X",
        nationality=document.nationality,
    )
    travel_document = TravelDocument.objects.create(
        traveller=traveller,
        kind=document.kind,
        document_code=document.document_code,
        number=document.number,
        issuing_state=document.issuing_state,
        nationality=document.nationality,
        expiry_date=document.expiry_date,
    )
    return traveller, travel_document


# A lane's clock may run a little ahead of the server's; more than this is a wrong time.
_CLOCK_SKEW = timedelta(minutes=5)


def _validate(request: CrossingRequest, occurred_at: datetime) -> None:
    on_day = local_day(occurred_at)
    problems: list[Problem] = []
    if occurred_at > timezone.now() + _CLOCK_SKEW:
        problems.append(
            Problem("in_future", "occurred_at", "a crossing cannot be recorded ahead of time")
        )
    if request.kind not in Crossing.Kind.values:
        problems.append(Problem("invalid_value", "kind", "must be entry, exit or refusal"))
    reasons = set(request.refusal_reasons)
    if request.kind == Crossing.Kind.REFUSAL and not reasons:
        problems.append(Problem("missing_field", "refusal_reasons", "a refusal needs a reason"))
    if request.kind != Crossing.Kind.REFUSAL and reasons:
        problems.append(Problem("invalid_value", "refusal_reasons", "only a refusal has reasons"))
    unknown = reasons - set(RefusalReason.values)
    if unknown:
        problems.append(
            Problem("invalid_value", "refusal_reasons", f"unknown codes {sorted(unknown)}; use A-I")
        )
    document = request.document
    if request.kind != Crossing.Kind.REFUSAL and not document.valid:
        problems.append(
            Problem("document_invalid", "mrz", "the document failed its checks: refuse or correct")
        )
    # An expired document bars entry (refusal reason A), not leaving the country.
    expired = document.expiry_date is not None and document.expiry_date < on_day
    if request.kind == Crossing.Kind.ENTRY and expired:
        problems.append(
            Problem(
                "document_expired", "document.expiry_date", f"expired on {document.expiry_date}"
            )
        )
    if problems:
        raise ServiceError(problems)


def _resolve_lane(crossing_point: CrossingPoint, code: str | None) -> Lane | None:
    if not code:
        return None
    lane = Lane.objects.filter(crossing_point=crossing_point, code=code).first()
    if lane is None:
        raise ServiceError.one("not_found", "lane", f"no lane {code!r} at {crossing_point.name_en}")
    return lane


def _resolve_group(crossing_point: CrossingPoint, group_id: uuid.UUID | None) -> TravelGroup | None:
    if group_id is None:
        return None
    group = TravelGroup.objects.filter(pk=group_id, crossing_point=crossing_point).first()
    if group is None:
        raise ServiceError.one("not_found", "group_id", "no such group at this crossing point")
    return group


def _resolve_vehicle(vehicle: tuple[str, str, str] | None) -> Vehicle | None:
    if vehicle is None:
        return None
    country, plate, kind = vehicle
    found, _ = Vehicle.objects.get_or_create(
        registration_country=country, plate=plate, defaults={"kind": kind}
    )
    return found


def _replay(actor: Actor, request: CrossingRequest) -> RecordedCrossing | None:
    existing = Crossing.objects.filter(client_id=request.client_id).first()
    if existing is None:
        return None
    same = (
        existing.kind == request.kind
        and existing.crossing_point.code == request.crossing_point_code
        and existing.document.number == request.document.number
        and existing.document.issuing_state == request.document.issuing_state
    )
    if not same:
        raise ServiceError.one(
            "client_id_conflict",
            "client_id",
            "this client_id was already used for a different crossing",
            status=409,
        )
    if existing.officer_id != actor.officer.pk:
        raise ServiceError.one(
            "client_id_conflict", "client_id", "this client_id belongs to another officer", 409
        )
    return RecordedCrossing(crossing=existing, replayed=True, stay=None)


def _stay_at(traveller: Traveller, kind: str, day: date) -> StayStatus | None:
    """The stay as the crossing about to be stored leaves it, evaluated once, before the insert.

    An exit is evaluated with the stay still open on the exit day (the exit day counts), which
    gives the days it went past its last allowed day; an entry as if entering on its day.
    """
    if kind == Crossing.Kind.REFUSAL:
        return None
    entering = day if kind == Crossing.Kind.ENTRY else None
    return stay_status(traveller=traveller, as_of=day, assume_entry_on=entering)


def _update_current_stay(traveller: Traveller, kind: str, day: date, status: StayStatus) -> None:
    """Keep the traveller's current-stay columns (decision 0005) in step with the crossing."""
    if kind == Crossing.Kind.EXIT:
        traveller.is_present = False
        traveller.stay_entry_date = None
        traveller.stay_last_allowed_day = None
    else:
        traveller.is_present = True
        traveller.stay_entry_date = day
        traveller.stay_last_allowed_day = _last_allowed_or_day_before(status, day)
    traveller.save(update_fields=["is_present", "stay_entry_date", "stay_last_allowed_day"])


def _last_allowed_or_day_before(status: StayStatus, entry_day: date) -> date | None:
    if status.unlimited:
        return None
    # No day allowed at all: the stay is over its limit from the entry day on.
    return status.last_allowed_day or entry_day - timedelta(days=1)


def crossing_record(*, actor: Actor, request: CrossingRequest) -> RecordedCrossing:
    """Record an entry, exit or refusal. Idempotent on `request.client_id`."""
    replay = _replay(actor, request)
    if replay is not None:
        return replay
    crossing_point = access.crossing_point_for_line_work(
        officer=actor.officer, code=request.crossing_point_code
    )
    occurred_at = request.occurred_at or timezone.now()
    _validate(request, occurred_at)
    lane = _resolve_lane(crossing_point, request.lane_code)
    group = _resolve_group(crossing_point, request.group_id)
    # Two races end in a unique-constraint error and a rolled-back transaction: two deliveries
    # of this request (the other won: answer with its record), or two lanes seeing the same new
    # passport at once (the other created the traveller: a second attempt finds them).
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return _record(actor, request, crossing_point, lane, group, occurred_at)
        except IntegrityError:
            replay = _replay(actor, request)
            if replay is not None:
                return replay
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _record(
    actor: Actor,
    request: CrossingRequest,
    crossing_point: CrossingPoint,
    lane: Lane | None,
    group: TravelGroup | None,
    occurred_at: datetime,
) -> RecordedCrossing:
    traveller, document = traveller_identify(document=request.document, name_ar=request.name_ar)
    day = local_day(occurred_at)
    status = _stay_at(traveller, request.kind, day)
    exit_overstay = status.overstay_days if status and status.present else 0
    crossing = Crossing.objects.create(
        client_id=request.client_id,
        kind=request.kind,
        traveller=traveller,
        document=document,
        crossing_point=crossing_point,
        lane=lane,
        officer=actor.officer,
        group=group,
        vehicle=_resolve_vehicle(request.vehicle),
        occurred_at=occurred_at,
        refusal_reasons="".join(sorted(set(request.refusal_reasons))),
        note=request.note,
        overstay_days=exit_overstay if request.kind == Crossing.Kind.EXIT else 0,
    )
    if status is not None:
        _update_current_stay(traveller, request.kind, day, status)
        if request.kind == Crossing.Kind.ENTRY:
            status = replace(status, present=True)  # evaluated as a projection, now a fact
    audit_record(
        actor=actor,
        action=f"crossing.{request.kind}",
        object_type="traveller",
        object_id=str(traveller.pk),
        crossing_point_code=crossing_point.code,
        details={
            "crossing_id": str(crossing.pk),
            "client_id": str(request.client_id),
            "document": f"{document.issuing_state} {document.number}",
            "refusal_reasons": crossing.refusal_reasons,
        },
    )
    return RecordedCrossing(crossing=crossing, replayed=False, stay=status)


def permit_problems(
    *, kind: str, valid_from: date, valid_until: date, max_stay_days: int | None
) -> list[Problem]:
    """What is wrong with a permit as asked (empty when it can be granted); the admin's form
    shows the same problems."""
    problems: list[Problem] = []
    if kind not in Permit.Kind.values:
        problems.append(Problem("invalid_value", "kind", f"one of {Permit.Kind.values}"))
    if valid_until < valid_from:
        problems.append(Problem("invalid_value", "valid_until", "ends before valid_from"))
    if kind != Permit.Kind.RESIDENCE and not max_stay_days:
        problems.append(Problem("missing_field", "max_stay_days", "a visa states its days of stay"))
    return problems


def permit_grant(
    *,
    actor: Actor,
    traveller: Traveller,
    kind: str,
    number: str,
    valid_from: date,
    valid_until: date,
    max_stay_days: int | None = None,
    entries_allowed: int | None = None,
) -> Permit:
    """Record a visa or residence permit; a traveller inside gets their stay re-evaluated."""
    problems = permit_problems(
        kind=kind, valid_from=valid_from, valid_until=valid_until, max_stay_days=max_stay_days
    )
    if problems:
        raise ServiceError(problems)
    with transaction.atomic():
        permit = Permit.objects.create(
            traveller=traveller,
            kind=kind,
            number=number,
            issued_by=actor.officer.agency,
            valid_from=valid_from,
            valid_until=valid_until,
            max_stay_days=max_stay_days if kind != Permit.Kind.RESIDENCE else None,
            entries_allowed=entries_allowed,
        )
        if traveller.is_present and traveller.stay_entry_date is not None:
            today = timezone.localdate()
            status = stay_status(traveller=traveller, as_of=today)
            traveller.stay_last_allowed_day = _last_allowed_or_day_before(
                status, traveller.stay_entry_date
            )
            traveller.save(update_fields=["stay_last_allowed_day"])
        audit_record(
            actor=actor,
            action="permit.grant",
            object_type="traveller",
            object_id=str(traveller.pk),
            details={
                "permit_id": permit.pk,
                "kind": kind,
                "number": number,
                "valid_from": valid_from.isoformat(),
                "valid_until": valid_until.isoformat(),
            },
        )
    return permit


def group_open(
    *, actor: Actor, crossing_point_code: str, kind: str, reference: str = ""
) -> TravelGroup:
    """Open a group (a pilgrim bus, a tour) whose members are then recorded together."""
    crossing_point = access.crossing_point_for_line_work(
        officer=actor.officer, code=crossing_point_code
    )
    if kind not in TravelGroup.Kind.values:
        raise ServiceError.one("invalid_value", "kind", f"one of {TravelGroup.Kind.values}")
    with transaction.atomic():
        group = TravelGroup.objects.create(
            kind=kind, reference=reference, crossing_point=crossing_point, opened_by=actor.officer
        )
        audit_record(
            actor=actor,
            action="group.open",
            object_type="travel_group",
            object_id=str(group.pk),
            crossing_point_code=crossing_point.code,
            details={"kind": kind, "reference": reference},
        )
    return group
