"""Web security: headers and a strict content security policy, CSRF on every form, and names
with markup or bidirectional-control characters shown as text, never as code or as a
reversal of the page around them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from conftest import crossing_body, passport
from hudud.common.routes import page_routes
from tests.test_route_access import CAST, _fill, all_rules

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Markup, a right-to-left override (which would show "evil.exe" as "exe.live"), isolates.
HOSTILE_NAME = '<script>alert("x")</script><img src=x onerror=alert(1)> \u202eexe.live \u2066'


@pytest.mark.django_db
def test_pages_carry_the_strict_policy_and_the_security_headers(client):
    response = client.get("/login/")
    policy = {d.strip() for d in response["Content-Security-Policy"].split(";")}
    assert policy == {d.strip() for d in CSP.split(";")}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response  # plain HTTP: HSTS means nothing


@pytest.mark.django_db
def test_a_foreign_host_header_is_refused_cleanly_with_the_headers(client):
    response = Client(raise_request_exception=False).get("/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_https_responses_carry_hsts(client):
    response = client.get("/login/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
def test_answers_with_personal_data_are_never_cached(officer, client_for):
    assert client_for(officer).get("/api/v1/crossing-points")["Cache-Control"] == "no-store"
    browser = Client()
    browser.force_login(officer.user)
    assert browser.get("/")["Cache-Control"] == "no-store"


def _post_page_routes() -> list[tuple[str, str]]:
    pages = {r.path for r in page_routes()}
    return sorted(
        (key, next(iter(roles - {"anonymous"}), ""))
        for key, roles in all_rules().items()
        if key.startswith("POST ") and key[5:] in pages and roles - {"anonymous"}
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "role"), _post_page_routes())
def test_every_form_post_without_its_csrf_token_is_refused(key, role):
    """For every page route that takes a POST, an officer allowed to use it is refused
    without the CSRF token (what a forged cross-site form would lack)."""
    from conftest import make_officer

    agency, posts, _ = CAST.get(role, ("bpc", (), False))
    officer = make_officer(f"csrf.{role}", role, agency, posts)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer.user)
    url = _fill(key[5:], {})
    response = browser.post(url, {})
    assert response.status_code == 403, (key, response.status_code)


TEMPLATES = sorted(Path(settings.BASE_DIR, "hudud").glob("*/templates/**/*.html"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_template_form_that_posts_has_a_csrf_token_and_no_inline_code(template):
    text = template.read_text(encoding="utf-8")
    for form in re.findall(r"<form\b[^>]*>.*?</form>", text, flags=re.S | re.I):
        if re.search(r"method=[\"']?post", form, flags=re.I):
            assert "{% csrf_token %}" in form, f"{template.name}: a POST form without csrf_token"
    # The policy would block them anyway; here they are caught before a browser is needed.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text, flags=re.I), "inline script"
    assert not re.search(r"\son[a-z]+\s*=", text, flags=re.I), "inline event handler"
    assert not re.search(r"\sstyle\s*=", text, flags=re.I), "inline style"
    assert "|safe" not in text, "unescaped output"
    assert "autoescape off" not in text, "unescaped output"


class _TextInContext(HTMLParser):
    """Collects each text run with whether an ancestor isolates its direction (`dir`, or a
    <bdi>), which keeps an override inside a name from reordering the page around it."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.runs: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            isolates = tag == "bdi" or any(name == "dir" for name, _ in attrs)
            self.stack.append(isolates)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.runs.append((data, any(self.stack[1:])))  # the <html dir=...> root does not count


def _assert_shown_as_text(page: str) -> None:
    assert '<script>alert("x")</script>' not in page
    assert "<img src=x onerror" not in page
    assert "&lt;script&gt;" in page
    parser = _TextInContext()
    parser.feed(page)
    runs = [(text, isolated) for text, isolated in parser.runs if "\u202e" in text]
    assert runs, "the name is not on the page"
    assert all(isolated for _, isolated in runs), [text for text, ok in runs if not ok]


@pytest.fixture
def hostile_traveller(officer, client_for):
    body = crossing_body("entry", passport(number="H0STILE01"), name_ar=HOSTILE_NAME)
    response = client_for(officer).post("/api/v1/crossings", body, content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()["crossing"]["traveller_id"]


@pytest.mark.django_db
def test_the_api_returns_a_hostile_name_exactly_as_data(officer, client_for, hostile_traveller):
    client = client_for(officer)
    body = {"crossing_point": "zurbatiya", "direction": "exit", "mrz": passport(number="H0STILE01")}
    response = client.post("/api/v1/crossings/check", body, content_type="application/json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["identity"]["name_ar"] == HOSTILE_NAME


@pytest.mark.django_db
def test_the_traveller_pages_show_a_hostile_name_as_isolated_text(supervisor, hostile_traveller):
    browser = Client()
    browser.force_login(supervisor.user)
    detail = browser.get(f"/travellers/{hostile_traveller}/")
    assert detail.status_code == 200
    _assert_shown_as_text(detail.content.decode())
    search = browser.get("/travellers/", {"document_number": "H0STILE01"})
    assert search.status_code == 200
    _assert_shown_as_text(search.content.decode())


@pytest.mark.django_db
def test_the_primary_line_card_shows_a_hostile_name_as_isolated_text(officer, hostile_traveller):
    browser = Client()
    browser.force_login(officer.user)
    zone = passport(number="H0STILE01")
    response = browser.post("/line/check", {"point": "zurbatiya", "direction": "exit", "mrz": zone})
    assert response.status_code == 200
    _assert_shown_as_text(response.content.decode())


def test_data_for_scripts_travels_in_json_script_blocks_that_cannot_close_themselves():
    from django.utils.html import json_script

    block = json_script({"name": HOSTILE_NAME}, "data")
    assert "</script>" not in block.split(">", 1)[1].rsplit("<", 1)[0]
    assert "\\u003Cscript\\u003E" in block


@pytest.mark.django_db
def test_a_nul_character_in_api_text_is_refused_as_bad_input_on_every_database(officer, client_for):
    from conftest import make_officer

    admin = make_officer("nul.admin", "agency_admin", "moi")
    body = {
        "code": "nul-list",
        "name_en": "A\u0000list",
        "name_ar": "قائمة",
        "kind": "entry_ban",
        "action": "monitor",
        "legal_basis": "Test",
        "threshold": 0.8,
    }
    response = client_for(admin).post("/api/v1/watchlists", body, content_type="application/json")
    if connection.vendor != "postgresql":
        assert response.status_code == 201  # SQLite stores the character as it came
        return
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "text must not contain NUL (0x00) characters"
