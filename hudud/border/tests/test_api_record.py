"""Recording crossings, POST /api/v1/crossings: once and only once, with its audit event."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from conftest import crossing_body, passport
from hudud.audit.models import AuditEvent
from hudud.border import services
from hudud.border.documents import document_from_mrz
from hudud.border.models import Crossing, Permit, Traveller
from hudud.common.actor import Actor

URL = "/api/v1/crossings"


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def at(days_ago: int) -> str:
    return (timezone.now() - timedelta(days=days_ago)).isoformat()


@pytest.mark.django_db
def test_an_entry_is_recorded_with_the_traveller_and_document_created(officer, client_for):
    response = post(client_for(officer), crossing_body("entry", passport(), occurred_at=at(0)))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["replayed"] is False
    assert body["crossing"]["kind"] == "entry"
    traveller = Traveller.objects.get(pk=body["crossing"]["traveller_id"])
    assert (traveller.surname, traveller.nationality, traveller.is_present) == (
        "KARIMI",
        "IRN",
        True,
    )
    assert traveller.documents.get().number == "K12345678"
    assert body["stay"]["present"] is True


@pytest.mark.django_db
def test_a_retry_with_the_same_client_id_records_once_and_says_replayed(officer, client_for):
    client = client_for(officer)
    body = crossing_body("entry", passport(), occurred_at=at(0))
    first = post(client, body)
    second = post(client, body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["replayed"] is True
    assert second.json()["crossing"]["id"] == first.json()["crossing"]["id"]
    assert Crossing.objects.count() == 1
    assert AuditEvent.objects.filter(action="crossing.entry").count() == 1


@pytest.mark.django_db
def test_a_race_between_two_deliveries_of_one_request_records_once(officer):
    """The second delivery passes the replay look-up before the first commits, then meets the
    unique client_id: it must answer with the first's record, not fail or record twice."""

    actor = Actor(officer=officer)
    request = services.CrossingRequest(
        client_id=uuid.uuid4(),
        kind="entry",
        crossing_point_code="zurbatiya",
        document=document_from_mrz(passport(), today=timezone.localdate()),
    )
    first = services.crossing_record(actor=actor, request=request)
    real_replay = services._replay
    calls = iter([None])
    with mock.patch.object(
        services, "_replay", side_effect=lambda a, r: next(calls, real_replay(a, r))
    ):
        second = services.crossing_record(actor=actor, request=request)
    assert second.replayed is True
    assert second.crossing.pk == first.crossing.pk
    assert Crossing.objects.count() == 1


@pytest.mark.django_db
def test_reusing_a_client_id_for_another_crossing_is_a_409(officer, client_for):
    client = client_for(officer)
    body = crossing_body("entry", passport(), occurred_at=at(0))
    assert post(client, body).status_code == 201
    body["kind"] = "exit"
    response = post(client, body)
    assert response.status_code == 409
    assert response.json()["errors"][0]["field"] == "client_id"
    assert Crossing.objects.count() == 1


@pytest.mark.django_db
def test_a_refusal_needs_a_reason_and_only_a_refusal_has_one(officer, client_for):
    client = client_for(officer)
    missing = post(client, crossing_body("refusal", passport()))
    extra = post(client, crossing_body("entry", passport(), refusal_reasons=["A"]))
    unknown = post(client, crossing_body("refusal", passport(), refusal_reasons=["Z"]))
    assert missing.status_code == extra.status_code == unknown.status_code == 422
    assert missing.json()["errors"][0]["field"] == "refusal_reasons"
    assert extra.json()["errors"][0]["field"] == "refusal_reasons"
    assert unknown.json()["errors"][0]["field"].startswith("refusal_reasons")
    assert Crossing.objects.count() == 0


@pytest.mark.django_db
def test_a_refusal_is_recorded_with_its_reason_codes(officer, client_for):
    expired = passport(expiry=date(2020, 1, 1))
    body = crossing_body("refusal", expired, refusal_reasons=["C", "A", "A"])
    response = post(client_for(officer), body)
    assert response.status_code == 201, response.json()
    crossing = Crossing.objects.get()
    assert crossing.refusal_reasons == "AC"
    assert crossing.traveller.is_present is False
    assert response.json()["crossing"]["refusal_reasons"] == ["A", "C"]


