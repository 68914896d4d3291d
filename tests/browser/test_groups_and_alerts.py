"""Journeys 1 and 2 in a real browser: a pilgrim bus in group mode, then the possible match
adjudicated at secondary inspection."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from hudud.audit.models import AuditEvent
from hudud.border.models import Crossing
from hudud.demo import scenarios
from hudud.watchlists.models import Alert, Clearance
from tests.browser.test_primary_line import scan, settled


def _bus() -> scenarios.Scenario:
    return scenarios.scenarios()["pilgrim_bus_zurbatiya"]


def test_a_pilgrim_bus_is_scanned_and_only_its_exceptions_need_the_officer(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    session_for(page, "primary.zurbatiya")
    page.goto(f"{live_server.url}/line/groups/?point=zurbatiya&direction=entry")
    shot(page, "11-groups")
    page.select_option("#id_kind", "pilgrim_bus")
    page.fill("#id_reference", "IR 41-277 B")
    page.get_by_role("button", name="Open the group").click()
    expect(page.locator("#id_mrz")).to_be_focused()

    bus = _bus()
    for zone in bus.mrzs:
        scan(page, zone)
        expect(page.locator("#id_mrz")).to_have_value("")
    expect(page.locator('dd[data-count="scanned"]')).to_have_text(str(scenarios.PILGRIMS))
    expect(page.locator('dd[data-count="clean"]')).to_have_text(str(scenarios.PILGRIMS - 2))
    expect(page.locator('dd[data-count="exceptions"]')).to_have_text("2")
    shot(page, "12-group-scanned")

    # A passport scanned twice is one row, one client id: it is recorded once.
    scan(page, bus.mrzs[0])
    expect(page.locator('dd[data-count="scanned"]')).to_have_text(str(scenarios.PILGRIMS + 1))
    expect(page.locator('dd[data-count="clean"]')).to_have_text(str(scenarios.PILGRIMS - 2))

    page.get_by_role("button", name="Record all clean entries").click()
    expect(page.locator('dd[data-count="recorded"]')).to_have_text(str(scenarios.PILGRIMS - 2))
    expect(page.locator('dd[data-count="clean"]')).to_have_text("0")

    expired = page.locator("#group-exceptions li", has_text="the document expired on")
    expired.get_by_role("button", name="Refuse entry (A)").click()
    matched = page.locator("#group-exceptions li", has_text="possible match on")
    matched.get_by_role("button", name="Send to secondary inspection").click()
    expect(page.locator("#group-exceptions")).to_contain_text("Sent to secondary inspection")
    expect(page.locator('dd[data-count="recorded"]')).to_have_text(str(scenarios.PILGRIMS - 1))
    shot(page, "13-group-settled")

    crossings = Crossing.objects.filter(group__reference="IR 41-277 B")
    assert crossings.filter(kind="entry").count() == scenarios.PILGRIMS - 2
    assert list(crossings.filter(kind="refusal").values_list("refusal_reasons", flat=True)) == ["A"]
    assert AuditEvent.objects.filter(action="alert.refer").count() == 1


def test_secondary_inspection_dismisses_the_namesake_and_clears_the_traveller(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    # The primary line checks the matching pilgrim: the alert is raised.
    session_for(page, "primary.zurbatiya")
    page.goto(f"{live_server.url}/line/?point=zurbatiya&direction=entry")
    match = _bus().mrzs[scenarios.WATCHLIST_PILGRIM]
    scan(page, match)
    expect(page.locator("#check-card")).to_have_attribute("data-cue", "red")
    settled(page)
    shot(page, "14-card-red-watchlist")
    page.keyboard.press("Enter")  # the suggested action: send to secondary
    expect(page.locator("#recorded")).to_contain_text("Sent to secondary inspection")

    page.context.clear_cookies()
    session_for(page, "secondary.zurbatiya")
    page.goto(f"{live_server.url}/alerts/?point=zurbatiya")
    shot(page, "15-alert-queue")
    page.locator("table.queue a").first.click()
    expect(page.locator("table.verdicts")).to_contain_text("20 years apart")
    expect(page.locator(".entry-names")).to_contain_text("HASANZADEH")
    shot(page, "16-alert")
    page.fill("#id_reason", "Listed person born 20 years earlier; photo does not match.")
    page.get_by_role("button", name="Not the listed person: dismiss").click()
    expect(page.locator(".messages")).to_contain_text("cleared for this entry")
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "dismissed")
    shot(page, "17-alert-dismissed")
    alert = Alert.objects.get()
    assert alert.status == "dismissed"
    assert Clearance.objects.filter(alert=alert).exists()

    # The next check of the same passport is not stopped again.
    page.context.clear_cookies()
    session_for(page, "primary.zurbatiya")
    page.goto(f"{live_server.url}/line/?point=zurbatiya&direction=entry")
    scan(page, match)
    expect(page.locator("[data-watchlist]")).to_have_attribute("data-watchlist", "cleared")
    expect(page.locator("#check-card")).to_have_attribute("data-cue", "green")

    # A supervisor sees the decision and its reason.
    page.context.clear_cookies()
    session_for(page, "supervisor")
    page.goto(f"{live_server.url}/alerts/?point=zurbatiya&status=dismissed")
    page.locator("table.queue a").first.click()
    expect(page.locator("#h-decision").locator("..")).to_contain_text("photo does not match")
