"""API tokens: issued once in clear, stored as a SHA-256 digest, looked up by prefix.

A token reads `hudud_<prefix>_<secret>`. SHA-256 (not a slow password hash) is right here:
the secret is 32 random bytes, so there is nothing to brute-force, and every API call must
verify it quickly.

A token is scoped to API areas (the apps whose endpoints it may call: "border",
"watchlists", "manifests", ...), expires, and can be revoked. Within its scopes it acts with
its officer's role and agency, like the officer's session would.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from hudud.agencies.models import ApiToken, Officer
from hudud.audit.services import audit_record_system
from hudud.common.errors import AccessDenied, NotFound, ServiceError
from hudud.common.routes import api_areas

TOKEN_PREFIX = "hudud_"  # noqa: S105 - a public marker, not a secret
EVERY_AREA = "*"
# A carrier's system sends passenger lists and nothing else, whatever it is issued with.
CARRIER_AREAS = frozenset({"manifests"})
MAX_DAYS = 3650


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _default_scopes(officer: Officer) -> list[str]:
    return sorted(CARRIER_AREAS) if officer.role == Officer.Role.CARRIER else [EVERY_AREA]


def token_issue(
    *,
    officer: Officer,
    name: str,
    days: int = 90,
    scopes: list[str] | None = None,
    crossing_points: list[str] | None = None,
    operator: str = "system",
) -> tuple[ApiToken, str]:
    """Create a token for `officer`; returns the record and the clear token (shown once).

    `scopes` defaults to every area for officers and to "manifests" for a carrier.
    `crossing_points` (codes) binds a node's token to where it stands; each must be one of
    the officer's postings, or `ServiceError` names it. Audited as done by `operator`.
    """
    if not 1 <= days <= MAX_DAYS:
        raise ServiceError.one("out_of_range", "days", f"a token lasts 1 to {MAX_DAYS} days")
    if scopes:
        _check_scopes(scopes)
    points = sorted(set(crossing_points or ()))
    if points:
        _check_bound_points(officer, points)
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            officer=officer,
            name=name,
            prefix=prefix,
            digest=_digest(secret),
            expires_at=timezone.now() + timedelta(days=days),
            scopes=sorted(set(scopes)) if scopes else _default_scopes(officer),
            crossing_points=points,
        )
        audit_record_system(
            action="token.issue",
            object_type="api_token",
            object_id=prefix,
            username=operator,
            details={
                "name": name,
                "officer": officer.badge_number,
                "scopes": token.scopes,
                "crossing_points": points,
                "days": days,
            },
        )
    return token, f"{TOKEN_PREFIX}{prefix}_{secret}"


def _check_scopes(scopes: list[str]) -> None:
    known = api_areas()
    unknown = sorted({s for s in scopes if s != EVERY_AREA and s not in known})
    if unknown:
        raise ServiceError.one(
            "unknown_scope",
            "scopes",
            f"no API area {', '.join(unknown)} (areas: {', '.join(sorted(known))}, or *)",
        )


def _check_bound_points(officer: Officer, points: list[str]) -> None:
    # A binding narrows postings, never widens them: a point outside them would be a token
    # that can do nothing, which is an operator's mistake worth naming.
    posted = set(officer.postings.values_list("crossing_point__code", flat=True))
    strangers = [code for code in points if code not in posted]
    if strangers:
        who = officer.user.get_username()
        raise ServiceError.one(
            "not_posted", "crossing_points", f"{who} is not posted to {', '.join(strangers)}"
        )


def token_allows(token: ApiToken, area: str) -> bool:
    """Whether `token` may call endpoints of the API area `area`."""
    if token.officer.role == Officer.Role.CARRIER and area not in CARRIER_AREAS:
        return False
    return EVERY_AREA in token.scopes or area in token.scopes


def token_revoke(*, operator: str, prefix: str) -> ApiToken:
    """Revoke the token with `prefix` at once; audited as done by `operator`."""
    token = ApiToken.objects.filter(prefix=prefix).first()
    if token is None:
        raise NotFound("prefix", f"no API token with prefix {prefix!r}")
    if token.revoked_at is None:
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        token.refresh_from_db()
        audit_record_system(
            action="token.revoke",
            object_type="api_token",
            object_id=prefix,
            username=operator,
            details={"name": token.name, "officer": token.officer.badge_number},
        )
    return token


def token_authenticate(raw: str, area: str | None = None) -> Officer | None:
    """The officer a presented token acts for, or None if it is unknown, expired or revoked.

    With `area` (the API area being called), a token valid but not scoped for it raises
    `AccessDenied`: the caller is known, the call is not theirs to make.
    """
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
    if area is not None and not token_allows(token, area):
        raise AccessDenied(f"this API token is not scoped for the {area} endpoints")
    if token.crossing_points:
        # Read by `Posting.objects.of`: the officer acts here only at the node's points.
        token.officer.token_points = frozenset(token.crossing_points)  # type: ignore[attr-defined]
    # Touch last_used_at at most once a minute: a write per request would serialise lanes.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.officer