@pytest.mark.django_db
def test_an_expired_passport_cannot_enter_but_its_holder_can_leave(officer, client_for):
    client = client_for(officer)
    expired = passport(expiry=date(2020, 1, 1))
    entry = post(client, crossing_body("entry", expired))
    assert entry.status_code == 422
    assert entry.json()["errors"][0]["code"] == "document_expired"
    assert post(client, crossing_body("exit", expired)).status_code == 201


@pytest.mark.django_db
def test_a_document_that_failed_its_check_digits_cannot_be_used_to_enter(officer, client_for):
    lines = passport().split("\n")
    bad = lines[0] + "\n" + lines[1][:9] + str((int(lines[1][9]) + 1) % 10) + lines[1][10:]
    response = post(client_for(officer), crossing_body("entry", bad))
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "document_invalid"


@pytest.mark.django_db
def test_a_crossing_in_the_future_is_rejected(officer, client_for):
    response = post(client_for(officer), crossing_body("entry", passport(), occurred_at=at(-1)))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "occurred_at"


@pytest.mark.django_db
def test_an_exit_twelve_days_past_a_visa_on_arrival_records_the_overstay(officer, client_for):
    """Journey 3: a 30-day visa on arrival at Baghdad airport, exit 12 days late."""
    client = client_for(officer)
    doc = passport(surname="KHAN", given_names="IMRAN", number="AB1234567", state="PAK")
    entered = post(client, crossing_body("entry", doc, "baghdad-airport", occurred_at=at(41)))
    assert entered.json()["stay"]["last_allowed_day"] == str(
        timezone.localdate() - timedelta(days=41 - 29)
    )
    left = post(client, crossing_body("exit", doc, "baghdad-airport", occurred_at=at(0)))
    assert left.status_code == 201
    assert left.json()["crossing"]["overstay_days"] == 12
    traveller = Traveller.objects.get()
    assert traveller.is_present is False


@pytest.mark.django_db
def test_a_residence_permit_lifts_the_stay_limit_while_it_runs(officer, client_for):
    client = client_for(officer)
    doc = passport(surname="KHAN", given_names="IMRAN", number="AB1234567", state="PAK")
    post(client, crossing_body("entry", doc, "baghdad-airport", occurred_at=at(60)))
    traveller = Traveller.objects.get()
    Permit.objects.create(
        traveller=traveller,
        kind=Permit.Kind.RESIDENCE,
        number="R-1",
        issued_by=officer.agency,
        valid_from=timezone.localdate() - timedelta(days=50),
        valid_until=timezone.localdate() + timedelta(days=300),
    )
    left = post(client, crossing_body("exit", doc, "baghdad-airport", occurred_at=at(0)))
    # 30 days allowed from the entry; the permit covers the days from day 11 on.
    assert left.json()["crossing"]["overstay_days"] == 0


@pytest.mark.django_db
def test_a_visa_sets_the_stay_of_the_entry_it_covers(officer, client_for):
    client = client_for(officer)
    doc = passport(surname="KHAN", given_names="IMRAN", number="AB1234567", state="PAK")
    post(
        client,
        crossing_body("refusal", doc, "baghdad-airport", refusal_reasons=["C"], occurred_at=at(2)),
    )
    traveller = Traveller.objects.get()
    Permit.objects.create(
        traveller=traveller,
        kind=Permit.Kind.VISA,
        number="V-1",
        issued_by=officer.agency,
        valid_from=timezone.localdate() - timedelta(days=1),
        valid_until=timezone.localdate() + timedelta(days=90),
        max_stay_days=15,
    )
    entered = post(client, crossing_body("entry", doc, "baghdad-airport", occurred_at=at(0)))
    stay = entered.json()["stay"]
    assert stay["policy"]["max_days"] == 15
    assert stay["last_allowed_day"] == str(timezone.localdate() + timedelta(days=14))


@pytest.mark.django_db
def test_an_iraqi_citizen_has_no_stay_limit(officer, client_for):
    doc = passport(surname="AL RUBAIE", given_names="HUSSEIN", number="A12345678", state="IRQ")
    body = post(client_for(officer), crossing_body("entry", doc, occurred_at=at(400))).json()
    assert body["stay"]["unlimited"] is True
    assert body["stay"]["last_allowed_day"] is None
    assert Traveller.objects.get().stay_last_allowed_day is None


