"""The primary line in a real browser, by keyboard alone: log in, scan, read the card, act
with one key (journeys 3, 4 and 8, and the clean and expired cases)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from hudud.agencies.totp import totp_code_now
from hudud.border.models import Crossing
from hudud.demo import scenarios
from hudud.revenue.models import Fee


def _scenario(name: str) -> scenarios.Scenario:
    return scenarios.scenarios()[name]


def scan(page: Page, zone: str) -> None:
    """Type the zone as a document reader does: each line, then Enter."""
    for line in zone.splitlines():
        page.keyboard.type(line)
        page.keyboard.press("Enter")


def settled(page: Page) -> None:
    """The card has settled: its suggested action holds the focus, so keys reach the card."""
    expect(page.locator("#check-card [data-autofocus]")).to_be_focused()


def open_line(page: Page, url: str, point: str, direction: str = "entry") -> None:
    page.goto(f"{url}/line/?point={point}&direction={direction}")
    expect(page.locator("#id_mrz")).to_be_focused()


def test_an_officer_logs_in_and_records_a_clean_entry_by_keyboard_alone(
    page: Page, live_server: Any, demo: Any, shot: Any
) -> None:
    account = next(a for a in demo.accounts if a.username == "primary.zurbatiya")
    page.goto(f"{live_server.url}/line/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/line/")
    shot(page, "01-login")
    page.fill("#id_username", account.username)
    page.fill("#id_password", account.password)
    page.keyboard.press("Enter")
    # The second factor: the code the officer's authenticator app shows now.
    expect(page.locator("#id_code")).to_be_focused()
    shot(page, "01b-login-code")
    page.keyboard.type(totp_code_now(account.officer.user))
    page.keyboard.press("Enter")
    expect(page.locator("#id_mrz")).to_be_focused()
    page.goto(f"{live_server.url}/line/?point=ibrahim-khalil&direction=entry")
    expect(page.locator("#id_mrz")).to_be_focused()
    shot(page, "02-primary-line-empty")

    scan(page, _scenario("clean_entry_turkish_ibrahim_khalil").mrzs[0])
    card = page.locator("#check-card")
    expect(card).to_have_attribute("data-cue", "green")
    expect(card.locator("[data-watchlist]")).to_have_attribute("data-watchlist", "clear")
    expect(card.get_by_role("button", name="Record entry")).to_be_focused()
    shot(page, "03-card-green")

    page.keyboard.press("Enter")
    expect(page.locator("#recorded")).to_contain_text("Entry recorded")
    expect(page.locator("#id_mrz")).to_be_focused()
    expect(page.locator("#id_mrz")).to_have_value("")
    shot(page, "04-entry-recorded")
    person = _scenario("clean_entry_turkish_ibrahim_khalil").people[0]
    last = Crossing.objects.filter(document__number=person.number).latest("occurred_at")
    assert (last.kind, last.crossing_point.code) == ("entry", "ibrahim-khalil")


def test_a_garbled_zone_shows_the_failing_check_digit_and_is_corrected_by_hand(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    session_for(page, "primary.zurbatiya")
    open_line(page, live_server.url, "trebil")
    wrong, short = _scenario("garbled_mrz").mrzs
    scan(page, short)
    expect(page.locator("#check-card")).to_contain_text("line 2 has 31 characters; 44 expected")
    shot(page, "05-garbled-short")
    settled(page)
    page.keyboard.press("Escape")
    page.keyboard.press("Control+A")
    scan(page, wrong)
    card = page.locator("#check-card")
    expect(card).to_contain_text("line 2, position 20: the birth date's check digit is wrong")
    expect(card.locator(".zone mark")).to_have_count(1)
    shot(page, "06-garbled-check-digit")

    # "Correct by hand" selects the failing digit; the printed zone gives the right one. The
    # garbled zone's composite digit was computed over the wrong digit, so it fails next.
    right = _scenario("garbled_mrz").people[0].mrz().splitlines()[1]
    settled(page)
    page.keyboard.press("Enter")
    expect(page.locator("#id_mrz")).to_be_focused()
    page.keyboard.type(right[19])
    page.keyboard.press("Control+Enter")
    expect(card).to_contain_text("line 2, position 44: the composite check digit is wrong")
    settled(page)
    page.keyboard.press("Enter")
    page.keyboard.type(right[43])
    page.keyboard.press("Control+Enter")
    expect(page.locator("#check-card")).to_have_attribute("data-cue", "green")
    shot(page, "07-corrected")


def test_an_expired_passport_is_refused_with_code_a_in_one_keystroke(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    session_for(page, "primary.zurbatiya")
    open_line(page, live_server.url, "safwan")
    scan(page, _scenario("expired_document_safwan").mrzs[0])
    card = page.locator("#check-card")
    expect(card).to_have_attribute("data-cue", "red")
    expect(card).to_contain_text("the document expired on")
    expect(card.get_by_role("button", name="Refuse entry (A)")).to_be_focused()
    shot(page, "08-card-red-expired")
    page.keyboard.press("Enter")
    expect(page.locator("#recorded")).to_contain_text("Refusal of entry recorded (reason A)")
    person = _scenario("expired_document_safwan").people[0]
    refusal = Crossing.objects.get(document__number=person.number, kind="refusal")
    assert refusal.refusal_reasons == "A"


def test_another_refusal_reason_is_r_then_its_letter(
    page: Page, live_server: Any, demo: Any, session_for: Any
) -> None:
    session_for(page, "primary.zurbatiya")
    open_line(page, live_server.url, "ibrahim-khalil")
    scan(page, _scenario("clean_entry_turkish_ibrahim_khalil").mrzs[0])
    expect(page.locator("#check-card")).to_have_attribute("data-cue", "green")
    settled(page)
    page.keyboard.press("r")
    expect(page.locator("[data-refusal-panel]")).to_be_visible()
    page.keyboard.press("g")
    expect(page.locator("#recorded")).to_contain_text("reason G")


def test_an_overstay_shows_in_days_with_its_fine_at_exit_and_the_exit_is_recorded(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    session_for(page, "primary.zurbatiya")
    open_line(page, live_server.url, "baghdad-airport", "exit")
    scan(page, _scenario("overstay_exit_baghdad").mrzs[0])
    card = page.locator("#check-card")
    expect(card).to_have_attribute("data-cue", "amber")
    expect(card).to_contain_text(f"overstayed by {scenarios.OVERSTAY_DAYS} days")
    fee = Fee.objects.get(kind="residence_fine", unit="per_day")
    due = fee.amount * scenarios.OVERSTAY_DAYS
    expect(card.locator(".reason .fine-due")).to_contain_text(
        f"Fine due: {scenarios.OVERSTAY_DAYS} days × {fee.amount:,.0f} {fee.currency} "
        f"= {due:,.0f} {fee.currency}"
    )
    settled(page)
    shot(page, "09-card-amber-overstay")
    page.keyboard.press("Enter")
    expect(page.locator("#recorded")).to_contain_text(
        f"Left {scenarios.OVERSTAY_DAYS} days after the last allowed day"
    )


def test_a_returning_iraqi_is_offered_a_migrant_resource_centre_referral(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    session_for(page, "primary.zurbatiya")
    open_line(page, live_server.url, "ibrahim-khalil")
    scan(page, _scenario("returning_iraqi_ibrahim_khalil").mrzs[0])
    card = page.locator("#check-card")
    expect(card).to_have_attribute("data-cue", "green")
    expect(card.locator(".prompt")).to_contain_text("Migrant Resource Centre")
    expect(card.locator(".name-arabic")).to_be_visible()
    settled(page)
    shot(page, "10-card-returning-iraqi")
    page.keyboard.press("Enter")
    expect(page.locator("#recorded")).to_contain_text("Entry recorded")


def test_a_crossing_saved_while_the_link_dropped_is_recorded_once_on_retry(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    """Journey 8: the answer to "record entry" is lost; the officer presses Enter again."""
    session_for(page, "primary.zurbatiya")
    open_line(page, live_server.url, "ibrahim-khalil")
    person = _scenario("clean_entry_turkish_ibrahim_khalil").people[0]
    scan(page, person.mrz())
    expect(page.locator("#check-card")).to_have_attribute("data-cue", "green")
    settled(page)
    lost: list[int] = []

    def lose_the_first_answer(route: Any) -> None:
        if lost:
            route.continue_()
            return
        lost.append(route.fetch().status)  # the server saves the crossing...
        route.abort("connectionreset")  # ...and its answer never arrives

    page.route("**/line/decide", lose_the_first_answer)
    page.keyboard.press("Enter")
    expect(page.locator("#request-status")).to_contain_text("The connection dropped")
    shot(page, "18-link-dropped")
    page.keyboard.press("Enter")
    expect(page.locator("#recorded")).to_contain_text("already recorded (retry)")
    expect(page.locator("#request-status")).to_be_hidden()
    assert lost == [200]
    entries = Crossing.objects.filter(document__number=person.number, kind="entry")
    assert entries.count() == 2  # the demo's earlier trip, and this one, once
