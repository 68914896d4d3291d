"""The shared cast for tests: officers of different roles, agencies and postings, and a way to
call the API as each of them."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from hudud.agencies.models import Agency, Officer
from hudud.agencies.tokens import token_issue
from hudud.agencies.totp import totp_code_now, totp_enrol
from hudud.border.models import CrossingPoint, Posting
from hudud.core import mrz

# In CI the property tests are derandomised so a run is reproducible; locally they explore.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "postgresql_only: needs PostgreSQL (threads with connections of their own); left out "
        "of a SQLite run, which CI follows with the same suite on PostgreSQL",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Deselected, not skipped: on SQLite these tests have nothing to check (its in-memory test
    # database is one connection shared by every thread), and CI runs them on PostgreSQL.
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    kept = [item for item in items if item.get_closest_marker("postgresql_only") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(autouse=True)
def _language_reset() -> Any:
    """A request in Arabic leaves Arabic active in the thread (Django activates a language per
    request and does not restore it); a later test rendering without a request would then
    speak Arabic, depending on the order tests run in."""
    yield
    translation.deactivate()


# Argon2 is the production hasher (settings.PASSWORD_HASHERS) and takes a tenth of a second
# per hash by design; tests that set passwords use a fast one. The security tests check
# Argon2 itself (tests/test_security_auth.py).
@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


TEST_PASSWORD = "a-long-test-password"  # noqa: S105 - a test fixture's password


def log_in(client: Client, who: Officer, password: str = TEST_PASSWORD) -> Client:
    """Log `who` in as a browser does, through both factors: the password form, then a
    one-time code. Gives the account that password and a new TOTP secret first.

    Tests whose subject is not the login can keep using `client.force_login(user)`: it
    stands for a completed two-factor login (docs/security.md, "Testing").
    """
    who.user.set_password(password)
    who.user.save()
    totp_enrol(who.user, confirmed=True)
    client.get("/login/")  # the form sets the CSRF cookie, as for a browser
    csrf = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    username = who.user.get_username()
    first = client.post("/login/", {"username": username, "password": password, **csrf})
    assert first.status_code == 302, "the password step failed"
    second = client.post("/login/code/", {"code": totp_code_now(who.user), **csrf})
    assert second.status_code == 302, "the one-time code step failed"
    return client


def make_officer(
    username: str, role: str, agency_code: str, posts: tuple[str, ...] = ()
) -> Officer:
    user = get_user_model().objects.create_user(username=username, password=None)
    officer = Officer.objects.create(
        user=user,
        agency=Agency.objects.get(code=agency_code),
        badge_number=f"B-{username}",
        role=role,
    )
    for code in posts:
        Posting.objects.create(officer=officer, crossing_point=CrossingPoint.objects.get(code=code))
    return officer


@pytest.fixture
def officer(db: Any) -> Officer:
    """A primary-line officer of the Border Ports Commission at Zurbatiya and Baghdad airport."""
    return make_officer("primary", Officer.Role.PRIMARY, "bpc", ("zurbatiya", "baghdad-airport"))


@pytest.fixture
def colleague(db: Any) -> Officer:
    """Same agency, same posts, another person."""
    return make_officer("colleague", Officer.Role.PRIMARY, "bpc", ("zurbatiya", "baghdad-airport"))


@pytest.fixture
def other_agency_officer(db: Any) -> Officer:
    """A customs revenue officer at Umm Qasr: no business with travellers' records."""
    return make_officer("customs", Officer.Role.REVENUE, "customs", ("umm-qasr-north",))


@pytest.fixture
def auditor(db: Any) -> Officer:
    return make_officer("auditor", Officer.Role.AUDITOR, "moi")


@pytest.fixture
def supervisor(db: Any) -> Officer:
    return make_officer("supervisor", Officer.Role.SUPERVISOR, "bpc", ("zurbatiya",))


@pytest.fixture
def logged_in(db: Any) -> Callable[[Officer], Client]:
    """A browser-like client (CSRF enforced) logged in as the officer through both factors."""

    def build(who: Officer) -> Client:
        return log_in(Client(enforce_csrf_checks=True), who)

    return build


@pytest.fixture
def client_for(db: Any) -> Callable[[Officer], Client]:
    """An API client authenticated with a fresh token of the given officer."""

    def build(who: Officer) -> Client:
        _, clear = token_issue(officer=who, name="test")
        return Client(headers={"Authorization": f"Bearer {clear}"})

    return build


def passport(
    *,
    surname: str = "KARIMI",
    given_names: str = "REZA",
    number: str = "K12345678",
    state: str = "IRN",
    birth: date = date(1985, 3, 14),
    expiry: date = date(2030, 5, 1),
    sex: str = "M",
) -> str:
    """A valid TD3 passport MRZ with the given fields."""
    return mrz.generate_td3(
        document_code="P",
        issuing_state=state,
        surname=surname,
        given_names=given_names,
        document_number=number,
        nationality=state,
        birth_date=birth,
        sex=sex,
        expiry_date=expiry,
    )


def crossing_body(
    kind: str, mrz_text: str, crossing_point: str = "zurbatiya", **extra: Any
) -> dict[str, Any]:
    return {
        "client_id": str(uuid.uuid4()),
        "kind": kind,
        "crossing_point": crossing_point,
        "mrz": mrz_text,
        **extra,
    }
