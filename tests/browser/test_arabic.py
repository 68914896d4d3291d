"""Arabic from the first screen: the switch, right-to-left layout, translated text, Iraqi
month names and Eastern Arabic digits; the choice is remembered for the user."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from hudud.demo import scenarios
from hudud.web.models import LanguagePreference
from tests.browser.test_primary_line import scan, settled


def test_switching_to_arabic_turns_the_workspace_right_to_left_and_translates_it(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    session_for(page, "primary.zurbatiya")
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("nav.mainnav")).to_contain_text("الخط الأول")
    expect(page.locator("h1")).to_have_text("مساحة العمل")
    shot(page, "20-home-arabic")
    assert LanguagePreference.objects.get(user__username="primary.zurbatiya").language == "ar"

    page.goto(f"{live_server.url}/line/?point=baghdad-airport&direction=exit")
    expect(page.locator("#id_mrz")).to_be_focused()
    scan(page, scenarios.scenarios()["overstay_exit_baghdad"].mrzs[0])
    card = page.locator("#check-card")
    expect(card).to_have_attribute("data-cue", "amber")
    expect(card.locator(".cue-word")).to_have_text("تدقيق إضافي")
    expect(card).to_contain_text("تجاوز مدة الإقامة بـ ١٢ يومًا")
    expect(card).to_contain_text("مطار بغداد")
    expect(card.locator(".name-arabic")).to_be_visible()
    settled(page)
    shot(page, "21-card-arabic")
    page.keyboard.press("Enter")
    expect(page.locator("#recorded")).to_contain_text("سُجّل الخروج")
    shot(page, "22-recorded-arabic")


def test_the_chosen_language_follows_the_user_to_a_new_browser(
    page: Page, live_server: Any, demo: Any, session_for: Any, shot: Any
) -> None:
    LanguagePreference.objects.create(
        user=demo.accounts[2].officer.user, language="ar"
    )  # secondary.zurbatiya chose Arabic on another machine
    session_for(page, "secondary.zurbatiya")
    page.goto(f"{live_server.url}/alerts/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_contain_text("التفتيش الثانوي")
    shot(page, "23-alerts-arabic")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_contain_text("Secondary inspection")
