"""`hudud demo load`: lanes, officers, generated history, scenarios and demo accounts.

Generation happens once per database: if the demo's line officers exist, the data is left as
it is and only the demo accounts get fresh passwords (and the primary officer a fresh token).
Everything runs in one transaction, so an interrupted load leaves nothing half-written.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import TypeVar

from django.db import transaction
from django.db.models import F, Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from hudud.agencies.models import Officer
from hudud.border.models import (
    Crossing,
    CrossingPoint,
    Lane,
    StayRule,
    TravelDocument,
    TravelGroup,
    Traveller,
    Vehicle,
)
from hudud.demo import accounts, manifests, revenue, scenarios, watchlists
from hudud.demo.generate import DemoData, GenerationConfig, GenTraveller, generate
from hudud.demo.lanes import lanes_for
from hudud.demo.stays import apply_stays, policy_lookup

BATCH = 5000
_T = TypeVar("_T")


@dataclass
class LoadReport:
    loaded: bool  # False: demo data was already there and was left alone
    accounts: list[accounts.DemoAccount]
    token: str
    travellers: int = 0
    crossings: int = 0
    groups: int = 0
    watchlists: watchlists.WatchlistsReport | None = None
    flights: manifests.DemoFlights | None = None
    revenue: revenue.DemoRevenue | None = None
    timings: dict[str, float] = field(default_factory=dict)


def demo_load(
    *, travellers: int = 2000, seed: int = 1, days: int = 365, now: datetime | None = None
) -> LoadReport:
    """Load the demo into the database (once), then (every time) reset the demo accounts."""
    moment = timezone.localtime(now or timezone.now())
    timings: dict[str, float] = {}
    with transaction.atomic():
        loaded = not accounts.demo_data_present()
        data = _load_data(travellers, seed, days, moment, timings) if loaded else None
        demo_accounts = accounts.accounts_ensure()
        token = accounts.demo_token_issue(demo_accounts[0].officer)
        lists = _watchlists_load(demo_accounts, timings) if loaded else None
        flights = _manifests_load(demo_accounts, moment, timings) if loaded else None
        money = _revenue_load(demo_accounts, moment, seed, timings) if loaded else None
    report = LoadReport(
        loaded,
        demo_accounts,
        token,
        watchlists=lists,
        flights=flights,
        revenue=money,
        timings=timings,
    )
    if data is not None:
        report.travellers, report.groups = len(data.travellers), len(data.groups)
        report.crossings = sum(len(t.crossings) for t in data.travellers)
    return report


def _load_data(
    travellers: int, seed: int, days: int, now: datetime, timings: dict[str, float]
) -> DemoData:
    started = timezone.now()
    clock = time.perf_counter()
    points = list(
        CrossingPoint.objects.select_related("authority").filter(
            status__in=[CrossingPoint.Status.OPERATIONAL, CrossingPoint.Status.RESTRICTED]
        )
    )
    lanes = _lanes_ensure(points)
    officers = accounts.line_officers_ensure(points)
    config = GenerationConfig(travellers, seed, days, now, scenarios.reserved_numbers())
    data = generate(config)
    rules = {rule.nationality: rule.policy for rule in StayRule.objects.all()}
    apply_stays(data.travellers, policy_lookup(rules))
    timings["generate"] = time.perf_counter() - clock
    clock = time.perf_counter()
    _insert(data, {p.code: p.pk for p in points}, lanes, officers)
    timings["insert"] = time.perf_counter() - clock
    clock = time.perf_counter()
    scenarios.scenarios_build(now=now, officers=officers)
    _backdate(started)
    timings["finish"] = time.perf_counter() - clock
    return data


def _watchlists_load(
    demo_accounts: list[accounts.DemoAccount], timings: dict[str, float]
) -> watchlists.WatchlistsReport:
    clock = time.perf_counter()
    admin = next(a.officer for a in demo_accounts if a.username == "admin")
    report = watchlists.watchlists_load(admin=admin)
    timings["watchlists"] = time.perf_counter() - clock
    return report


def _manifests_load(
    demo_accounts: list[accounts.DemoAccount], now: datetime, timings: dict[str, float]
) -> manifests.DemoFlights:
    clock = time.perf_counter()
    admin = next(a.officer for a in demo_accounts if a.username == "admin")
    flights = manifests.manifests_load(admin=admin, now=now)
    timings["manifests"] = time.perf_counter() - clock
    return flights


def _revenue_load(
    demo_accounts: list[accounts.DemoAccount], now: datetime, seed: int, timings: dict[str, float]
) -> revenue.DemoRevenue:
    clock = time.perf_counter()
    customs = next(a.officer for a in demo_accounts if a.username == "customs.ummqasr")
    loaded = revenue.revenue_load(customs=customs, now=now, seed=seed)
    timings["revenue"] = time.perf_counter() - clock
    return loaded


def _lanes_ensure(points: Sequence[CrossingPoint]) -> dict[tuple[str, str], int]:
    existing = {(lane.crossing_point_id, lane.code) for lane in Lane.objects.all()}
    Lane.objects.bulk_create(
        Lane(crossing_point=point, code=code, kind=kind, direction=direction)
        for point in points
        for code, kind, direction in lanes_for(point.code, point.kind)
        if (point.pk, code) not in existing
    )
    codes = {point.pk: point.code for point in points}
    return {
        (codes[lane.crossing_point_id], lane.code): lane.pk
        for lane in Lane.objects.filter(crossing_point__in=points)
    }


def _chunks(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _insert(
    data: DemoData,
    points: dict[str, int],
    lanes: dict[tuple[str, str], int],
    officers: dict[tuple[str, int], Officer],
) -> None:
    vehicles = {
        group.vehicle: Vehicle(
            registration_country=group.vehicle[0],
            plate=group.vehicle[1],
            kind=Vehicle.Kind.BUS,
            description="Pilgrim bus (demo)",
        )
        for group in data.groups
    }
    Vehicle.objects.bulk_create(vehicles.values(), batch_size=BATCH)
    TravelGroup.objects.bulk_create(
        (
            TravelGroup(
                id=g.id,
                kind=TravelGroup.Kind.PILGRIM_BUS,
                reference=g.reference,
                crossing_point_id=points[g.crossing_point],
                vehicle=vehicles[g.vehicle],
                opened_by=officers[(g.crossing_point, g.officer_slot)],
            )
            for g in data.groups
        ),
        batch_size=BATCH,
    )
    documents = _insert_travellers(data.travellers)
    vehicle_ids = {key: vehicle.pk for key, vehicle in vehicles.items()}
    rows = (
        Crossing(
            id=c.id,
            client_id=c.client_id,
            kind=c.kind,
            traveller_id=t.id,
            document_id=documents[t.id],
            crossing_point_id=points[c.crossing_point],
            lane_id=lanes.get((c.crossing_point, c.lane)),
            officer_id=officers[(c.crossing_point, c.officer_slot)].pk,
            group_id=c.group,
            vehicle_id=vehicle_ids[c.vehicle] if c.vehicle else None,
            occurred_at=c.occurred_at,
            refusal_reasons=c.refusal_reasons,
            overstay_days=c.overstay_days,
        )
        for t in data.travellers
        for c in t.crossings
    )
    for chunk in _chunks(rows, BATCH):
        Crossing.objects.bulk_create(chunk)


def _insert_travellers(travellers: list[GenTraveller]) -> dict[object, int]:
    """Insert travellers and their passports; the passport's id per traveller id."""
    people = (
        Traveller(
            id=t.id,
            surname=t.surname,
            given_names=t.given_names,
            name_ar=t.name_ar,
            birth_date=t.birth_date,
            sex=t.sex,
            nationality=t.nationality,
            is_present=t.is_present,
            stay_entry_date=t.stay_entry_date,
            stay_last_allowed_day=t.stay_last_allowed_day,
        )
        for t in travellers
    )
    for chunk in _chunks(people, BATCH):
        Traveller.objects.bulk_create(chunk)
    documents: dict[object, int] = {}
    passports = (
        TravelDocument(
            traveller_id=t.id,
            kind=t.passport.kind,
            document_code=t.passport.document_code,
            number=t.passport.number,
            issuing_state=t.passport.issuing_state,
            nationality=t.nationality,
            expiry_date=t.passport.expiry_date,
        )
        for t in travellers
    )
    for batch in _chunks(passports, BATCH):
        for document in TravelDocument.objects.bulk_create(batch):
            documents[document.traveller_id] = document.pk
    return documents


