"""Shared fixtures for the demo tests: a fixed "now", and fast password hashing."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

# A day with Arbaeen (2026-08-04, approx.) in the 365 days that end on it, and in the past:
# the crossing service refuses crossings dated ahead of the clock.
NOW = datetime(2026, 11, 20, 10, 30, tzinfo=ZoneInfo("Asia/Baghdad"))


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Demo loads set eight passwords; the default hasher's cost is not what these tests check.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
