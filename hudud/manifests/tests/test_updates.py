"""A later message for the same flight updates its list in place, with a visible history; a
list split over several messages is assembled whatever order its parts arrive in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hudud.manifests import versions
from hudud.manifests.models import Flight, ListPart, ManifestChange, ManifestTraveller
from hudud.manifests.tests.conftest import files, passengers, person, plan, send

pytestmark = pytest.mark.django_db


def _named(messages):
    for index, traveller in enumerate(passengers(messages)):
        person(traveller, f"PERSON{index}", "TEST", number=f"T800000{index}")


def test_a_later_message_adds_removes_and_changes_travellers_with_history(
    carrier, client_for, auditor
):
    _, client = carrier
    flight = plan()
    (first,) = files(flight, _named, single_file=True, control_prefix="V1")

    def later(messages):
        _named(messages)
        people = passengers(messages)
        people[1].birth_date = date(1990, 1, 2)  # corrected
        people[2].surname, people[2].documents[0].number = "NEWCOMER", "T8999999"  # replaced
        messages[0].travellers.remove(people[3])  # off the flight

    (second,) = files(flight, later, single_file=True, control_prefix="V2")
    created = send(client, first).json()
    kept_id = ManifestTraveller.objects.get(surname="PERSON0").pk
    assert send(client, second).status_code == 201

    current = ManifestTraveller.objects.filter(removed_at__isnull=True, role="passenger")
    assert sorted(current.values_list("surname", flat=True)) == [
        "NEWCOMER", "PERSON0", "PERSON1", "PERSON4", "PERSON5",
    ]  # fmt: skip
    assert ManifestTraveller.objects.get(surname="PERSON0").pk == kept_id  # updated in place
    history = client_for(auditor).get(
        f"/api/v1/manifests/flights/{created['flight']['id']}/history"
    )
    changes = {(c["kind"], c["name"]): c for c in history.json()}
    assert set(changes) == {
        ("changed", "PERSON1, TEST"),
        ("added", "NEWCOMER, TEST"),
        ("removed", "PERSON2, TEST"),
        ("removed", "PERSON3, TEST"),
    }
    assert changes[("changed", "PERSON1, TEST")]["fields"] == {
        "birth_date": ["1985-03-14", "1990-01-02"]
    }
    assert {c["version"] for c in history.json()} == {2}
    assert Flight.objects.get().version == 2


def test_the_first_list_of_a_flight_is_not_a_change(carrier):
    _, client = carrier
    (data,) = files(plan(), single_file=True)
    send(client, data)
    assert ManifestChange.objects.count() == 0


def test_a_split_list_is_assembled_from_parts_arriving_in_any_order(carrier):
    _, client = carrier
    flight = plan(passengers=25, part_size=10)
    parts = files(flight)  # passengers 01:C, 02:C, 03:F, then the crew list
    assert len(parts) == 4
    for data in (parts[2], parts[0], parts[3], parts[1]):
        assert send(client, data).status_code == 201
    assert ManifestTraveller.objects.filter(role="passenger", removed_at__isnull=True).count() == 25
    assert ManifestTraveller.objects.filter(role="crew").count() == 2
    assert ManifestChange.objects.count() == 0  # completing a list is not changing it
    assert sorted(ListPart.objects.filter(current=True).values_list("list_type", "part")) == [
        ("crew", 0), ("passengers", 1), ("passengers", 2), ("passengers", 3),
    ]  # fmt: skip
    flight_row = Flight.objects.get()
    assert flight_row.declared_passengers == 25


def test_a_shorter_resend_of_a_split_list_drops_the_parts_after_its_final_one(carrier):
    _, client = carrier
    flight = plan(passengers=25, part_size=10)
    for data in files(flight, control_prefix="V1"):
        send(client, data)
    shorter = replace(flight, passengers=18)  # the same people, the last seven off the flight
    first, second, _crew = files(shorter, control_prefix="V2")
    send(client, first)
    send(client, second)  # 02:F: part 3 of the first series goes
    current = ManifestTraveller.objects.filter(role="passenger", removed_at__isnull=True)
    assert current.count() == 18
    removed = ManifestChange.objects.filter(kind="removed")
    assert removed.count() == 7


def test_a_list_sent_whole_replaces_the_whole_list(carrier):
    _, client = carrier
    flight = plan(passengers=8)
    (whole,) = files(flight, single_file=True, control_prefix="V1")
    send(client, whole)
    fewer = replace(flight, passengers=3)
    (again,) = files(fewer, single_file=True, control_prefix="V2")
    send(client, again)
    assert ManifestTraveller.objects.filter(role="passenger", removed_at__isnull=True).count() == 3
    removed = ManifestChange.objects.filter(kind="removed", traveller__role="passenger")
    assert removed.count() == 5


@pytest.mark.parametrize(
    ("current", "incoming", "retired"),
    [
        ([], [versions.IncomingPart(1, "A", False)], set()),
        ([versions.PartRef(0, "", True)], [versions.IncomingPart(0, "", True)], {0}),
        ([versions.PartRef(1, "A", False)], [versions.IncomingPart(2, "A", True)], set()),
        (
            [versions.PartRef(1, "A", False), versions.PartRef(2, "A", True)],
            [versions.IncomingPart(1, "B", False)],
            {1, 2},
        ),
        (
            [versions.PartRef(n, "A", n == 3) for n in (1, 2, 3)],
            [versions.IncomingPart(2, "A", True)],
            {2, 3},
        ),
    ],
)
def test_which_parts_a_message_replaces(current, incoming, retired):
    assert versions.retired_parts(current, incoming) == retired


def test_a_document_sent_twice_in_one_list_stays_two_travellers():
    assert versions.unique_keys(["doc:irn:1", "doc:irn:1", "x"]) == [
        "doc:irn:1",
        "doc:irn:1#2",
        "x",
    ]
