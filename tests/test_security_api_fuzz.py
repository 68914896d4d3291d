"""Schemathesis against the API's own OpenAPI schema, in process (so on SQLite and on
PostgreSQL alike): generated requests, valid and not, to every operation. No answer may be a
server error, and without credentials every operation refuses (401; 403 when a POST
without a session lacks its CSRF token; 405 for a method the route does not have): nothing
personal is reachable anonymously.

Examples per operation: HUDUD_FUZZ_EXAMPLES (default 10; CI may raise it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from conftest import make_officer
from hudud.agencies.tokens import token_issue
from hudud.config.api import api
from hudud.watchlists.index_cache import screening_index_cache

EXAMPLES = int(os.environ.get("HUDUD_FUZZ_EXAMPLES", "10"))
# A carrier's passenger list is EDIFACT bytes: generated as any binary body.
schemathesis.serializer.alias("application/edifact", "application/octet-stream")
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    # Shrinking a failure is worth it; exploring for minutes is not.
    report_multiple_bugs=False,
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Requests go straight to the WSGI application, whose end-of-request signal would close
    the database connection holding the test's transaction (PostgreSQL); Django's own test
    client disconnects it the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(params=["supervisor", "agency_admin", "carrier"])
def bearer(request: Any, db: Any) -> tuple[str, dict[str, str]]:
    """A token of an officer who reaches much of the API: a supervisor posted at two
    crossing points, the Ministry of Interior's list administrator, a carrier's system."""
    screening_index_cache.reset()
    who = {
        "supervisor": ("fuzz.supervisor", "supervisor", "moi-passports", ("zurbatiya",)),
        "agency_admin": ("fuzz.admin", "agency_admin", "moi", ()),
        "carrier": ("fuzz.carrier", "carrier", "bpc", ()),
    }[request.param]
    officer = make_officer(who[0], who[1], who[2], who[3])
    _, clear = token_issue(officer=officer, name="fuzz")
    return request.param, {"Authorization": f"Bearer {clear}"}


@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_no_request_makes_the_api_fail(case: Any, bearer: tuple[str, dict[str, str]]) -> None:
    role, headers = bearer
    response = case.call(headers=headers)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]}"
    )
    if role == "carrier" and not case.path.startswith("/api/v1/manifests"):
        # A carrier's token reaches the manifest endpoints only, whatever the request (404:
        # a path the URL configuration does not match, such as an id that is no UUID; 405: a
        # method the route does not have).
        assert response.status_code in (403, 404, 405), (
            f"{case.method} {case.formatted_path} answered a carrier {response.status_code}"
        )


@pytest.mark.django_db
@schema.parametrize()
@settings(FUZZ, max_examples=max(3, EXAMPLES // 3))
def test_nothing_answers_without_credentials(case: Any) -> None:
    response = case.call(headers={"Authorization": ""})
    assert response.status_code in (401, 403, 405), (
        f"{case.method} {case.formatted_path} answered {response.status_code} anonymously"
    )
