"""The dashboard's counts: per Baghdad day, against the same weekdays before, by reason and
nationality, with overstays and hits; one query per figure whatever the size."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hudud.analytics import selectors
from hudud.analytics.selectors import Period
from hudud.audit.models import AuditEvent
from hudud.border.models import Crossing
from hudud.border.stays import local_day
from hudud.common.actor import Actor
from hudud.common.errors import AccessDenied, NotFound, ServiceError

from .conftest import baghdad

TODAY = date(2026, 8, 10)  # a Monday
YESTERDAY = TODAY - timedelta(days=1)


def _point(overview: selectors.Overview, code: str) -> selectors.PointFlow:
    return next(p for p in overview.points if p.point.code == code)


@pytest.mark.django_db
def test_a_crossing_half_an_hour_after_midnight_counts_on_that_baghdad_day(analyst, cross):
    # 00:30 in Baghdad is 21:30 UTC the evening before.
    cross("zurbatiya", baghdad(YESTERDAY, 0, 30))
    cross("zurbatiya", baghdad(YESTERDAY - timedelta(days=1), 23, 59))
    overview = selectors.flows_overview(
        actor=Actor(analyst), period=Period.ending(YESTERDAY, 2), today=TODAY
    )
    assert [(d.day, d.flow.entries) for d in overview.days] == [
        (YESTERDAY - timedelta(days=1), 1),
        (YESTERDAY, 1),
    ]
    assert _point(overview, "zurbatiya").flow.entries == 1


@pytest.mark.django_db
def test_the_expected_level_is_the_average_of_the_same_weekday_over_four_weeks(analyst, cross):
    for weeks_before, count in ((1, 4), (2, 8), (3, 0), (4, 4), (5, 100)):
        for _ in range(count):
            cross("zurbatiya", baghdad(YESTERDAY - timedelta(weeks=weeks_before)))
    for _ in range(12):
        cross("zurbatiya", baghdad(YESTERDAY, 9))
    overview = selectors.flows_overview(
        actor=Actor(analyst), period=Period.ending(YESTERDAY, 1), today=TODAY
    )
    zurbatiya = _point(overview, "zurbatiya")
    assert zurbatiya.expected == 4.0  # (4 + 8 + 0 + 4) / 4; five weeks back is not counted
    assert zurbatiya.flow.total == 12
    assert zurbatiya.deviation == 2.0
    assert zurbatiya.unusual
    assert overview.days[0].expected == 4.0


@pytest.mark.django_db
def test_refusals_count_once_per_reason_code_and_exits_after_an_overstay_are_counted(
    analyst, cross
):
    cross("trebil", baghdad(YESTERDAY), kind="refusal", reasons="AC", nationality="JOR")
    cross("trebil", baghdad(YESTERDAY), kind="refusal", reasons="C", nationality="JOR")
    cross("baghdad-airport", baghdad(YESTERDAY), kind="exit", overstay=12, nationality="EGY")
    cross("baghdad-airport", baghdad(YESTERDAY), kind="exit", nationality="EGY")
    overview = selectors.flows_overview(
        actor=Actor(analyst), period=Period.ending(YESTERDAY, 7), today=TODAY
    )
    assert overview.refusal_reasons == [("C", 2), ("A", 1)]
    assert (overview.total.refusals, overview.total.exits, overview.total.overstay_exits) == (
        2,
        2,
        1,
    )
    by_code = {n.code: n for n in overview.nationalities}
    assert (by_code["JOR"].refusals, by_code["EGY"].exits) == (2, 2)


@pytest.mark.django_db
def test_nationalities_beyond_the_top_twelve_are_summed_as_others(analyst, cross):
    codes = ["IRQ", "IRN", "TUR", "PAK", "SYR", "JOR", "KWT", "IND", "SAU", "LBN", "BGD"]
    codes += ["EGY", "BHR", "AZE"]
    for rank, code in enumerate(codes):
        for _ in range(len(codes) - rank):
            cross("baghdad-airport", baghdad(YESTERDAY), nationality=code)
    overview = selectors.flows_overview(
        actor=Actor(analyst), period=Period.ending(YESTERDAY, 1), today=TODAY
    )
    assert [n.code for n in overview.nationalities] == [*codes[:12], ""]
    assert overview.nationalities[-1].entries == 2 + 1  # BHR and AZE


@pytest.mark.django_db
def test_overview_needs_the_same_number_of_queries_for_one_day_or_a_busy_month(analyst, cross):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            selectors.flows_overview(
                actor=Actor(analyst), period=Period.ending(YESTERDAY), today=TODAY
            )
        return sum("audit" not in q["sql"] for q in captured.captured_queries)

    cross("zurbatiya", baghdad(YESTERDAY))
    few = queries()
    for n in range(40):
        point = ("zurbatiya", "trebil", "safwan", "baghdad-airport")[n % 4]
        cross(point, baghdad(YESTERDAY - timedelta(days=n % 27)), kind="refusal", reasons="E")
    assert queries() == few
    assert few <= 8


@pytest.mark.django_db
def test_drilling_into_a_crossing_point_finds_its_busiest_day(analyst, cross):
    for day_offset, count in ((3, 2), (2, 9), (1, 1)):
        for _ in range(count):
            cross("zurbatiya", baghdad(YESTERDAY - timedelta(days=day_offset)))
    cross("trebil", baghdad(YESTERDAY - timedelta(days=5)))  # elsewhere: not counted
    with CaptureQueriesContext(connection) as captured:
        flows = selectors.point_flows(
            actor=Actor(analyst), code="zurbatiya", period=Period.ending(YESTERDAY, 30)
        )
    assert flows.peak is not None
    assert (flows.peak.day, flows.peak.flow.entries) == (YESTERDAY - timedelta(days=2), 9)
    assert flows.total.entries == 12
    assert sum("audit" not in q["sql"] for q in captured.captured_queries) <= 5


@pytest.mark.django_db
def test_today_on_the_map_is_compared_with_the_same_hours_of_earlier_weeks(analyst, cross):
    now = baghdad(TODAY, 10)
    for weeks_before in range(1, 5):
        cross("zurbatiya", baghdad(TODAY - timedelta(weeks=weeks_before), 8))
        cross("zurbatiya", baghdad(TODAY - timedelta(weeks=weeks_before), 16))  # later hours
    cross("zurbatiya", baghdad(TODAY, 9))
    traffic = selectors.map_traffic(actor=Actor(analyst), day=TODAY, now=now)
    zurbatiya = next(p for p in traffic if p.point.code == "zurbatiya")
    assert (zurbatiya.flow.total, zurbatiya.expected, zurbatiya.unusual) == (1, 1.0, False)
    assert len(traffic) == 32  # every crossing point gets a marker, quiet or not
    whole_day = selectors.map_traffic(actor=Actor(analyst), day=TODAY - timedelta(days=7))
    assert next(p for p in whole_day if p.point.code == "zurbatiya").flow.total == 2


@pytest.mark.django_db
def test_hits_raised_and_decided_in_the_period_are_counted(analyst, line_officer):
    from hudud.watchlists.models import Alert, Watchlist, WatchlistEntry

    watchlist = Watchlist.objects.create(
        code="t",
        name_en="T",
        name_ar="ت",
        kind="entry_ban",
        owner=analyst.agency,
        legal_basis="b",
        action="refuse_entry",
        threshold=0.8,
    )
    entry = WatchlistEntry.objects.create(
        watchlist=watchlist, source_id="1", origin="manual", content_hash="x", revision=1
    )
    point = line_officer.postings.get().crossing_point
    for n, (status, reason) in enumerate(
        (("open", ""), ("confirmed", "same person"), ("dismissed", "born 20 years apart"))
    ):
        moment = baghdad(YESTERDAY, 10 + n)
        Alert.objects.create(
            entry=entry,
            subject_key=f"IRN:{n}",
            subject={},
            score=0.9,
            crossing_point=point,
            raised_by=line_officer,
            raised_at=moment,
            last_seen_at=moment,
            status=status,
            decided_at=moment if reason else None,
            decision_reason=reason,
        )
    overview = selectors.flows_overview(
        actor=Actor(analyst), period=Period.ending(YESTERDAY, 1), today=TODAY
    )
    assert overview.hits == selectors.Hits(raised=3, confirmed=1, dismissed=1, open_now=1)


@pytest.mark.django_db
def test_the_counts_agree_with_a_plain_count_of_generated_demo_crossings(analyst):
    from hudud.demo.load import demo_load

    demo_load(travellers=150, seed=5, days=120)
    today = local_day(timezone.now())
    period = Period.ending(today - timedelta(days=1), 60)
    overview = selectors.flows_overview(actor=Actor(analyst), period=period, today=today)
    expected_days: Counter[date] = Counter()
    expected_reasons: Counter[str] = Counter()
    for crossing in Crossing.objects.all():
        day = local_day(crossing.occurred_at)
        if period.first <= day <= period.last:
            expected_days[day] += 1
            expected_reasons.update(crossing.refusal_reasons)
    assert {d.day: d.flow.total for d in overview.days if d.flow.total} == dict(expected_days)
    assert dict(overview.refusal_reasons) == dict(expected_reasons)
    assert sum(n.total for n in overview.nationalities) == sum(expected_days.values())


@pytest.mark.django_db
def test_reading_the_dashboard_is_audited_and_refused_to_line_and_revenue_roles(
    analyst, officer, other_agency_officer
):
    selectors.flows_overview(actor=Actor(analyst), period=Period.ending(YESTERDAY), today=TODAY)
    event = AuditEvent.objects.filter(action="dashboard.read").latest("id")
    assert (event.actor_username, event.object_id) == ("analyst", "overview")
    assert event.details == {"first": "2026-07-13", "last": "2026-08-09"}
    for who in (officer, other_agency_officer):
        with pytest.raises(AccessDenied):
            selectors.flows_overview(actor=Actor(who), period=Period.ending(YESTERDAY), today=TODAY)
        with pytest.raises(AccessDenied):
            selectors.map_traffic(actor=Actor(who), day=TODAY)


@pytest.mark.django_db
def test_a_period_backwards_too_long_or_an_unknown_point_is_refused_by_name(analyst):
    with pytest.raises(ServiceError) as backwards:
        selectors.flows_overview(
            actor=Actor(analyst), period=Period(YESTERDAY, YESTERDAY - timedelta(1)), today=TODAY
        )
    assert backwards.value.problems[0].field == "first"
    with pytest.raises(ServiceError):
        selectors.point_flows(
            actor=Actor(analyst), code="zurbatiya", period=Period.ending(TODAY, 400)
        )
    with pytest.raises(NotFound):
        selectors.point_flows(actor=Actor(analyst), code="atlantis", period=Period.ending(TODAY))
