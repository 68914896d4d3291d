"""The journeys' scenarios hold in a freshly loaded demo, through the real services."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from hudud.agencies.models import Officer
from hudud.border.documents import document_from_mrz
from hudud.border.models import Crossing, TravelDocument
from hudud.border.services import CrossingRequest, crossing_record
from hudud.border.stays import stay_status
from hudud.cli import main
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.core import mrz
from hudud.demo.load import demo_load
from hudud.demo.scenarios import EXPIRED_ON, EXPIRED_PILGRIM, PILGRIMS, scenarios


@pytest.fixture
def loaded(db: None) -> None:
    demo_load(travellers=50, seed=5)


def _document(zone: str) -> TravelDocument | None:
    result = mrz.parse(zone, today=timezone.localdate())
    return TravelDocument.objects.filter(
        issuing_state=result.issuing_state, number=result.document_number
    ).first()


def _record(username: str, point: str, kind: str, zone: str, **extra: object) -> Crossing:
    officer = Officer.objects.get(user__username=username)
    request = CrossingRequest(
        client_id=uuid.uuid4(),
        kind=kind,
        crossing_point_code=point,
        document=document_from_mrz(zone, today=timezone.localdate()),
        **extra,  # type: ignore[arg-type]
    )
    return crossing_record(actor=Actor(officer), request=request).crossing


def test_every_scenario_mrz_is_valid_except_the_garbled_ones() -> None:
    for name, scenario in scenarios().items():
        if name == "garbled_mrz":
            continue
        for zone in scenario.mrzs:
            assert mrz.parse(zone, today=timezone.localdate()).valid, (name, zone)


def test_the_pilgrim_bus_has_48_new_iranian_passports_one_expired(loaded: None) -> None:
    zones = scenarios()["pilgrim_bus_zurbatiya"].mrzs
    assert len(zones) == PILGRIMS
    results = [mrz.parse(zone, today=timezone.localdate()) for zone in zones]
    assert {r.nationality for r in results} == {"IRN"}
    today = timezone.localdate()
    expired = [i for i, r in enumerate(results) if r.expiry_date and r.expiry_date < today]
    assert expired == [EXPIRED_PILGRIM]
    assert results[EXPIRED_PILGRIM].expiry_date == EXPIRED_ON
    assert all(_document(zone) is None for zone in zones)


@pytest.mark.usefixtures("loaded")
def test_the_overstayer_leaves_baghdad_12_days_late() -> None:
    zone = scenarios()["overstay_exit_baghdad"].mrzs[0]
    exit_ = _record("primary.baghdad", "baghdad-airport", "exit", zone)
    assert exit_.overstay_days == 12


@pytest.mark.usefixtures("loaded")
def test_the_overstayer_is_inside_past_the_visa_on_arrival() -> None:
    document = _document(scenarios()["overstay_exit_baghdad"].mrzs[0])
    assert document is not None
    traveller = document.traveller
    status = stay_status(traveller=traveller, as_of=timezone.localdate())
    assert status.present
    assert status.overstay_days == 12
    assert traveller.permits.get().kind == "visa_on_arrival"
    assert traveller.stay_last_allowed_day == timezone.localdate() - timedelta(days=12)


@pytest.mark.usefixtures("loaded")
def test_the_returning_iraqi_last_left_years_ago_and_enters_cleanly() -> None:
    zone = scenarios()["returning_iraqi_ibrahim_khalil"].mrzs[0]
    document = _document(zone)
    assert document is not None
    last = Crossing.objects.filter(traveller=document.traveller).latest("occurred_at")
    assert last.kind == "exit"
    assert last.occurred_at.year <= timezone.localdate().year - 3
    entry = _record("primary.zurbatiya", "ibrahim-khalil", "entry", zone)
    assert entry.traveller.is_present
    assert entry.traveller.stay_last_allowed_day is None


@pytest.mark.usefixtures("loaded")
def test_the_iranian_has_used_90_of_180_days_so_entry_today_is_refused_f() -> None:
    document = _document(scenarios()["stay_used_rolling_iran"].mrzs[0])
    assert document is not None
    today = timezone.localdate()
    status = stay_status(traveller=document.traveller, as_of=today, assume_entry_on=today)
    assert status.days_used >= 90
    assert status.last_allowed_day is None
    assert status.remaining_days == 0


@pytest.mark.usefixtures("loaded")
def test_the_expired_kuwaiti_passport_cannot_enter_at_safwan_but_can_be_refused() -> None:
    zone = scenarios()["expired_document_safwan"].mrzs[0]
    with pytest.raises(ServiceError) as raised:
        _record("line.safwan.1", "safwan", "entry", zone)
    assert raised.value.problems[0].code == "document_expired"
    refusal = _record("line.safwan.1", "safwan", "refusal", zone, refusal_reasons=("A",))
    assert refusal.refusal_reasons == "A"


@pytest.mark.usefixtures("loaded")
def test_the_turkish_visitor_enters_cleanly_at_ibrahim_khalil() -> None:
    zone = scenarios()["clean_entry_turkish_ibrahim_khalil"].mrzs[0]
    assert _document(zone) is not None
    entry = _record("primary.zurbatiya", "ibrahim-khalil", "entry", zone)
    assert entry.traveller.stay_last_allowed_day == timezone.localdate() + timedelta(days=29)


def test_the_garbled_mrzs_fail_on_the_birth_date_check_digit_and_on_length() -> None:
    wrong_digit, truncated = scenarios()["garbled_mrz"].mrzs
    result = mrz.parse(wrong_digit, today=timezone.localdate())
    assert [error.code for error in result.errors] == ["birth_date_check_digit"]
    cut = mrz.parse(truncated, today=timezone.localdate())
    assert not cut.valid
    assert cut.errors


def test_hudud_demo_scenarios_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "scenarios"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown) == set(scenarios())
    assert len(shown["pilgrim_bus_zurbatiya"]["mrzs"]) == PILGRIMS
    assert shown["overstay_exit_baghdad"]["direction"] == "exit"
    assert set(shown["overstay_exit_baghdad"]) == {
        "description",
        "crossing_point",
        "direction",
        "mrz",
    }


@pytest.mark.django_db
def test_hudud_demo_load_prints_accounts_and_says_when_already_loaded(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "load", "--travellers", "20"]) == 0
    first = capsys.readouterr().out
    assert "Loaded 20 travellers" in first
    assert "primary.zurbatiya" in first
    assert "Log in at http://127.0.0.1:8000/" in first
    assert main(["demo", "load", "--travellers", "20"]) == 0
    assert "demo data already loaded" in capsys.readouterr().out


@pytest.mark.usefixtures("loaded")
def test_the_demo_primary_officer_is_posted_wherever_a_scenario_happens() -> None:
    from hudud.border.models import Posting

    posts = set(
        Posting.objects.filter(officer__user__username="primary.zurbatiya").values_list(
            "crossing_point__code", flat=True
        )
    )
    assert {s.crossing_point for s in scenarios().values()} <= posts