@pytest.mark.django_db
def test_recording_writes_an_audit_event_in_the_same_transaction(officer, client_for):
    response = post(client_for(officer), crossing_body("entry", passport(), occurred_at=at(0)))
    event = AuditEvent.objects.get(action="crossing.entry")
    assert event.object_id == response.json()["crossing"]["traveller_id"]
    assert event.details["crossing_id"] == response.json()["crossing"]["id"]
    assert event.crossing_point_code == "zurbatiya"


@pytest.mark.django_db
def test_a_failure_inside_the_transaction_leaves_neither_crossing_nor_audit(officer):
    request = services.CrossingRequest(
        client_id=uuid.uuid4(),
        kind="entry",
        crossing_point_code="zurbatiya",
        document=document_from_mrz(passport(), today=timezone.localdate()),
    )
    failing_audit = mock.patch.object(services, "audit_record", side_effect=RuntimeError("disk"))
    with failing_audit, pytest.raises(RuntimeError):
        services.crossing_record(actor=Actor(officer=officer), request=request)
    assert Crossing.objects.count() == 0
    assert Traveller.objects.count() == 0


@pytest.mark.django_db
def test_an_officer_cannot_record_at_a_crossing_point_they_are_not_posted_to(officer, client_for):
    response = post(client_for(officer), crossing_body("entry", passport(), "safwan"))
    assert response.status_code == 403
    assert Crossing.objects.count() == 0


@pytest.mark.django_db
def test_a_pilgrim_bus_is_opened_and_its_passengers_recorded_in_it(officer, client_for):
    client = client_for(officer)
    group = client.post(
        "/api/v1/groups",
        {"crossing_point": "zurbatiya", "kind": "pilgrim_bus", "reference": "IR 12-345"},
        content_type="application/json",
    )
    assert group.status_code == 201
    group_id = group.json()["id"]
    for n in range(3):
        doc = passport(number=f"K1000000{n}")
        assert post(client, crossing_body("entry", doc, group_id=group_id)).status_code == 201
    assert Crossing.objects.filter(group_id=group_id).count() == 3


@pytest.mark.django_db
def test_the_overstayer_list_has_those_inside_past_their_day_and_those_who_left_late(
    officer, supervisor, client_for
):
    client = client_for(officer)
    late_leaver = passport(surname="KHAN", given_names="IMRAN", number="AB1234567", state="PAK")
    still_inside = passport(surname="SHARMA", given_names="RAVI", number="Z7654321", state="IND")
    on_time = passport(surname="HASSAN", given_names="OMAR", number="X1111111", state="JOR")
    post(client, crossing_body("entry", late_leaver, occurred_at=at(50)))
    post(client, crossing_body("exit", late_leaver, occurred_at=at(5)))
    post(client, crossing_body("entry", still_inside, occurred_at=at(40)))
    post(client, crossing_body("entry", on_time, occurred_at=at(10)))
    assert client.get("/api/v1/overstayers").status_code == 403  # not for the primary line
    rows = client_for(supervisor).get("/api/v1/overstayers").json()
    by_name = {r["surname"]: r for r in rows}
    assert set(by_name) == {"KHAN", "SHARMA"}
    assert by_name["SHARMA"]["still_present"] is True
    assert by_name["SHARMA"]["overstay_days"] == 11  # allowed 40..11 days ago; 10 ago..today over
    assert by_name["KHAN"]["still_present"] is False
    assert by_name["KHAN"]["overstay_days"] == 16  # days 50..21 allowed; exit 5 days ago
    assert AuditEvent.objects.filter(action="overstayers.list").count() == 1


@pytest.mark.django_db
def test_crossing_points_are_listed_for_any_authenticated_officer(auditor, client_for, client):
    assert client.get("/api/v1/crossing-points").status_code == 401
    rows = client_for(auditor).get("/api/v1/crossing-points").json()
    assert {"zurbatiya", "ibrahim-khalil", "baghdad-airport"} <= {r["code"] for r in rows}


@pytest.mark.django_db
def test_granting_a_residence_permit_takes_a_traveller_off_the_overstayer_list(
    officer, supervisor, client_for
):

    client = client_for(officer)
    doc = passport(surname="SHARMA", given_names="RAVI", number="Z7654321", state="IND")
    post(client, crossing_body("entry", doc, occurred_at=at(40)))
    assert [r["surname"] for r in client_for(supervisor).get("/api/v1/overstayers").json()] == [
        "SHARMA"
    ]
    services.permit_grant(
        actor=Actor(officer=supervisor),
        traveller=Traveller.objects.get(),
        kind="residence",
        number="R-77",
        valid_from=timezone.localdate() - timedelta(days=15),
        valid_until=timezone.localdate() + timedelta(days=365),
    )
    assert client_for(supervisor).get("/api/v1/overstayers").json() == []
    assert AuditEvent.objects.filter(action="permit.grant").count() == 1


