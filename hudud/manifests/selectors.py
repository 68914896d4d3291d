"""Reads of advance passenger information, scoped through `access` and audited when they show
personal data. `pre_arrival_for` is a building block of the primary-line check, which does its
own access check and audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.border.models import CrossingPoint
from hudud.common.actor import Actor
from hudud.manifests import access, conf, masking
from hudud.manifests.arrivals import Matcher, Reconciliation, reconcile, state_variants
from hudud.manifests.models import Flight, ManifestChange, ManifestTraveller, Submission

LIST_LIMIT = 200
EXPECTED, LANDED, CLOSED = "expected", "landed", "closed"


def _current(flight: Flight) -> QuerySet[ManifestTraveller]:
    return ManifestTraveller.objects.filter(flight=flight, removed_at__isnull=True)


def flight_status(flight: Flight, now: datetime) -> str:
    """expected before the scheduled arrival, landed until the grace period ends, then closed."""
    if now < flight.scheduled_arrival:
        return EXPECTED
    return LANDED if now < flight.scheduled_arrival + conf.grace() else CLOSED


# --- carriers' submissions ----------------------------------------------------------------------


def submissions_list(*, actor: Actor, limit: int = LIST_LIMIT) -> list[Submission]:
    """The submissions the actor may read, newest first (without their raw bytes)."""
    rows = list(
        access.submissions_visible(actor.officer)
        .select_related("carrier", "flight")
        .defer("raw", "parsed")
        .order_by("-received_at")[: max(1, min(limit, LIST_LIMIT))]
    )
    audit_record(
        actor=actor,
        action="submissions.list",
        object_type="submission_list",
        object_id=actor.officer.badge_number,
        details={"count": len(rows)},
    )
    return rows


def submission_detail(*, actor: Actor, submission_id: str, part: str = "detail") -> Submission:
    """One submission with its reading and answer; `part` names what is read (detail, response,
    raw) in the audit event."""
    submission = access.submission_for_read(
        officer=actor.officer, submission_id=submission_id, part=part
    )
    audit_record(
        actor=actor,
        action=f"submission.read_{part}",
        object_type="submission",
        object_id=str(submission.pk),
        crossing_point_code=submission.flight.crossing_point.code if submission.flight else "",
        details={"reference": submission.reference},
    )
    return submission


# --- flight boards ------------------------------------------------------------------------------


@dataclass
class FlightSummary:
    flight: Flight
    status: str
    passengers: int
    crew: int
    hits: int
    do_not_board: int
    insufficient_data: int
    problems: int


def flights_list(
    *, actor: Actor, crossing_point_code: str = "", day: date | None = None
) -> list[FlightSummary]:
    """Flights arriving on `day` (local; default today), with their counts, in arrival order."""
    now = timezone.now()
    day = day or timezone.localtime(now).date()
    start = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    flights = access.flights_visible(actor.officer).filter(
        scheduled_arrival__gte=start, scheduled_arrival__lt=start + timedelta(days=1)
    )
    if crossing_point_code:
        flights = flights.filter(crossing_point__code=crossing_point_code)
    current = Q(travellers__removed_at__isnull=True)
    rows = list(
        flights.select_related("carrier", "crossing_point")
        .annotate(
            n_passengers=Count("travellers", filter=current & Q(travellers__role="passenger")),
            n_crew=Count("travellers", filter=current & Q(travellers__role="crew")),
            n_hits=Count("travellers", filter=current & Q(travellers__screening_status="hit")),
            n_deny=Count("travellers", filter=current & Q(travellers__board_status="do_not_board")),
            n_insufficient=Count(
                "travellers", filter=current & Q(travellers__board_status="insufficient_data")
            ),
            n_problems=Count("travellers", filter=current & Q(travellers__findings_count__gt=0)),
        )
        .order_by("scheduled_arrival")[:LIST_LIMIT]
    )
    audit_record(
        actor=actor,
        action="flights.list",
        object_type="flight_list",
        object_id=crossing_point_code or "all",
        crossing_point_code=crossing_point_code,
        details={"day": day.isoformat(), "count": len(rows)},
    )
    return [
        FlightSummary(
            flight=f,
            status=flight_status(f, now),
            passengers=f.n_passengers,
            crew=f.n_crew,
            hits=f.n_hits,
            do_not_board=f.n_deny,
            insufficient_data=f.n_insufficient,
            problems=f.n_problems,
        )
        for f in rows
    ]


@dataclass
class Board:
    """One arriving flight as the airport sees it."""

    flight: Flight
    status: str
    counts: dict[str, int | None]
    with_hits: list[ManifestTraveller]
    with_problems: list[ManifestTraveller]
    reconciliation: Reconciliation
    changes: list[ManifestChange] = field(default_factory=list)


def flight_board(*, actor: Actor, flight_id: str, now: datetime | None = None) -> Board:
    """The board: counts (declared and found, passengers and crew, answers), the travellers with
    hits or data-quality problems, and after arrival the no-shows and those not on the manifest."""
    flight = access.flight_for_read(officer=actor.officer, flight_id=flight_id)
    now = now or timezone.now()
    travellers = list(_current(flight).order_by("list_type", "position"))
    reconciliation = reconcile(flight, travellers, now)
    board = Board(
        flight=flight,
        status=flight_status(flight, now),
        counts=_counts(flight, travellers, reconciliation),
        with_hits=[t for t in travellers if t.hits],
        with_problems=[t for t in travellers if t.findings_count],
        reconciliation=reconciliation,
        changes=_masked_changes(
            actor, ManifestChange.objects.filter(flight=flight).order_by("-version", "-id")[:20]
        ),
    )
    # After the counts and the reconciliation, which match on the values in full.
    for row in travellers:
        masking.row_details_for(actor.officer, row)
    _audit_flight(actor, flight, "flight.board", {"status": board.status})
    return board


def _counts(
    flight: Flight, travellers: list[ManifestTraveller], reconciliation: Reconciliation
) -> dict[str, int | None]:
    def count(**match: str) -> int:
        return sum(1 for t in travellers if all(getattr(t, k) == v for k, v in match.items()))

    return {
        "passengers_declared": flight.declared_passengers,
        "passengers_found": count(role="passenger"),
        "crew_declared": flight.declared_crew,
        "crew_found": count(role="crew"),
        "ok": count(board_status="ok"),
        "do_not_board": count(board_status="do_not_board"),
        "insufficient_data": count(board_status="insufficient_data"),
        "hits": sum(1 for t in travellers if t.screening_status == "hit"),
        "problems": sum(1 for t in travellers if t.findings_count),
        "arrived": len(reconciliation.arrived),
        "no_shows": len(reconciliation.no_shows),
        "not_on_manifest": len(reconciliation.not_on_manifest),
    }


def flight_travellers(
    *, actor: Actor, flight_id: str, include_removed: bool = False
) -> tuple[Flight, list[ManifestTraveller]]:
    flight = access.flight_for_read(officer=actor.officer, flight_id=flight_id)
    rows = ManifestTraveller.objects.filter(flight=flight)
    if not include_removed:
        rows = rows.filter(removed_at__isnull=True)
    travellers = list(rows.order_by("list_type", "position"))
    for row in travellers:
        masking.row_details_for(actor.officer, row)
    _audit_flight(actor, flight, "flight.travellers", {"count": len(travellers)})
    return flight, travellers


def flight_history(*, actor: Actor, flight_id: str) -> tuple[Flight, list[ManifestChange]]:
    flight = access.flight_for_read(officer=actor.officer, flight_id=flight_id)
    changes = _masked_changes(
        actor,
        ManifestChange.objects.filter(flight=flight)
        .select_related("submission")
        .order_by("version", "id"),
    )
    _audit_flight(actor, flight, "flight.history", {"count": len(changes)})
    return flight, changes


def _masked_changes(actor: Actor, changes: QuerySet[ManifestChange]) -> list[ManifestChange]:
    """The changes with their before/after values as the officer may see them. The instances
    are read-only records (never saved), so their `fields` are replaced in memory."""
    rows = list(changes)
    for change in rows:
        change.fields = masking.change_fields_for(actor.officer, change.fields)
    return rows


def _audit_flight(actor: Actor, flight: Flight, action: str, details: dict[str, object]) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="flight",
        object_id=str(flight.pk),
        crossing_point_code=flight.crossing_point.code,
        details=details,
    )


# --- the primary line ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PreArrival:
    """The manifest record a traveller at the primary line was matched to, and how."""

    traveller: ManifestTraveller
    matched_by: str  # "document" or "name_and_birth_date"


def pre_arrival_for(
    *,
    crossing_point: CrossingPoint,
    issuing_state: str,
    number: str,
    surname: str,
    given_names: str,
    birth_date: date | None,
    at: datetime,
) -> PreArrival | None:
    """The traveller's record on a manifest of a flight arriving at `crossing_point` around
    `at`: by document (issuing state and number), else by name and birth date. When several
    flights hold them, the one arriving closest to `at`."""
    after, before = conf.match_window()
    flights = Flight.objects.filter(
        crossing_point=crossing_point,
        scheduled_arrival__gte=at - after,
        scheduled_arrival__lte=at + before,
    )
    rows = ManifestTraveller.objects.filter(flight__in=flights, removed_at__isnull=True)
    by_document = Q(
        document_number=number.strip().upper(),
        document_issuing_state__in=state_variants(issuing_state),
    )
    by_name = (
        Q(birth_date=birth_date, surname__iexact=surname.strip()) if birth_date else Q(pk=None)
    )
    candidates = list(
        rows.filter(by_document | by_name).select_related("flight__carrier", "submission")
    )
    candidates.sort(key=lambda row: abs(row.flight.scheduled_arrival - at))
    found = Matcher(candidates).find(
        state=issuing_state,
        number=number,
        surname=surname,
        given_names=given_names,
        birth=birth_date,
    )
    return PreArrival(*found) if found is not None else None
