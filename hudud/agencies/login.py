"""Logging in with two factors: a password, then a one-time code.

The password step does not log anyone in: it leaves a pending login in the (anonymous)
session, valid for five minutes, which only a correct code turns into a session
(`login_complete`, which also renews the session key). So a stolen password alone opens
nothing, and the admin site, which is reached through the same login, is covered too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.contrib.auth import authenticate, get_user_model, login
from django.contrib.auth.models import User
from django.http import HttpRequest

from hudud.agencies.models import Officer
from hudud.agencies.throttle import login_blocked, login_failure_record, login_failures_clear
from hudud.agencies.totp import totp_confirm, totp_verify
from hudud.audit.services import audit_record, audit_record_system
from hudud.common.actor import Actor
from hudud.common.middleware import session_started

PENDING = "hudud_pending_login"
PENDING_SECONDS = 300


@dataclass(frozen=True)
class Pending:
    user: User
    next_url: str


def _address(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


def _refused_while_locked(request: HttpRequest, username: str, blocked: str) -> None:
    audit_record_system(
        action="login.refused",
        object_type="account",
        object_id=username.lower(),
        username=username.lower(),
        source_ip=_address(request),
        details={"locked": blocked},
    )


def password_step(request: HttpRequest, *, username: str, password: str, next_url: str) -> bool:
    """Check the password; on success leave a pending login for the code step."""
    blocked = login_blocked(username=username, source_ip=_address(request))
    if blocked:
        _refused_while_locked(request, username, blocked)
        return False
    user = authenticate(request, username=username, password=password)
    if user is None:
        known = get_user_model().objects.filter(username=username).values_list("pk", flat=True)
        login_failure_record(
            username=username,
            source_ip=_address(request),
            stage="password",
            user_id=next(iter(known), None),
        )
        return False
    request.session[PENDING] = {"user": user.pk, "at": int(time.time()), "next": next_url}
    return True


def pending_login(request: HttpRequest) -> Pending | None:
    """The login waiting for its code in this session, if it has not gone stale."""
    state = request.session.get(PENDING)
    if not state or time.time() - state["at"] > PENDING_SECONDS:
        return None
    user = get_user_model().objects.filter(pk=state["user"], is_active=True).first()
    return Pending(user, state["next"]) if user is not None else None


def code_step(request: HttpRequest, *, pending: Pending, code: str, enrolling: bool) -> bool:
    """Check the one-time code (or the first code of an enrolment) and finish the login."""
    username = pending.user.get_username()
    blocked = login_blocked(username=username, source_ip=_address(request))
    if blocked:
        _refused_while_locked(request, username, blocked)
        return False
    accepted = totp_confirm(pending.user, code) if enrolling else totp_verify(pending.user, code)
    if not accepted:
        login_failure_record(
            username=username, source_ip=_address(request), stage="otp", user_id=pending.user.pk
        )
        return False
    login_complete(request, pending.user, enrolled=enrolling)
    return True


def login_complete(request: HttpRequest, user: User, *, enrolled: bool = False) -> None:
    """Both factors passed: the session becomes the officer's (with a new key)."""
    request.session.pop(PENDING, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    session_started(request)
    login_failures_clear(user.get_username())
    details = {"enrolled_second_factor": enrolled}
    officer = Officer.objects.select_related("agency", "user").filter(user_id=user.pk).first()
    if officer is not None:
        actor = Actor(officer=officer, source_ip=_address(request))
        audit_record(
            actor=actor,
            action="login.success",
            object_type="account",
            object_id=user.get_username(),
            details=details,
        )
    else:
        audit_record_system(
            action="login.success",
            object_type="account",
            object_id=user.get_username(),
            username=user.get_username(),
            user_id=user.pk,
            source_ip=_address(request),
            details=details,
        )


def logout_record(request: HttpRequest) -> None:
    user = request.user
    if user.is_authenticated:
        audit_record_system(
            action="logout",
            object_type="account",
            object_id=user.get_username(),
            username=user.get_username(),
            user_id=user.pk,
            source_ip=_address(request),
        )
