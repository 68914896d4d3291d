"""The primary-line check, POST /api/v1/crossings/check, walked as an officer would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from conftest import crossing_body, passport
from hudud.audit.models import AuditEvent

URL = "/api/v1/crossings/check"
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def check(client, mrz_text, direction="entry", crossing_point="zurbatiya", at=NOW, **extra):
    body = {
        "mrz": mrz_text,
        "crossing_point": crossing_point,
        "direction": direction,
        "at": at.isoformat(),
        **extra,
    }
    return client.post(URL, body, content_type="application/json")


def record(client, kind, mrz_text, at, crossing_point="zurbatiya", **extra):
    body = crossing_body(kind, mrz_text, crossing_point, occurred_at=at.isoformat(), **extra)
    response = client.post("/api/v1/crossings", body, content_type="application/json")
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.mark.django_db
def test_a_first_time_traveller_is_read_from_the_mrz_with_a_green_cue(officer, client_for):
    response = check(client_for(officer), passport(surname="KARIMI", given_names="REZA ALI"))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["cue"] == "green"
    assert body["reasons"] == []
    assert body["document"]["valid"] is True
    assert body["document"]["format"] == "TD3"
    assert body["document"]["number"] == "K12345678"
    assert body["document"]["days_to_expiry"] == (date(2030, 5, 1) - NOW.date()).days
    assert body["identity"] == {
        "traveller_id": None,
        "known": False,
        "surname": "KARIMI",
        "given_names": "REZA ALI",
        "name_ar": "",
        "birth_date": "1985-03-14",
        "birth_date_raw": "",
        "sex": "M",
        "nationality": "IRN",
    }
    assert body["recent_crossings"] == []
    assert body["watchlist"] == {"status": "clear", "hits": []}
    # Iranians get 90 days in any 180 (stay_rules.json): entering today allows 90 days.
    assert body["stay"]["policy"] == {"kind": "rolling", "max_days": 90, "window_days": 180}
    assert body["stay"]["last_allowed_day"] == str(NOW.date() + timedelta(days=89))


@pytest.mark.django_db
def test_a_known_traveller_shows_recent_crossings_and_the_current_stay(officer, client_for):
    client = client_for(officer)
    doc = passport()
    record(client, "entry", doc, NOW - timedelta(days=20))
    response = check(client, doc, direction="exit")
    body = response.json()
    assert body["identity"]["known"] is True
    assert [c["kind"] for c in body["recent_crossings"]] == ["entry"]
    assert body["recent_crossings"][0]["crossing_point_name"] == "Zurbatiya"
    assert body["stay"]["present"] is True
    assert body["stay"]["days_used"] == 21  # entry day and today both count
    assert body["stay"]["remaining_days"] == 90 - 21
    assert body["cue"] == "green"
    assert body["fine_due"] is None  # no overstay, no fine


@pytest.mark.django_db
def test_a_failed_check_digit_is_shown_with_its_field_and_a_red_cue(officer, client_for):
    lines = passport().split("\n")
    # Position 19 of line 2 is the birth date's check digit (ICAO 9303 TD3).
    wrong = str((int(lines[1][19]) + 1) % 10)
    garbled = lines[0] + "\n" + lines[1][:19] + wrong + lines[1][20:]
    body = check(client_for(officer), garbled).json()
    assert body["document"]["valid"] is False
    codes = {e["code"] for e in body["document"]["errors"]}
    assert "birth_date_check_digit" in codes
    assert body["cue"] == "red"
    assert any(
        r["code"] == "birth_date_check_digit" and r["suggests"] == "A" for r in body["reasons"]
    )


@pytest.mark.django_db
def test_an_unreadable_mrz_is_a_422_naming_the_mrz(officer, client_for):
    response = check(client_for(officer), "P<IRNKARIMI<<REZA\nK1234")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors
    assert all(e["field"].startswith("mrz") for e in errors)
    assert errors[0]["code"] == "unrecognised_format"


@pytest.mark.django_db
def test_an_expired_passport_gives_a_red_cue_suggesting_refusal_code_a(officer, client_for):
    body = check(client_for(officer), passport(expiry=date(2026, 2, 1))).json()
    assert body["document"]["expired"] is True
    assert body["cue"] == "red"
    assert {
        "code": "document_expired",
        "severity": "red",
        "message": "document expired on 2026-02-01",
        "suggests": "A",
    } in body["reasons"]


@pytest.mark.django_db
def test_an_iranian_who_used_90_of_180_days_is_cued_red_with_code_f(officer, client_for):
    client = client_for(officer)
    doc = passport()
    record(client, "entry", doc, NOW - timedelta(days=100))
    record(client, "exit", doc, NOW - timedelta(days=11))  # 90 days inside, counted inclusive
    body = check(client, doc).json()
    assert body["stay"]["last_allowed_day"] is None
    assert body["cue"] == "red"
    assert any(r["code"] == "stay_used" and r["suggests"] == "F" for r in body["reasons"])


@pytest.mark.django_db
def test_an_earlier_refusal_is_shown_and_cued_amber(officer, client_for):
    client = client_for(officer)
    doc = passport()
    record(client, "refusal", doc, NOW - timedelta(days=3), refusal_reasons=["G"])
    body = check(client, doc).json()
    assert [r["refusal_reasons"] for r in body["refusals"]] == [["G"]]
    assert body["cue"] == "amber"


@pytest.mark.django_db
def test_a_document_typed_by_hand_is_checked_like_a_scanned_one(officer, client_for):
    body = {
        "document": {
            "document_code": "P",
            "issuing_state": "TUR",
            "number": "U 1234-567",
            "nationality": "TUR",
            "surname": "Yilmaz",
            "given_names": "Ayse",
            "sex": "F",
            "birth_date": "1990-01-02",
            "expiry_date": "2031-01-01",
        },
        "crossing_point": "zurbatiya",
        "direction": "entry",
        "at": NOW.isoformat(),
    }
    response = client_for(officer).post(URL, body, content_type="application/json")
    assert response.status_code == 200, response.json()
    result = response.json()
    assert result["document"]["source"] == "manual"
    assert result["document"]["number"] == "U1234567"
    assert result["identity"]["surname"] == "YILMAZ"
    assert result["stay"]["policy"] == {
        "kind": "per_entry",
        "max_days": 30,
        "valid_from": None,
        "valid_until": None,
    }


@pytest.mark.django_db
def test_every_check_writes_an_audit_event_saying_who_what_and_where(officer, client_for):
    client = client_for(officer)
    doc = passport()
    record(client, "entry", doc, NOW - timedelta(days=2))
    before = AuditEvent.objects.count()
    body = check(client, doc, direction="exit").json()
    event = AuditEvent.objects.order_by("id").last()
    assert AuditEvent.objects.count() == before + 1
    assert event.action == "traveller.lookup"
    assert event.actor_username == "primary"
    assert event.agency_code == "bpc"
    assert event.object_type == "traveller"
    assert event.object_id == body["identity"]["traveller_id"]
    assert event.crossing_point_code == "zurbatiya"
    assert event.source_ip == "127.0.0.1"


@pytest.mark.django_db
def test_a_check_without_credentials_is_401(db, client):
    response = client.post(
        URL,
        {"mrz": passport(), "crossing_point": "zurbatiya", "direction": "entry"},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "unauthenticated"


@pytest.mark.django_db
def test_an_officer_cannot_check_at_a_crossing_point_they_are_not_posted_to(officer, client_for):
    response = check(client_for(officer), passport(), crossing_point="safwan")
    assert response.status_code == 403
    assert response.json()["errors"][0]["field"] == "crossing_point"


@pytest.mark.django_db
def test_a_customs_officer_cannot_look_travellers_up(other_agency_officer, client_for):
    response = check(client_for(other_agency_officer), passport(), crossing_point="umm-qasr-north")
    assert response.status_code == 403


@pytest.mark.django_db
def test_an_unknown_crossing_point_is_404_naming_the_field(officer, client_for):
    response = check(client_for(officer), passport(), crossing_point="atlantis")
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "crossing_point"


@pytest.mark.django_db
def test_missing_and_wrong_fields_are_422_each_named(officer, client_for):
    response = client_for(officer).post(
        URL, {"mrz": passport(), "direction": "sideways"}, content_type="application/json"
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"crossing_point", "direction"}


@pytest.mark.django_db
def test_sending_both_an_mrz_and_typed_fields_is_422(officer, client_for):
    body = {
        "mrz": passport(),
        "document": {
            "document_code": "P",
            "issuing_state": "IRN",
            "number": "1",
            "nationality": "IRN",
            "surname": "X",
        },
        "crossing_point": "zurbatiya",
        "direction": "entry",
    }
    response = client_for(officer).post(URL, body, content_type="application/json")
    assert response.status_code == 422
    assert "exactly one of mrz or document" in response.json()["errors"][0]["message"]


@pytest.mark.django_db
def test_a_time_without_a_time_zone_is_rejected(officer, client_for):
    response = check(client_for(officer), passport(), at=datetime(2026, 3, 1, 9, 0))  # noqa: DTZ001
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "at"


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_a_clear_error(officer, client_for):
    response = client_for(officer).post(URL, "{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert response.json()["errors"]


@pytest.mark.django_db
def test_claiming_to_be_another_officer_is_refused(officer, colleague, client_for):
    response = check(client_for(officer), passport(), officer=colleague.badge_number)
    assert response.status_code == 403
    assert response.json()["errors"][0]["field"] == "officer"


@pytest.mark.django_db
def test_at_the_entry_lane_the_stay_is_a_projection_not_a_presence(officer, client_for):
    client = client_for(officer)
    doc = passport()
    record(client, "entry", doc, NOW - timedelta(days=100))
    record(client, "exit", doc, NOW - timedelta(days=11))
    stay = check(client, doc).json()["stay"]
    assert stay["present"] is False
    assert stay["overstay_days"] == 0
    assert stay["days_used"] == 90


@pytest.mark.django_db
def test_on_the_day_of_a_recorded_exit_the_traveller_is_not_shown_as_inside(officer, client_for):
    client = client_for(officer)
    doc = passport()
    record(client, "entry", doc, NOW - timedelta(days=5))
    record(client, "exit", doc, NOW - timedelta(hours=1))
    stay = check(client, doc, direction="exit").json()["stay"]
    assert stay["present"] is False
    assert stay["entry_date"] is None


@pytest.mark.django_db
def test_the_check_costs_the_same_queries_however_long_the_history(
    officer, client_for, django_assert_max_num_queries
):
    client = client_for(officer)
    doc = passport()
    for days in range(60, 0, -4):
        record(client, "entry", doc, NOW - timedelta(days=days))
        record(client, "exit", doc, NOW - timedelta(days=days - 1))
    record(client, "refusal", doc, NOW - timedelta(hours=2), refusal_reasons=["E"])
    assert check(client, doc).status_code == 200  # builds the process's screening index
    # Token look-up, crossing point with posting, document, recent crossings, refusals, history
    # (two), permits, stay rules, audit insert (with its transaction), and for the watchlist
    # screening: the posting, the lists in force, entries changed since the index's revision.
    # No query per crossing.
    with django_assert_max_num_queries(16):
        assert check(client, doc).status_code == 200