def _backdate(started: datetime) -> None:
    """Give bulk-inserted rows the times they would have had, had they been recorded live:
    `auto_now_add` stamped them with the moment of loading."""
    first = Crossing.objects.filter(traveller=OuterRef("pk")).order_by("occurred_at")
    Traveller.objects.filter(created_at__gte=started).update(
        created_at=Coalesce(Subquery(first.values("occurred_at")[:1]), F("created_at"))
    )
    seen = (
        Crossing.objects.filter(document=OuterRef("pk"))
        .values("document")
        .annotate(first=Min("occurred_at"), last=Max("occurred_at"))
    )
    TravelDocument.objects.filter(first_seen_at__gte=started).update(
        first_seen_at=Coalesce(Subquery(seen.values("first")[:1]), F("first_seen_at")),
        last_seen_at=Coalesce(Subquery(seen.values("last")[:1]), F("last_seen_at")),
    )
    opened = Crossing.objects.filter(group=OuterRef("pk")).order_by("occurred_at")
    TravelGroup.objects.filter(opened_at__gte=started).update(
        opened_at=Coalesce(Subquery(opened.values("occurred_at")[:1]), F("opened_at"))
    )
    Crossing.objects.filter(recorded_at__gte=started).update(recorded_at=F("occurred_at"))
