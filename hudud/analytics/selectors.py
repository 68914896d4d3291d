"""Flows at the border, counted: crossings per crossing point per day against the level
expected for that day, nationalities, refusals by reason, overstays and watchlist hits.

Counts only, never a person. The expected level of a day is the average of the same weekday
over the `EXPECTED_WEEKS` weeks before it: border traffic has a weekly rhythm (Fridays are
quiet at most land crossings) and drifts with the seasons, so last month's same weekdays say
more than a yearly mean. Each figure is one grouped query over the period, whatever the
number of crossing points or days (the tests hold the query count).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet

from hudud.analytics import access
from hudud.analytics.days import LocalDay, day_start, days_between, fixed_offset
from hudud.audit.services import audit_record
from hudud.border.models import Crossing, CrossingPoint, Traveller
from hudud.common.actor import Actor
from hudud.common.errors import NotFound, ServiceError
from hudud.watchlists.models import Alert

EXPECTED_WEEKS = 4
DEFAULT_PERIOD_DAYS = 28
MAX_PERIOD_DAYS = 366
TOP_NATIONALITIES = 12
# A day more than this far above or below its expected level is flagged as unusual.
UNUSUAL_DEVIATION = 0.5
_HISTORY = timedelta(weeks=EXPECTED_WEEKS)


@dataclass(frozen=True)
class Period:
    """Calendar days in Baghdad time, `first` to `last` included."""

    first: date
    last: date

    @classmethod
    def ending(cls, last: date, days: int = DEFAULT_PERIOD_DAYS) -> Period:
        return cls(last - timedelta(days=days - 1), last)

    def checked(self) -> Period:
        if self.first > self.last:
            raise ServiceError.one("invalid", "first", "the period starts after it ends")
        if (self.last - self.first).days + 1 > MAX_PERIOD_DAYS:
            raise ServiceError.one(
                "invalid", "first", f"a period is at most {MAX_PERIOD_DAYS} days long"
            )
        return self

    @property
    def days(self) -> list[date]:
        return days_between(self.first, self.last)


@dataclass
class Flow:
    entries: int = 0
    exits: int = 0
    refusals: int = 0
    overstay_exits: int = 0  # exits of travellers who stayed past their last allowed day

    @property
    def total(self) -> int:
        return self.entries + self.exits + self.refusals

    def add(self, kind: str, count: int, overstays: int) -> None:
        if kind == Crossing.Kind.ENTRY:
            self.entries += count
        elif kind == Crossing.Kind.EXIT:
            self.exits += count
            self.overstay_exits += overstays
        else:
            self.refusals += count

    def merge(self, other: Flow) -> None:
        self.entries += other.entries
        self.exits += other.exits
        self.refusals += other.refusals
        self.overstay_exits += other.overstay_exits


@dataclass(frozen=True)
class Measured:
    """A count beside the level expected for it."""

    flow: Flow
    expected: float

    @property
    def deviation(self) -> float | None:
        """How far the count is from the expected level: 0.5 is half again as many."""
        if self.expected == 0:
            return None
        return self.flow.total / self.expected - 1

    @property
    def unusual(self) -> bool:
        if self.expected == 0:
            return self.flow.total > 0
        return abs(self.deviation or 0) > UNUSUAL_DEVIATION


@dataclass(frozen=True, kw_only=True)
class DayFlow(Measured):
    day: date


@dataclass(frozen=True, kw_only=True)
class PointFlow(Measured):
    point: CrossingPoint


@dataclass
class _Counts:
    """Flows per (crossing point id, day) and per day, refusal reasons per day."""

    flows: dict[tuple[int, date], Flow] = field(default_factory=lambda: defaultdict(Flow))
    by_day: dict[date, Flow] = field(default_factory=lambda: defaultdict(Flow))
    reasons: dict[date, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, point_id: int, day: date, kind: str, count: int, overstays: int) -> None:
        self.flows[(point_id, day)].add(kind, count, overstays)
        self.by_day[day].add(kind, count, overstays)

    def day(self, day: date, point_id: int | None = None) -> Flow:
        found = self.by_day.get(day) if point_id is None else self.flows.get((point_id, day))
        return found or Flow()

    def expected(self, day: date, point_id: int | None = None) -> float:
        weeks = range(1, EXPECTED_WEEKS + 1)
        return sum(self.day(day - timedelta(weeks=k), point_id).total for k in weeks) / len(weeks)

    def in_period(self, period: Period) -> tuple[Flow, Counter[str]]:
        flow, reasons = Flow(), Counter[str]()
        for day in period.days:
            flow.merge(self.day(day))
            reasons.update(self.reasons.get(day, {}))
        return flow, reasons


def _crossings(first: date, last: date, point: CrossingPoint | None) -> QuerySet[Crossing]:
    crossings = Crossing.objects.filter(
        occurred_at__gte=day_start(first), occurred_at__lt=day_start(last + timedelta(days=1))
    )
    return crossings.filter(crossing_point=point) if point is not None else crossings


def _counts(first: date, last: date, point: CrossingPoint | None = None) -> _Counts:
    """One grouped query: crossings per day, crossing point, kind and refusal codes."""
    rows = (
        _crossings(first, last, point)
        .annotate(day=LocalDay("occurred_at", offset=fixed_offset(first, last)))
        .values("day", "crossing_point_id", "kind", "refusal_reasons")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(overstay_days__gt=0)))
        .order_by()
    )
    counts = _Counts()
    for row in rows:
        counts.add(row["crossing_point_id"], row["day"], row["kind"], row["n"], row["late"])
        for code in row["refusal_reasons"]:
            counts.reasons[row["day"]][code] += row["n"]
    return counts


@dataclass(frozen=True)
class Nationality:
    code: str  # "" for the others, summed
    entries: int
    exits: int
    refusals: int

    @property
    def total(self) -> int:
        return self.entries + self.exits + self.refusals


def _nationalities(period: Period, point: CrossingPoint | None = None) -> list[Nationality]:
    rows = (
        _crossings(period.first, period.last, point)
        .values("traveller__nationality")
        .annotate(
            entries=Count("pk", filter=Q(kind=Crossing.Kind.ENTRY)),
            exits=Count("pk", filter=Q(kind=Crossing.Kind.EXIT)),
            refusals=Count("pk", filter=Q(kind=Crossing.Kind.REFUSAL)),
        )
        .order_by()
    )
    found = sorted(
        (
            Nationality(r["traveller__nationality"], r["entries"], r["exits"], r["refusals"])
            for r in rows
        ),
        key=lambda n: (-n.total, n.code),
    )
    top, rest = found[:TOP_NATIONALITIES], found[TOP_NATIONALITIES:]
    if rest:
        top.append(
            Nationality(
                "",
                sum(n.entries for n in rest),
                sum(n.exits for n in rest),
                sum(n.refusals for n in rest),
            )
        )
    return top


@dataclass(frozen=True)
class Hits:
    raised: int
    confirmed: int
    dismissed: int
    open_now: int


def _hits(period: Period, point: CrossingPoint | None = None) -> Hits:
    start, end = day_start(period.first), day_start(period.last + timedelta(days=1))
    alerts = Alert.objects.all() if point is None else Alert.objects.filter(crossing_point=point)
    decided = Q(decided_at__gte=start, decided_at__lt=end)
    counts = alerts.aggregate(
        raised=Count("pk", filter=Q(raised_at__gte=start, raised_at__lt=end)),
        confirmed=Count("pk", filter=decided & Q(status=Alert.Status.CONFIRMED)),
        dismissed=Count("pk", filter=decided & Q(status=Alert.Status.DISMISSED)),
        open_now=Count("pk", filter=Q(status=Alert.Status.OPEN)),
    )
    return Hits(**counts)


@dataclass(frozen=True)
class Overview:
    period: Period
    yesterday: date
    points: list[PointFlow]  # yesterday, per crossing point with traffic or an expected level
    days: list[DayFlow]  # every day of the period, all crossing points together
    total: Flow  # the whole period
    refusal_reasons: list[tuple[str, int]]  # reason code and count, most frequent first
    nationalities: list[Nationality]
    overstayers_inside: int  # as of today: inside past their last allowed day
    hits: Hits


def flows_overview(*, actor: Actor, period: Period, today: date) -> Overview:
    """The analyst's morning (journey 6): yesterday per crossing point against the expected
    level, the period day by day, refusals by reason, nationalities, overstays and hits."""
    access.ensure_can_read_dashboard(actor.officer)
    period = period.checked()
    yesterday = today - timedelta(days=1)
    first = min(period.first, yesterday) - _HISTORY
    counts = _counts(first, max(period.last, yesterday))
    points = [
        PointFlow(counts.day(yesterday, p.pk), counts.expected(yesterday, p.pk), point=p)
        for p in CrossingPoint.objects.order_by("name_en")
    ]
    total, reasons = counts.in_period(period)
    overview = Overview(
        period=period,
        yesterday=yesterday,
        points=sorted(
            (p for p in points if p.flow.total or p.expected),
            key=lambda p: (-p.flow.total, -p.expected),
        ),
        days=[DayFlow(counts.day(d), counts.expected(d), day=d) for d in period.days],
        total=total,
        refusal_reasons=sorted(reasons.items(), key=lambda item: (-item[1], item[0])),
        nationalities=_nationalities(period),
        overstayers_inside=Traveller.objects.filter(
            is_present=True, stay_last_allowed_day__lt=today
        ).count(),
        hits=_hits(period),
    )
    _audit(actor, "overview", period)
    return overview


@dataclass(frozen=True)
class PointOverview:
    point: CrossingPoint
    period: Period
    days: list[DayFlow]
    total: Flow
    peak: DayFlow | None  # the busiest day of the period
    refusal_reasons: list[tuple[str, int]]
    nationalities: list[Nationality]
    hits: Hits


def point_flows(*, actor: Actor, code: str, period: Period) -> PointOverview:
    """One crossing point day by day (drilling into Zurbatiya shows the Arbaeen surge)."""
    access.ensure_can_read_dashboard(actor.officer)
    period = period.checked()
    point = CrossingPoint.objects.filter(code=code).first()
    if point is None:
        raise NotFound("code", f"no crossing point with code {code!r}")
    counts = _counts(period.first - _HISTORY, period.last, point)
    days = [DayFlow(counts.day(d), counts.expected(d), day=d) for d in period.days]
    total, reasons = counts.in_period(period)
    busiest = max(days, key=lambda d: d.flow.total, default=None)
    result = PointOverview(
        point=point,
        period=period,
        days=days,
        total=total,
        peak=busiest if busiest is not None and busiest.flow.total else None,
        refusal_reasons=sorted(reasons.items(), key=lambda item: (-item[1], item[0])),
        nationalities=_nationalities(period, point),
        hits=_hits(period, point),
    )
    _audit(actor, point.code, period)
    return result


def map_traffic(*, actor: Actor, day: date, now: datetime | None = None) -> list[PointFlow]:
    """Every crossing point with its traffic on `day` (today on the map) against the level
    expected for that day, for the map's markers.

    For the day still under way (`now` falls on it) the expected level counts the earlier
    weeks' same weekdays only up to the same time of day: at ten in the morning a crossing
    point is not "well below" a whole day's traffic.
    """
    access.ensure_can_read_dashboard(actor.officer)
    counts = _counts(day, day)
    elapsed = now - day_start(day) if now is not None and day_start(day) <= now else None
    if elapsed is not None and elapsed >= timedelta(days=1):
        elapsed = None
    expected = _expected_per_point(day, elapsed)
    traffic = [
        PointFlow(counts.day(day, p.pk), expected.get(p.pk, 0.0), point=p)
        for p in CrossingPoint.objects.order_by("name_en")
    ]
    _audit(actor, "map", Period(day, day))
    return traffic


def _expected_per_point(day: date, elapsed: timedelta | None) -> dict[int, float]:
    """Per crossing point, the average of the same weekday over the previous weeks (up to
    `elapsed` into each day when given): one indexed range query per week (SQLite scans the
    whole table for the four ranges OR-ed together)."""
    span = elapsed or timedelta(days=1)
    totals: Counter[int] = Counter()
    for k in range(1, EXPECTED_WEEKS + 1):
        start = day_start(day - timedelta(weeks=k))
        rows = (
            Crossing.objects.filter(occurred_at__gte=start, occurred_at__lt=start + span)
            .values("crossing_point_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        totals.update({row["crossing_point_id"]: row["n"] for row in rows})
    return {point_id: n / EXPECTED_WEEKS for point_id, n in totals.items()}


def _audit(actor: Actor, view: str, period: Period) -> None:
    # Counts carry no personal data; the read is recorded all the same, so that the audit
    # trail shows who watched which crossing point's traffic.
    audit_record(
        actor=actor,
        action="dashboard.read",
        object_type="dashboard",
        object_id=view,
        crossing_point_code="" if view in ("overview", "map") else view,
        details={"first": period.first.isoformat(), "last": period.last.isoformat()},
    )