@pytest.mark.django_db
def test_a_visa_without_its_days_of_stay_is_refused_naming_the_field(
    officer, supervisor, client_for
):
    post(client_for(officer), crossing_body("entry", passport(), occurred_at=at(1)))
    with pytest.raises(services.ServiceError) as caught:
        services.permit_grant(
            actor=Actor(officer=supervisor),
            traveller=Traveller.objects.get(),
            kind="visa",
            number="V-1",
            valid_from=date(2026, 1, 1),
            valid_until=date(2025, 1, 1),
        )
    assert {p.field for p in caught.value.problems} == {"valid_until", "max_stay_days"}


@pytest.mark.django_db
def test_an_entry_while_an_earlier_entry_has_no_exit_starts_a_new_stay_and_says_so(
    officer, client_for
):
    client = client_for(officer)
    doc = passport(surname="SHARMA", given_names="RAVI", number="Z7654321", state="IND")
    post(client, crossing_body("entry", doc, occurred_at=at(100)))
    entered = post(client, crossing_body("entry", doc, occurred_at=at(0))).json()
    assert entered["stay"]["entry_date"] == str(timezone.localdate())
    assert entered["stay"]["overstay_days"] == 0
    check = client.post(
        "/api/v1/crossings/check",
        {"mrz": doc, "crossing_point": "zurbatiya", "direction": "exit"},
        content_type="application/json",
    ).json()
    assert any(r["code"] == "entry_without_exit" for r in check["reasons"])


@pytest.mark.django_db
def test_a_crossing_by_car_records_the_vehicle_once_for_all_its_crossings(officer, client_for):
    client = client_for(officer)
    car = {"plate": "12 IRAN 345", "registration_country": "IRN", "kind": "car"}
    for number in ("K10000001", "K10000002"):
        body = crossing_body("entry", passport(number=number), vehicle=car, occurred_at=at(0))
        assert post(client, body).status_code == 201
    plates = set(Crossing.objects.values_list("vehicle__plate", flat=True))
    assert plates == {"12 IRAN 345"}


@pytest.mark.django_db
def test_a_malformed_vehicle_is_refused_naming_the_field(officer, client_for):
    car = {"plate": "<script>", "registration_country": "Iran"}
    response = post(client_for(officer), crossing_body("entry", passport(), vehicle=car))
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"vehicle.plate", "vehicle.registration_country"}


@pytest.mark.django_db
def test_two_lanes_seeing_the_same_new_passport_at_once_both_record(officer, colleague):
    """The second lane's look-up ran before the first created the traveller: its insert of the
    same document fails the unique constraint, and a second attempt finds the traveller."""
    document = document_from_mrz(passport(), today=timezone.localdate())

    def request() -> services.CrossingRequest:
        return services.CrossingRequest(
            client_id=uuid.uuid4(),
            kind="entry",
            crossing_point_code="zurbatiya",
            document=document,
        )

    services.crossing_record(actor=Actor(officer=officer), request=request())
    real_find = services.selectors.document_find
    calls = iter([None])
    with mock.patch.object(
        services.selectors, "document_find", side_effect=lambda d: next(calls, real_find(d))
    ):
        second = services.crossing_record(actor=Actor(officer=colleague), request=request())
    assert second.replayed is False
    assert Crossing.objects.count() == 2
    assert Traveller.objects.count() == 1


@pytest.mark.django_db
def test_an_arabic_script_name_is_kept_and_markup_or_bidi_controls_come_back_inert(
    officer, client_for
):
    client = client_for(officer)
    name = "كريمي <b>رضا</b>\u202e"
    entered = post(client, crossing_body("entry", passport(), name_ar=name, occurred_at=at(1)))
    assert entered.status_code == 201
    assert Traveller.objects.get().name_ar == name
    check = client.post(
        "/api/v1/crossings/check",
        {"mrz": passport(), "crossing_point": "zurbatiya", "direction": "exit"},
        content_type="application/json",
    )
    assert check["Content-Type"] == "application/json; charset=utf-8"
    assert check.json()["identity"]["name_ar"] == name
