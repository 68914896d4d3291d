"""Throttling logins: repeated failures lock an account, and an address, for a while.

Every failed password or one-time code is kept (`LoginFailure`). An account with
`HUDUD_LOGIN_MAX_FAILURES` failures within `HUDUD_LOGIN_LOCKOUT_MINUTES` is locked until the
oldest of them ages out; so is an address with `HUDUD_LOGIN_MAX_FAILURES_PER_ADDRESS`
(a password-spraying client trying many names). While locked, even the right password is
refused, with the same message as a wrong one. A successful login clears the account's
failures; an operator can release a lockout early (`hudud account unlock`). Every failure,
lockout and release is audited.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hudud.agencies.models import LoginFailure
from hudud.audit.chain import normalise_ip
from hudud.audit.services import audit_record_system


def _window_start() -> datetime:
    return timezone.now() - timedelta(minutes=settings.HUDUD_LOGIN_LOCKOUT_MINUTES)


def _account_failures(username: str) -> int:
    return LoginFailure.objects.filter(username=username.lower(), at__gte=_window_start()).count()


def _address_failures(source_ip: str | None) -> int:
    if not source_ip:
        return 0
    return LoginFailure.objects.filter(source_ip=source_ip, at__gte=_window_start()).count()


def login_blocked(*, username: str, source_ip: str | None) -> str | None:
    """ "account" or "address" when logins are locked for it now, else None."""
    if _account_failures(username) >= settings.HUDUD_LOGIN_MAX_FAILURES:
        return "account"
    if _address_failures(normalise_ip(source_ip)) >= settings.HUDUD_LOGIN_MAX_FAILURES_PER_ADDRESS:
        return "address"
    return None


def login_failure_record(
    *, username: str, source_ip: str | None, stage: str, user_id: int | None = None
) -> None:
    """Count a failure and audit it (and the lockout, when this failure starts one)."""
    name, address = username.lower()[:150], normalise_ip(source_ip)
    with transaction.atomic():
        LoginFailure.objects.create(
            username=name, source_ip=address, stage=stage, at=timezone.now()
        )
        audit_record_system(
            action="login.failure",
            object_type="account",
            object_id=name,
            username=name,
            user_id=user_id,
            source_ip=address,
            details={"stage": stage},
        )
        locked = _lockout_started(name, address)
        if locked:
            audit_record_system(
                action="login.lockout",
                object_type="account" if locked == "account" else "address",
                object_id=name if locked == "account" else str(address),
                username=name,
                user_id=user_id,
                source_ip=address,
                details={"minutes": settings.HUDUD_LOGIN_LOCKOUT_MINUTES},
            )


def _lockout_started(username: str, source_ip: str | None) -> str | None:
    if _account_failures(username) == settings.HUDUD_LOGIN_MAX_FAILURES:
        return "account"
    if _address_failures(source_ip) == settings.HUDUD_LOGIN_MAX_FAILURES_PER_ADDRESS:
        return "address"
    return None


def login_failures_clear(username: str) -> int:
    """After a successful login: the account starts afresh (its address's count stays)."""
    deleted, _ = LoginFailure.objects.filter(username=username.lower()).delete()
    return deleted


def lockout_release(*, operator: str, username: str) -> int:
    """An operator lifts a lockout (the officer called in); audited."""
    with transaction.atomic():
        cleared = login_failures_clear(username)
        audit_record_system(
            action="login.unlock",
            object_type="account",
            object_id=username.lower(),
            username=operator,
            details={"failures_cleared": cleared},
        )
    return cleared


def login_failures_purge(*, older_than_days: int) -> int:
    """Failures are only needed for throttling: retention removes them after a while."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = LoginFailure.objects.filter(at__lt=cutoff).delete()
    return deleted
