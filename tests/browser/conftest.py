"""Browser tests: Playwright driving Debian's Chromium against Django's live server.

Never downloads a browser: `/usr/bin/chromium` (or `chromium` on the PATH) is used, and the
tests are skipped, saying why, only when it is absent. `.ci/run` installs it, so CI runs them.
Screenshots of every screen go to `var/screenshots/` (gitignored) to be looked at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# (fixtures, assertions) are then flagged as "async unsafe" although nothing is concurrent.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_PRESENT = Path(CHROMIUM).exists()
SKIP_REASON = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium; .ci/run does)"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
LAUNCH_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Chromium (skipped when it is absent)")


def pytest_report_header(config: pytest.Config) -> str:
    if CHROMIUM_PRESENT:
        return f"browser tests: Chromium at {CHROMIUM}"
    return f"browser tests: SKIPPED, {SKIP_REASON}"


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    ours = [item for item in items if here in Path(str(item.fspath)).parents]
    for item in ours:
        item.add_marker(pytest.mark.browser)
        # The live server needs committed data, so each test flushes the database after
        # itself; serialized rollback puts the reference data (crossing points, agencies,
        # stay rules, loaded by migrations) back before the next one.
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
        if not CHROMIUM_PRESENT:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))
    # pytest-django runs transactional tests last. These run first among them: a transactional
    # test without serialized rollback flushes the database and lets post_migrate recreate
    # the content types under new ids, which the restored snapshot would then collide with.
    others = [item for item in items if item not in set(ours)]
    first = next((i for i, item in enumerate(others) if _transactional(item)), len(others))
    items[:] = others[:first] + ours + others[first:]


# The migrated database as pytest-django serialized it, by connection alias.
_SNAPSHOT: dict[str, str] = {}


@pytest.fixture(scope="session", autouse=True)
def _reference_snapshot(django_db_setup: Any) -> None:
    """Keep the snapshot where this module can reach it: once Playwright's sync API runs,
    tests see other Django connection objects (another context), which do not carry it."""
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            _SNAPSHOT[connection.alias] = contents


def _reference_data_restore() -> None:
    """Put the migrated reference data back if a flush took it (and tell this context's
    connections about the snapshot, so that the flush after the test keeps post_migrate
    from recreating content types under new ids)."""
    from django.core.management import call_command
    from django.db import connections

    from hudud.agencies.models import Agency

    for alias, contents in _SNAPSHOT.items():
        connection = connections[alias]
        connection._test_serialized_contents = contents  # type: ignore[attr-defined]
        if not Agency.objects.using(alias).exists():
            call_command(
                "flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0
            )
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _reference_data(_reference_snapshot: None, transactional_db: None) -> None:
    _reference_data_restore()


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back_after_module(django_db_blocker: Any) -> Iterator[None]:
    """After the module's last flush, restore the reference data for the tests that follow
    (tests without serialized rollback expect what the migrations loaded)."""
    yield
    with django_db_blocker.unblock():
        _reference_data_restore()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1366, "height": 900}}


@pytest.fixture
def demo(live_server: Any, settings: Any) -> Iterator[Any]:
    """A small demo database (the journeys' travellers, accounts, watchlists), fresh index."""
    from hudud.demo.load import demo_load
    from hudud.watchlists.index_cache import screening_index_cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    screening_index_cache.reset()
    report = demo_load(travellers=20, seed=3)
    yield report
    screening_index_cache.reset()


@pytest.fixture
def shot() -> Any:
    """shot(page, "name") saves var/screenshots/<name>.png (full page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def session_for(live_server: Any) -> Any:
    """session_for(page, "username"): the page's browser is logged in as that user (for the
    tests whose subject is not the login itself)."""

    def log_in(page: Any, username: str) -> None:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )

    return log_in
