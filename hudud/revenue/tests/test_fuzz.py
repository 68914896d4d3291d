"""Schemathesis against the revenue operations as the officers they are for: a customs
revenue officer posted at Umm Qasr North (who reaches the services' validation, numbering and
audit) and an auditor. Generated requests, valid and not: no answer is a server error.
(tests/test_security_api_fuzz.py fuzzes every operation as roles these refuse.)"""

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

EXAMPLES = int(os.environ.get("HUDUD_FUZZ_EXAMPLES", "10"))
schema = schemathesis.openapi.from_dict(api.get_openapi_schema()).include(
    path_regex=r"^/api/v1/(declarations|receipts|fees)"
)
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    # As in tests/test_security_api_fuzz.py: the WSGI end-of-request signal would close the
    # connection that holds the test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(params=["revenue", "auditor"])
def bearer(request: Any, db: Any) -> dict[str, str]:
    if request.param == "revenue":
        officer = make_officer("fuzz.customs", "revenue", "customs", ("umm-qasr-north",))
    else:
        officer = make_officer("fuzz.auditor", "auditor", "moi")
    _, clear = token_issue(officer=officer, name="fuzz")
    return {"Authorization": f"Bearer {clear}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_revenue_request_makes_the_api_fail(case: Any, bearer: dict[str, str]) -> None:
    response = case.call(headers=bearer)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]}"
    )
