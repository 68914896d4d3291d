"""Figures the manifests app works with, from the environment (see .env.example), each
overridable in Django settings under the same name (tests do)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

from hudud.common.env import env_int

# A 500-traveller interchange is about 200 kB; two megabytes leave room for the largest
# aircraft with both lists, and stay under Django's own request body limit (2.5 MB).
_MAX_BYTES = env_int("HUDUD_MANIFEST_MAX_BYTES", 2_000_000)
# After the scheduled arrival, how long before a traveller not seen at the primary line counts
# as a no-show (queues, late disembarkation).
_GRACE_MINUTES = env_int("HUDUD_MANIFEST_GRACE_MINUTES", 120)
# Entries this long before the scheduled arrival belong to the flight (early arrivals).
_EARLY_MINUTES = env_int("HUDUD_MANIFEST_EARLY_MINUTES", 60)
# At the primary line, flights that landed up to this long ago (or land this soon) are searched.
_MATCH_AFTER_HOURS = env_int("HUDUD_MANIFEST_MATCH_AFTER_HOURS", 24)
_MATCH_BEFORE_HOURS = env_int("HUDUD_MANIFEST_MATCH_BEFORE_HOURS", 6)


def max_bytes() -> int:
    return int(getattr(settings, "HUDUD_MANIFEST_MAX_BYTES", _MAX_BYTES))


def grace() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "HUDUD_MANIFEST_GRACE_MINUTES", _GRACE_MINUTES)))


def early() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "HUDUD_MANIFEST_EARLY_MINUTES", _EARLY_MINUTES)))


def match_window() -> tuple[timedelta, timedelta]:
    """(how long after its arrival, how long before it) a flight is searched at the line."""
    after = int(getattr(settings, "HUDUD_MANIFEST_MATCH_AFTER_HOURS", _MATCH_AFTER_HOURS))
    before = int(getattr(settings, "HUDUD_MANIFEST_MATCH_BEFORE_HOURS", _MATCH_BEFORE_HOURS))
    return timedelta(hours=after), timedelta(hours=before)
