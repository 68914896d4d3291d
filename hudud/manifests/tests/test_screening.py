"""Pre-arrival screening: one batch per manifest, what denies boarding and what only informs,
clearances, and what makes a record insufficient."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.common.actor import Actor
from hudud.manifests.models import ManifestTraveller
from hudud.manifests.screening import subject_of, travellers_screen
from hudud.manifests.synthetic import flight_messages
from hudud.manifests.tests.conftest import BANNED, files, passengers, person, plan, send
from hudud.watchlists import services as watchlist_services
from hudud.watchlists.models import Clearance, Watchlist, WatchlistEntry

pytestmark = pytest.mark.django_db


def _banned(messages):
    person(
        passengers(messages)[0],
        BANNED["surname"],
        BANNED["given_names"],
        birth=BANNED["birth"],
        number="T7000001",
    )


def _answer(response, surname):
    return next(a for a in response.json()["responses"] if a["surname"] == surname)


def test_a_whole_manifest_is_screened_in_a_few_queries_whatever_its_size(
    entry_ban, django_assert_max_num_queries
):
    small = [
        subject_of(t) for m in flight_messages(plan(passengers=5, crew=1)) for t in m.travellers
    ]
    large = [subject_of(t) for m in flight_messages(plan(passengers=300)) for t in m.travellers]
    today = timezone.localdate()
    travellers_screen(small, today=today)  # builds the process's index
    # Lists in force, entries changed since the index's revision, matched entries, clearances.
    with django_assert_max_num_queries(4):
        outcomes = travellers_screen(large, today=today)
    assert len(outcomes) == 302


def test_an_entry_ban_hit_denies_boarding_and_the_carrier_is_not_told_why(carrier, entry_ban):
    _, client = carrier
    (data,) = files(plan(), _banned, single_file=True)
    response = send(client, data)
    answer = _answer(response, BANNED["surname"])
    assert answer["status"] == "do_not_board"
    assert answer["text"] == "DO NOT BOARD"
    row = ManifestTraveller.objects.get(surname=BANNED["surname"])
    assert row.screening_status == "hit"
    assert row.hits[0]["watchlist"] == "entry-ban"
    assert row.board_reasons[0]["code"] == "watchlist_denies_entry"


def test_a_wanted_person_flies_and_is_met_at_the_door(carrier, entry_ban):
    Watchlist.objects.filter(pk=entry_ban.pk).update(
        kind=Watchlist.Kind.WANTED_PERSONS, action=Watchlist.Action.ARREST
    )
    _, client = carrier
    (data,) = files(plan(), _banned, single_file=True)
    response = send(client, data)
    assert _answer(response, BANNED["surname"])["status"] == "ok"
    row = ManifestTraveller.objects.get(surname=BANNED["surname"])
    assert row.screening_status == "hit"
    assert row.hits[0]["denies"] is False


def test_a_clearance_for_the_document_lets_the_namesake_board(carrier, entry_ban):
    secondary = make_officer("najaf-secondary", Officer.Role.SECONDARY, "bpc", ("najaf-airport",))
    entry = WatchlistEntry.objects.get(watchlist=entry_ban)
    Clearance.objects.create(
        entry=entry,
        entry_hash=entry.content_hash,
        document_number="T7000001",
        document_issuing_state="IRN",
        granted_by=secondary,
        granted_at=timezone.now(),
        reason="A namesake: another birth place and father's name",
        expires_on=timezone.localdate() + timedelta(days=365),
    )
    _, client = carrier
    (data,) = files(plan(), _banned, single_file=True)
    response = send(client, data)
    assert _answer(response, BANNED["surname"])["status"] == "ok"
    row = ManifestTraveller.objects.get(surname=BANNED["surname"])
    assert row.screening_status == "cleared"
    assert row.hits[0]["cleared"] is True


def test_an_entry_taken_off_the_list_no_longer_denies(carrier, entry_ban):
    admin = make_officer("moi-remover", Officer.Role.AGENCY_ADMIN, "moi")
    entry = WatchlistEntry.objects.get(watchlist=entry_ban)
    watchlist_services.entry_remove(
        actor=Actor(admin), watchlist_code="entry-ban", entry_id=entry.pk, reason="Ban lifted"
    )
    _, client = carrier
    (data,) = files(plan(), _banned, single_file=True)
    assert _answer(send(client, data), BANNED["surname"])["status"] == "ok"


@pytest.mark.parametrize(
    ("damage", "told"),
    [
        (lambda t: setattr(t.documents[0], "number", None), "SEND DOCUMENT NUMBER"),
        (lambda t: setattr(t, "birth_date", None), "SEND BIRTH DATE"),
        (lambda t: t.documents.clear(), "SEND TRAVEL DOCUMENT"),
        (lambda t: setattr(t, "nationality", None), "SEND NATIONALITY"),
    ],
)
def test_a_record_without_what_identifies_a_person_is_insufficient(carrier, damage, told):
    _, client = carrier

    def edit(messages):
        traveller = passengers(messages)[0]
        person(traveller, "INCOMPLETE", "RECORD", number="T7100000")
        damage(traveller)

    (data,) = files(plan(), edit, single_file=True)
    answer = _answer(send(client, data), "INCOMPLETE")
    assert answer["status"] == "insufficient_data"
    assert answer["code"] == "2Z"
    assert answer["text"] == f"INSUFFICIENT DATA - {told}"


def test_a_missing_sex_or_expiry_is_a_finding_but_not_insufficient(carrier):
    _, client = carrier

    def edit(messages):
        traveller = passengers(messages)[0]
        person(traveller, "PARTLY", "KNOWN", number="T7200000")
        traveller.sex = None
        traveller.documents[0].expiry_date = None

    (data,) = files(plan(), edit, single_file=True)
    assert _answer(send(client, data), "PARTLY")["status"] == "ok"
    row = ManifestTraveller.objects.get(surname="PARTLY")
    assert {f["code"] for f in row.findings} == {"sex_missing", "expiry_date_missing"}


def test_crew_are_screened_and_answered_like_passengers(carrier, entry_ban):
    _, client = carrier

    def edit(messages):
        crew = messages[-1].travellers[0]
        person(crew, BANNED["surname"], BANNED["given_names"], birth=BANNED["birth"], number="C1")

    (data,) = files(plan(), edit, single_file=True)
    answer = _answer(send(client, data), BANNED["surname"])
    assert answer["list_type"] == "crew"
    assert answer["status"] == "do_not_board"
