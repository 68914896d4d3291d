"""The demo's advance passenger information (journey 5): a carrier and two flights from
Istanbul to Najaf, both sent through the same service carriers use.

- ZZ482 leaves an hour after the demo is loaded: its list holds a person on the national entry
  ban (the carrier is told "do not board") and one without a document number ("insufficient
  data"); the board shows them, and the primary line at Najaf sees each passenger's result.
- ZZ480 landed two and a half hours before the load: most of its travellers entered at Najaf,
  some did not (no-shows) and two people who were on no manifest arrived with it.
Every traveller is made up (`hudud.core.paxlst.generate_flight`); the banned person is the demo
list's own invented entry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import F
from django.utils import timezone

from hudud.agencies.models import Officer
from hudud.border.documents import document_from_fields
from hudud.border.models import Crossing, TravelDocument, Traveller
from hudud.border.services import CrossingRequest, crossing_record
from hudud.common.actor import Actor
from hudud.core import paxlst
from hudud.manifests.models import Carrier
from hudud.manifests.services import carrier_register, manifest_receive
from hudud.manifests.synthetic import FlightPlan, flight_files

CARRIER_CODE, CARRIER_NAME, CARRIER_USERNAME = "ZZ", "Synthetic Airways (demo)", "carrier.zz"
# The demo entry ban's first invented person (hudud/demo/watchlists.py).
BANNED = ("QWERTYAN", "ZZDEMO", date(1971, 2, 3), "SYR", "M")
STRAYS = (("UNLISTED", "ECHO DEMO", "T0000901"), ("OFFMANIFEST", "FOXTROT DEMO", "T0000902"))


@dataclass
class DemoFlights:
    carrier: str = CARRIER_CODE
    flights: int = 0
    travellers: int = 0
    entries: int = 0


def manifests_load(*, admin: Officer, now: datetime) -> DemoFlights:
    """Register the demo carrier and send its two flights (call inside the demo's transaction)."""
    report = DemoFlights()
    if Carrier.objects.filter(code=CARRIER_CODE).exists():
        return report
    carrier, _ = carrier_register(
        actor=Actor(admin), code=CARRIER_CODE, name=CARRIER_NAME, username=CARRIER_USERNAME
    )
    sender = Actor(carrier.account) if carrier.account else None
    if sender is None:
        return report
    local = timezone.localtime(now).replace(tzinfo=None, second=0, microsecond=0)
    upcoming = FlightPlan(
        number="ZZ482", departure=local + timedelta(hours=1), passengers=180, crew=8, seed=482
    )
    landed = FlightPlan(
        number="ZZ480", departure=local - timedelta(hours=5), passengers=40, crew=6, seed=480
    )
    for plan, edit in ((upcoming, _journey_travellers), (landed, None)):
        for data in flight_files(plan, edit=edit, single_file=True):
            receipt = manifest_receive(actor=sender, data=data, at=now)
            report.travellers += len(receipt.submission.responses)
        report.flights += 1
    report.entries = _arrivals(landed)
    return report


def _journey_travellers(messages: list[paxlst.Message]) -> None:
    people = [t for m in messages if m.list_type == "passengers" for t in m.travellers]
    surname, given, born, nationality, sex = BANNED
    banned = people[7]
    banned.surname, banned.given_names, banned.birth_date, banned.sex = surname, given, born, sex
    banned.nationality = banned.country_of_residence = nationality
    banned.documents = [
        paxlst.Document(type="P", number="N0000471", issuing_state=nationality,
                        expiry_date=date(2030, 6, 30))
    ]  # fmt: skip
    people[21].documents[0].number = None  # the carrier's check-in left it empty


def _arrivals(plan: FlightPlan) -> int:
    """Entries at Najaf for most of the landed flight's travellers, and two strays."""
    officer = (
        Officer.objects.select_related("agency", "user")
        .filter(role=Officer.Role.PRIMARY, postings__crossing_point__code="najaf-airport")
        .order_by("badge_number")
        .first()
    )
    if officer is None:
        return 0
    landed = timezone.make_aware(plan.departure + timedelta(minutes=plan.minutes))
    travellers = [t for m in paxlst.parse(flight_files(plan, single_file=True)[0]).messages
                  for t in m.travellers]  # fmt: skip
    arriving = [t for i, t in enumerate(travellers) if i % 5 != 4]  # every fifth stays away
    recorded = [
        _enter(officer, traveller, landed + timedelta(minutes=15 + index))
        for index, traveller in enumerate(arriving)
    ]
    for index, (surname, given, number) in enumerate(STRAYS):
        stray = paxlst.Traveller(
            party="FL",
            role="passenger",
            surname=surname,
            given_names=given,
            sex="M",
            birth_date=date(1980 + index, 5, 5),
            nationality="TUR",
        )
        stray.documents = [paxlst.Document(type="P", number=number, issuing_state="TUR",
                                           expiry_date=date(2031, 1, 1))]  # fmt: skip
        recorded.append(_enter(officer, stray, landed + timedelta(minutes=20 + index)))
    _backdate(recorded)
    return len(recorded)


def _backdate(crossings: list[Crossing]) -> None:
    """As the rest of the demo: rows stamped with when they happened, not with the load."""
    Crossing.objects.filter(pk__in=[c.pk for c in crossings]).update(recorded_at=F("occurred_at"))
    for crossing in crossings:
        Traveller.objects.filter(pk=crossing.traveller_id).update(created_at=crossing.occurred_at)
        TravelDocument.objects.filter(pk=crossing.document_id).update(
            first_seen_at=crossing.occurred_at, last_seen_at=crossing.occurred_at
        )


def _enter(officer: Officer, traveller: paxlst.Traveller, at: datetime) -> Crossing:
    document = traveller.documents[0]
    return crossing_record(
        actor=Actor(officer),
        request=CrossingRequest(
            client_id=uuid.uuid4(),
            kind="entry",
            crossing_point_code="najaf-airport",
            document=document_from_fields(
                document_code=document.type or "P",
                issuing_state=document.issuing_state or "",
                number=document.number or "",
                nationality=traveller.nationality or "",
                surname=traveller.surname or "",
                given_names=traveller.given_names or "",
                birth_date=traveller.birth_date,
                sex=traveller.sex or "X",
                expiry_date=document.expiry_date,
            ),
            occurred_at=at,
        ),
    ).crossing
