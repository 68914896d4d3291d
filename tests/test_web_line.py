"""The primary-line screen through Django's test client: the card, the decision keys' forms,
exactly-once recording, journey 8's garbled zones, and who may use it."""

from __future__ import annotations

import re
import uuid
from datetime import date
from html import unescape

import pytest
from django.test import Client

from conftest import make_officer, passport
from hudud.agencies.models import Officer
from hudud.audit.models import AuditEvent
from hudud.border.models import Crossing
from hudud.common.actor import Actor
from hudud.demo import scenarios, watchlists
from hudud.demo.load import demo_load
from hudud.revenue.models import Fee
from hudud.revenue.services import ReceiptRequest, receipt_issue
from hudud.watchlists.index_cache import screening_index_cache

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def fresh_index():
    screening_index_cache.reset()
    yield
    screening_index_cache.reset()


@pytest.fixture
def line(client: Client, officer: Officer) -> Client:
    client.force_login(officer.user)
    return client


def check(client: Client, zone: str, point: str = "zurbatiya", direction: str = "entry") -> str:
    response = client.post(
        "/line/check", {"point": point, "direction": direction, "mrz": zone}, headers=HTMX
    )
    assert response.status_code == 200
    return response.content.decode()


def decide(client: Client, card: str, action: str, **extra: str) -> str:
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', card))
    fields = {k: unescape(v) for k, v in fields.items() if k != "csrfmiddlewaretoken"}
    response = client.post("/line/decide", {**fields, "action": action, **extra}, headers=HTMX)
    assert response.status_code == 200
    return response.content.decode()


