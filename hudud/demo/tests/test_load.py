"""`demo_load` against the database: what it stores, and that it agrees with the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.db.models import Count, F

from hudud.agencies.models import Officer
from hudud.agencies.tokens import token_authenticate
from hudud.border.models import Crossing, Lane, Posting, TravelDocument, TravelGroup, Traveller
from hudud.border.stays import stay_status
from hudud.demo.load import LoadReport, demo_load
from hudud.demo.tests.conftest import NOW

pytestmark = pytest.mark.django_db
TODAY = NOW.date()


@pytest.fixture
def report() -> LoadReport:
    return demo_load(travellers=200, seed=3, now=NOW)


def test_the_load_stores_what_it_reports(report: LoadReport) -> None:
    assert report.loaded
    # Five scenario travellers have a history (overstay, returning Iraqi, Turk, Kuwaiti, Iranian);
    # the landed demo flight's passengers entered at Najaf (hudud/demo/manifests.py).
    arrived = report.flights.entries if report.flights else 0
    assert Traveller.objects.count() == report.travellers + 5 + arrived
    assert Crossing.objects.count() >= report.crossings
    assert TravelGroup.objects.count() == report.groups


def test_every_crossing_has_a_unique_client_id_and_an_officer_posted_there(
    report: LoadReport,
) -> None:
    crossings = Crossing.objects.all()
    assert crossings.values("client_id").distinct().count() == crossings.count()
    postings = set(Posting.objects.values_list("officer_id", "crossing_point_id"))
    for officer_id, point_id in crossings.values_list("officer_id", "crossing_point_id"):
        assert (officer_id, point_id) in postings


def test_crossings_happen_in_the_past_in_lanes_of_their_crossing_point(
    report: LoadReport,
) -> None:
    assert not Crossing.objects.filter(occurred_at__gt=NOW).exists()
    assert (
        not Crossing.objects.exclude(lane__crossing_point=F("crossing_point"))
        .filter(lane__isnull=False)
        .exists()
    )
    assert not Crossing.objects.exclude(recorded_at=F("occurred_at")).exists()


def test_each_operational_crossing_point_has_lanes(report: LoadReport) -> None:
    zurbatiya = Lane.objects.filter(crossing_point__code="zurbatiya", kind="bus")
    assert zurbatiya.filter(direction="entry").count() == 8
    assert Lane.objects.filter(crossing_point__code="baghdad-airport", kind="desk").count() == 16


def test_stored_current_stays_agree_with_stay_status(report: LoadReport) -> None:
    for traveller in Traveller.objects.all():
        status = stay_status(traveller=traveller, as_of=TODAY)
        # The exit day is a day of presence: someone who left today is `present` on it, but
        # has no current entry, and is no longer inside.
        inside = status.present and status.entry_date is not None
        assert traveller.is_present == inside, traveller
        if not inside:
            continue
        assert status.entry_date is not None
        assert traveller.stay_entry_date == status.entry_date
        if status.unlimited:
            assert traveller.stay_last_allowed_day is None
        else:
            expected = status.last_allowed_day or status.entry_date - timedelta(days=1)
            assert traveller.stay_last_allowed_day == expected, traveller


def test_stored_overstay_days_agree_with_stay_status_the_day_before_the_exit(
    report: LoadReport,
) -> None:
    exits = Crossing.objects.filter(kind="exit").select_related("traveller")
    for crossing in exits:
        exit_day = crossing.occurred_at.astimezone(NOW.tzinfo).date()
        status = stay_status(traveller=crossing.traveller, as_of=exit_day - timedelta(days=1))
        expected = 0
        if status.present and status.entry_date is not None and not status.unlimited:
            last = status.last_allowed_day or status.entry_date - timedelta(days=1)
            expected = max(0, (exit_day - last).days)
        assert crossing.overstay_days == expected, crossing


def test_some_foreigners_are_still_inside_past_their_last_allowed_day(report: LoadReport) -> None:
    overstaying = Traveller.objects.filter(is_present=True, stay_last_allowed_day__lt=TODAY)
    assert overstaying.exists()


def test_loading_twice_changes_no_data_but_gives_fresh_working_passwords(
    report: LoadReport,
) -> None:
    counts = (Traveller.objects.count(), Crossing.objects.count(), TravelDocument.objects.count())
    again = demo_load(travellers=200, seed=3, now=NOW)
    assert not again.loaded
    assert (
        Traveller.objects.count(),
        Crossing.objects.count(),
        TravelDocument.objects.count(),
    ) == counts
    first = {a.username: a.password for a in report.accounts}
    for account in again.accounts:
        assert account.password != first[account.username]
        assert authenticate(username=account.username, password=account.password) is not None
    assert token_authenticate(report.token) is None  # revoked by the second load
    assert token_authenticate(again.token) == again.accounts[0].officer


def test_only_the_admin_is_staff_and_superuser(report: LoadReport) -> None:
    officers = {a.username: a.officer for a in report.accounts}
    for username, officer in officers.items():
        assert officer.user.is_staff == (username == "admin")
        assert officer.user.is_superuser == (username == "admin")
    line = Officer.objects.filter(badge_number__startswith="DEMO-L-").select_related("user")
    assert line
    assert all(not o.user.is_staff and not o.user.has_usable_password() for o in line)


def test_demo_officers_have_their_roles_agencies_and_posts(report: LoadReport) -> None:
    accounts = {a.username: a for a in report.accounts}
    primary = accounts["primary.zurbatiya"].officer
    posts = set(
        Posting.objects.filter(officer=primary).values_list("crossing_point__code", flat=True)
    )
    assert posts == {
        "zurbatiya",
        "baghdad-airport",
        "ibrahim-khalil",
        "najaf-airport",
        "safwan",
        "trebil",
    }
    assert accounts["customs.ummqasr"].officer.agency.code == "customs"
    assert accounts["customs.ummqasr"].officer.role == "revenue"
    roles = {a.role for a in report.accounts}
    assert {"primary", "secondary", "supervisor", "analyst", "auditor", "agency_admin"} <= roles


def test_pilgrim_buses_are_groups_with_a_bus(report: LoadReport) -> None:
    groups = TravelGroup.objects.annotate(size=Count("crossings")).select_related("vehicle")
    for group in groups:
        assert group.kind == "pilgrim_bus"
        assert group.vehicle is not None
        assert group.vehicle.kind == "bus"
        assert 1 <= group.size <= 50
