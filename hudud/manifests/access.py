"""Who may send, see and read what of advance passenger information.

- A carrier's account (role `carrier`, linked to an active `Carrier`) sends its carrier's lists
  and reads its own submissions and the responses sent to them, never anyone else's and never
  the screening behind a response.
- Line officers (primary, secondary, supervisor) of an agency with a border-control or security
  mandate see the boards of the flights arriving at the airports they are posted to;
  supervisors there also read the submissions behind those flights.
- Analysts and auditors read every board and every submission and change nothing. Analysts
  see birth dates and document numbers masked (`agencies.mandates.FIELD_RULES`), so they do
  not get the interchanges as sent or answered (raw and response EDIFACT), which cannot be
  masked without ceasing to be what was sent.
- Everyone else is refused; a flight or submission outside one's reach reads as not found.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from hudud.agencies.mandates import sees_in_full
from hudud.agencies.models import Officer
from hudud.border.models import Posting
from hudud.common.errors import AccessDenied, NotFound
from hudud.manifests.models import Carrier, Flight, Submission
from hudud.watchlists.access import has_screening_mandate

BOARD_LINE_ROLES = frozenset(
    {Officer.Role.PRIMARY, Officer.Role.SECONDARY, Officer.Role.SUPERVISOR}
)
READ_ALL_ROLES = frozenset({Officer.Role.ANALYST, Officer.Role.AUDITOR})


def carrier_for_sending(officer: Officer) -> Carrier:
    """The carrier whose lists `officer` (a carrier's system account) sends."""
    if officer.role != Officer.Role.CARRIER:
        raise AccessDenied("only a carrier's system account sends passenger lists")
    carrier = Carrier.objects.filter(account=officer).first()
    if carrier is None or not carrier.active:
        raise AccessDenied("this account is not linked to an active carrier")
    return carrier


def _posted_points(officer: Officer) -> QuerySet[Posting, Any]:
    return Posting.objects.of(officer).values("crossing_point")


def flights_visible(officer: Officer) -> QuerySet[Flight]:
    """The flights whose board `officer` may open."""
    flights = Flight.objects.all()
    if officer.role in READ_ALL_ROLES:
        return flights
    if officer.role in BOARD_LINE_ROLES and has_screening_mandate(officer):
        return flights.filter(crossing_point__in=_posted_points(officer))
    raise AccessDenied("your role or agency does not give access to flight boards")


def flight_for_read(*, officer: Officer, flight_id: str) -> Flight:
    flight = (
        flights_visible(officer)
        .select_related("carrier", "crossing_point")
        .filter(pk=flight_id)
        .first()
    )
    if flight is None:
        # Not found and not yours read the same: who flies where is itself sensitive.
        raise NotFound("flight_id", "no such flight")
    return flight


def submissions_visible(officer: Officer) -> QuerySet[Submission]:
    """The submissions `officer` may read: a carrier its own, supervisors those of flights at
    their posts, analysts and auditors all."""
    submissions = Submission.objects.all()
    if officer.role == Officer.Role.CARRIER:
        return submissions.filter(carrier__account=officer)
    if officer.role in READ_ALL_ROLES:
        return submissions
    if officer.role == Officer.Role.SUPERVISOR and has_screening_mandate(officer):
        return submissions.filter(flight__crossing_point__in=_posted_points(officer))
    raise AccessDenied("your role does not give access to carriers' submissions")


# The parts of a submission that are the interchange itself, unmaskable.
INTERCHANGE_PARTS = frozenset({"raw", "response"})


def submission_for_read(
    *, officer: Officer, submission_id: str, part: str = "detail"
) -> Submission:
    """The submission, if `officer` may read it; its `part` ("raw", "response": the EDIFACT
    as exchanged) only for those who see passengers' data in full, or the carrier its own."""
    if part in INTERCHANGE_PARTS and not _sees_interchange(officer):
        raise AccessDenied("your role sees passengers' data masked: read the submission's detail")
    submission = (
        submissions_visible(officer)
        .select_related("carrier", "flight__crossing_point")
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        raise NotFound("submission_id", "no such submission")
    return submission


def _sees_interchange(officer: Officer) -> bool:
    if officer.role == Officer.Role.CARRIER:
        return True  # its own messages only: submissions_visible narrows it
    return sees_in_full(officer, "document_number") and sees_in_full(officer, "birth_date")