def autofocused_button(card: str) -> str:
    found = re.search(r"<button[^>]*data-autofocus[^>]*>(.*?)</button>", card, re.S)
    assert found is not None, "no button takes the focus"
    return found.group(1)


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client: Client) -> None:
    response = client.get("/line/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Officer.Role.REVENUE, Officer.Role.ANALYST, Officer.Role.AUDITOR])
def test_roles_that_do_not_process_travellers_cannot_use_the_line(client: Client, role) -> None:
    someone = make_officer("someone", role, "bpc", ("zurbatiya",))
    client.force_login(someone.user)
    assert client.get("/line/").status_code == 403
    assert client.post("/line/check", {"point": "zurbatiya", "mrz": passport()}).status_code == 403


@pytest.mark.django_db
def test_the_screen_opens_with_focus_in_the_document_field_at_a_posted_point(line: Client) -> None:
    page = line.get("/line/?point=safwan").content.decode()  # not posted there
    assert re.search(r"<textarea[^>]*autofocus[^>]*data-scan", page)
    selected = re.search(r'<option value="([a-z-]+)" selected>', page)
    assert selected is not None
    assert selected.group(1) == "baghdad-airport"  # the first of the officer's postings, by name
    assert 'value="safwan"' not in page


@pytest.mark.django_db
def test_a_clean_passport_gives_a_green_card_whose_enter_records_the_entry(line: Client) -> None:
    card = check(line, passport())
    assert "<html" not in card  # a partial for htmx
    assert 'data-cue="green"' in card
    assert "Record entry" in autofocused_button(card)
    assert AuditEvent.objects.filter(action="traveller.lookup").count() == 1
    recorded = decide(line, card, "entry")
    assert "Entry recorded" in recorded
    assert "data-reset-scan" in recorded
    crossing = Crossing.objects.get()
    assert (crossing.kind, crossing.crossing_point.code) == ("entry", "zurbatiya")


@pytest.mark.django_db
def test_a_decision_sent_twice_is_recorded_once(line: Client) -> None:
    card = check(line, passport())
    decide(line, card, "entry")
    again = decide(line, card, "entry")
    assert "already recorded (retry)" in again
    assert Crossing.objects.count() == 1


@pytest.mark.django_db
def test_without_javascript_the_check_answers_the_whole_page(line: Client) -> None:
    response = line.post(
        "/line/check", {"point": "zurbatiya", "direction": "entry", "mrz": passport()}
    )
    page = response.content.decode()
    assert "<html" in page
    assert 'id="check-card"' in page


@pytest.mark.django_db
def test_an_expired_passport_suggests_refusal_a_and_records_it(line: Client) -> None:
    card = check(line, passport(expiry=date(2024, 1, 31)))
    assert 'data-cue="red"' in card
    assert "the document expired on" in card
    assert "Refuse entry (A)" in autofocused_button(card)
    assert "Refusal of entry recorded (reason A)" in decide(line, card, "refusal:A")
    assert Crossing.objects.get().refusal_reasons == "A"


@pytest.mark.django_db
def test_recording_the_entry_of_an_expired_passport_is_refused_by_the_service(
    line: Client,
) -> None:
    card = check(line, passport(expiry=date(2024, 1, 31)))
    answer = decide(line, card, "entry")
    assert "expired on 2024-01-31" in answer
    assert Crossing.objects.count() == 0


@pytest.mark.django_db
def test_any_refusal_code_a_to_i_is_offered_and_an_unknown_action_records_nothing(
    line: Client,
) -> None:
    card = check(line, passport())
    assert [c for c in "ABCDEFGHI" if f'data-refusal="{c}"' in card] == list("ABCDEFGHI")
    assert "Unknown action" in decide(line, card, "refusal:Z")
    assert Crossing.objects.count() == 0


@pytest.mark.django_db
def test_a_wrong_check_digit_names_the_line_and_position_and_marks_the_character(
    line: Client,
) -> None:
    wrong, _short = scenarios.scenarios()["garbled_mrz"].mrzs
    card = check(line, wrong, point="baghdad-airport")
    assert "line 2, position 20: the birth date&#x27;s check digit is wrong" in card
    assert re.findall(r"<mark>(.)</mark>", card) == [wrong.splitlines()[1][19]]
    assert "Correct by hand" in autofocused_button(card)
    assert 'data-line="2" data-position="20"' in card


@pytest.mark.django_db
def test_a_zone_cut_short_says_which_line_is_short(line: Client) -> None:
    _wrong, short = scenarios.scenarios()["garbled_mrz"].mrzs
    card = check(line, short, point="baghdad-airport")
    assert "line 2 has 31 characters; 44 expected" in card
    assert 'class="zone-length wrong">31<' in card
    assert AuditEvent.objects.filter(action="traveller.lookup").count() == 0


@pytest.mark.django_db
def test_an_officer_cannot_check_at_a_crossing_point_they_are_not_posted_to(line: Client) -> None:
    response = line.post(
        "/line/check", {"point": "safwan", "direction": "entry", "mrz": passport()}, headers=HTMX
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_possible_match_is_sent_to_secondary_with_enter_and_audited(line: Client) -> None:
    admin = make_officer("passports.admin", Officer.Role.AGENCY_ADMIN, "moi-passports")
    watchlists.watchlists_load(admin=admin)
    bus = scenarios.scenarios()["pilgrim_bus_zurbatiya"]
    card = check(line, bus.mrzs[scenarios.WATCHLIST_PILGRIM])
    assert 'data-cue="red"' in card
    assert 'data-watchlist="hit"' in card
    assert "possible match on National entry ban (demo)" in card
    assert "Send to secondary inspection" in autofocused_button(card)
    answer = decide(line, card, "secondary")
    assert "Sent to secondary inspection" in answer
    referral = AuditEvent.objects.get(action="alert.refer")
    assert referral.crossing_point_code == "zurbatiya"
    assert Crossing.objects.count() == 0


@pytest.mark.django_db
def test_the_arabic_card_says_its_reasons_in_arabic(line: Client) -> None:
    line.post("/preferences/language", {"language": "ar"})
    card = check(line, passport(expiry=date(2024, 1, 31)))
    assert "انتهى نفاذ الوثيقة في ٣١ كانون الثاني، ٢٠٢٤" in card
    assert "رفض الدخول (A)" in card


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return demo_load(travellers=20, seed=3)


def _primary(demo) -> Client:
    client = Client()
    client.force_login(next(a.officer.user for a in demo.accounts if a.role == "primary"))
    return client


def _residence_fine() -> Fee:
    return Fee.objects.get(kind="residence_fine", unit="per_day")


def _json_check(client: Client, zone: str, point: str, direction: str) -> dict:
    body = {"mrz": zone, "crossing_point": point, "direction": direction}
    response = client.post("/api/v1/crossings/check", body, content_type="application/json")
    assert response.status_code == 200, response.json()
    return response.json()


@pytest.mark.django_db
def test_journey_3_the_overstay_shows_in_days_with_its_fine_and_the_exit_records_it(demo) -> None:
    client = _primary(demo)
    zone = scenarios.scenarios()["overstay_exit_baghdad"].mrzs[0]
    fee, days = _residence_fine(), scenarios.OVERSTAY_DAYS
    due = fee.amount * days
    body = _json_check(client, zone, "baghdad-airport", "exit")
    assert body["cue"] == "amber"
    assert [r["code"] for r in body["reasons"]] == ["overstay"]
    assert body["stay"]["overstay_days"] == days
    assert body["fine_due"] == {
        "days": days,
        "per_day": str(fee.amount),
        "amount": str(due),
        "currency": fee.currency,
        "fee_code": fee.code,
        "legal_basis": fee.legal_basis,
    }
    card = check(client, zone, point="baghdad-airport", direction="exit")
    assert 'data-cue="amber"' in card
    assert f"overstayed by {days} days" in card
    line = f"{days} days × {fee.amount:,.0f} {fee.currency} = {due:,.0f} {fee.currency}"
    assert f"Fine due: {line}" in card
    assert fee.legal_basis in card
    assert "30 days per entry" in card
    assert "Record exit" in autofocused_button(card)
    recorded = decide(client, card, "exit")
    assert f"Left {days} days after the last allowed day" in recorded
    exit_ = Crossing.objects.filter(kind="exit").latest("recorded_at")
    assert exit_.overstay_days == days


@pytest.mark.django_db
def test_journey_3_the_fine_is_said_in_arabic(demo) -> None:
    client = _primary(demo)
    client.post("/preferences/language", {"language": "ar"})
    zone = scenarios.scenarios()["overstay_exit_baghdad"].mrzs[0]
    card = check(client, zone, point="baghdad-airport", direction="exit")
    assert "الغرامة المستحقة" in card
    assert "Fine due" not in card


@pytest.mark.django_db
def test_without_a_residence_fine_in_the_schedule_no_fine_is_shown_and_the_cue_stays(
    demo,
) -> None:
    Fee.objects.filter(kind="residence_fine").update(valid_until=date(2020, 12, 31))
    client = _primary(demo)
    zone = scenarios.scenarios()["overstay_exit_baghdad"].mrzs[0]
    body = _json_check(client, zone, "baghdad-airport", "exit")
    assert body["fine_due"] is None
    assert body["cue"] == "amber"
    assert body["stay"]["overstay_days"] == scenarios.OVERSTAY_DAYS
    card = check(client, zone, point="baghdad-airport", direction="exit")
    assert f"overstayed by {scenarios.OVERSTAY_DAYS} days" in card
    assert "Fine due" not in card


@pytest.mark.django_db
def test_a_traveller_without_an_overstay_has_no_fine(line: Client) -> None:
    body = _json_check(line, passport(), "zurbatiya", "entry")
    assert body["fine_due"] is None
    assert "Fine due" not in check(line, passport())


@pytest.mark.django_db
def test_the_traveller_page_shows_the_fine_and_to_an_auditor_the_receipt_that_paid_it(
    demo,
) -> None:
    primary = _primary(demo)
    zone = scenarios.scenarios()["overstay_exit_baghdad"].mrzs[0]
    decide(primary, check(primary, zone, point="baghdad-airport", direction="exit"), "exit")
    traveller = Crossing.objects.filter(kind="exit").latest("recorded_at").traveller
    fee, days = _residence_fine(), scenarios.OVERSTAY_DAYS
    cashier = make_officer("cashier.bgw", "revenue", "bpc", ("baghdad-airport",))
    request = ReceiptRequest(
        client_id=uuid.uuid4(),
        crossing_point_code="baghdad-airport",
        kind="residence_fine",
        payer_name=str(traveller),
        fee_code=fee.code,
        traveller_id=traveller.pk,
    )
    receipt = receipt_issue(actor=Actor(cashier), request=request).receipt
    assert receipt.amount == fee.amount * days
    supervisor = Client()
    supervisor.force_login(next(a.officer.user for a in demo.accounts if a.role == "supervisor"))
    page = supervisor.get(f"/travellers/{traveller.pk}/").content.decode()
    assert f'data-fine="{fee.amount * days}"' in page
    assert receipt.number not in page  # a supervisor may not read receipts
    auditor = Client()
    auditor.force_login(next(a.officer.user for a in demo.accounts if a.role == "auditor"))
    page = auditor.get(f"/travellers/{traveller.pk}/").content.decode()
    assert f"paid: receipt {receipt.number}" in page
    read = AuditEvent.objects.filter(action="traveller.read").latest("occurred_at")
    assert read.details["fine_receipts"] == [receipt.number]


@pytest.mark.django_db
def test_journey_4_a_returning_iraqi_is_offered_a_referral_and_shown_in_both_scripts(
    demo,
) -> None:
    client = _primary(demo)
    person = scenarios.scenarios()["returning_iraqi_ibrahim_khalil"].people[0]
    card = check(client, person.mrz(), point="ibrahim-khalil")
    assert 'data-cue="green"' in card
    assert "Migrant Resource Centre" in card
    assert f'<span class="name-arabic" lang="ar" dir="rtl">{person.name_ar}</span>' in card
    assert "Record entry" in autofocused_button(card)


@pytest.mark.django_db
def test_an_iranian_with_no_day_left_is_suggested_refusal_f(demo) -> None:
    client = _primary(demo)
    card = check(client, scenarios.scenarios()["stay_used_rolling_iran"].mrzs[0])
    assert 'data-cue="red"' in card
    assert "the authorised stay is already used" in card
    assert "Refuse entry (F)" in autofocused_button(card)


@pytest.mark.django_db
def test_journey_5_an_arriving_passenger_shows_the_answer_the_carrier_got(demo) -> None:
    from hudud.manifests.models import ManifestTraveller

    client = _primary(demo)
    row = (
        ManifestTraveller.objects.filter(
            flight__number="ZZ482", role="passenger", board_status="ok", birth_date__isnull=False
        )
        .exclude(document_number="")
        .first()
    )
    assert row is not None
    assert row.birth_date is not None
    zone = passport(
        surname=row.surname,
        given_names=row.given_names,
        number=row.document_number,
        state=row.document_issuing_state,
        birth=row.birth_date,
        sex=row.sex or "M",
    )
    card = check(client, zone, point="najaf-airport")
    assert 'data-pre-arrival="on_manifest"' in card
    assert "ZZ482" in card
    assert "OK to board" in card
    stranger = check(client, passport(number="Q55554444"), point="najaf-airport")
    assert 'data-pre-arrival="not_on_manifest"' in stranger
    assert "data-pre-arrival" not in check(client, passport(number="Q55554445"))  # not an airport


@pytest.mark.django_db
def test_a_possible_match_offers_no_entry_key_until_secondary_decides(line: Client) -> None:
    admin = make_officer("passports.admin", Officer.Role.AGENCY_ADMIN, "moi-passports")
    watchlists.watchlists_load(admin=admin)
    bus = scenarios.scenarios()["pilgrim_bus_zurbatiya"]
    card = check(line, bus.mrzs[scenarios.WATCHLIST_PILGRIM])
    assert 'name="action" value="entry"' not in card
    assert "data-toggle-refusal" in card  # refusing stays possible
