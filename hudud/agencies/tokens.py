"""API tokens: issued once in clear, stored as a SHA-256 digest, looked up by prefix.

A token reads `hudud_<prefix>_<secret>`. SHA-256 (not a slow password hash) is right here:
the secret is 32 random bytes, so there is nothing to brute-force, and every API call must
verify it quickly.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.utils import timezone

from hudud.agencies.models import ApiToken, Officer

TOKEN_PREFIX = "hudud_"  # noqa: S105 - a public marker, not a secret


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_issue(*, officer: Officer, name: str, days: int = 90) -> tuple[ApiToken, str]:
    """Create a token for `officer`; returns the record and the clear token (shown once)."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        officer=officer,
        name=name,
        prefix=prefix,
        digest=_digest(secret),
        expires_at=timezone.now() + timedelta(days=days),
    )
    return token, f"{TOKEN_PREFIX}{prefix}_{secret}"


def token_authenticate(raw: str) -> Officer | None:
    """The officer a presented token acts for, or None if it is unknown, expired or revoked."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    prefix, sep, secret = raw[len(TOKEN_PREFIX) :].partition("_")
    if not sep or not secret:
        return None
    token = (
        ApiToken.objects.select_related("officer__user", "officer__agency")
        .filter(prefix=prefix)
        .first()
    )
    if token is None or not hmac.compare_digest(token.digest, _digest(secret)):
        return None
    now = timezone.now()
    if token.revoked_at is not None or token.expires_at <= now:
        return None
    if not token.officer.user.is_active:
        return None
    # Touch last_used_at at most once a minute: a write per request would serialise lanes.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.officer
