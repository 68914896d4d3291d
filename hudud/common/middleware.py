"""Security middleware: session expiry and the response headers Django does not set itself.

Django's SecurityMiddleware sends HSTS (on HTTPS), X-Content-Type-Options, Referrer-Policy
and Cross-Origin-Opener-Policy; django-csp sends the Content-Security-Policy (settings).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

LOGIN_AT = "hudud_login_at"
SEEN_AT = "hudud_seen_at"
# Writing the session on every request would cost a write per click: a minute's precision
# is plenty for an idle limit counted in minutes.
SEEN_PRECISION_SECONDS = 60


def session_started(request: HttpRequest) -> None:
    """Mark the moment a login completed (both factors); the expiry counts from here."""
    now = int(time.time())
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now


class TrustedProxyMiddleware:
    """Behind a reverse proxy every request comes from the proxy's address: the client's is
    in X-Forwarded-For. Taken from there only when the peer is one of
    `HUDUD_TRUSTED_PROXIES` (anyone can send the header), as the rightmost address that is
    not itself a trusted proxy. Lockouts per address and the audit trail's "from where"
    depend on it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.trusted = frozenset(settings.HUDUD_TRUSTED_PROXIES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        peer = request.META.get("REMOTE_ADDR", "")
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if peer in self.trusted and forwarded:
            hops = [h.strip() for h in forwarded.split(",") if h.strip()]
            client = next((h for h in reversed(hops) if h not in self.trusted), None)
            if client:
                request.META["REMOTE_ADDR"] = client
        return self.get_response(request)


class SessionExpiryMiddleware:
    """Log a session out after `HUDUD_SESSION_IDLE_MINUTES` without a request, and after
    `HUDUD_SESSION_MAX_HOURS` whatever happens (a shift's length): a terminal left logged in
    at a crossing point does not stay usable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request: HttpRequest) -> None:
        now = int(time.time())
        session = request.session
        login_at = session.setdefault(LOGIN_AT, now)
        seen_at = session.setdefault(SEEN_AT, now)
        idle = now - int(seen_at) > settings.HUDUD_SESSION_IDLE_MINUTES * 60
        too_old = now - int(login_at) > settings.HUDUD_SESSION_MAX_HOURS * 3600
        if idle or too_old:
            _expire(request, "idle" if idle else "maximum age")
        elif now - int(seen_at) >= SEEN_PRECISION_SECONDS:
            session[SEEN_AT] = now


def _expire(request: HttpRequest, why: str) -> None:
    from hudud.audit.services import audit_record_system

    user = request.user
    audit_record_system(
        action="session.expired",
        object_type="account",
        object_id=user.get_username(),
        username=user.get_username(),
        user_id=user.pk,
        source_ip=request.META.get("REMOTE_ADDR"),
        details={"why": why},
    )
    logout(request)


class NoStoreMiddleware:
    """Pages and API answers for a logged-in officer or a token carry personal data: no
    browser or proxy may keep a copy (`Cache-Control: no-store`). Static files are served
    elsewhere and stay cacheable. Also a Permissions-Policy: Hudud uses no camera,
    microphone, location or payment API."""

    PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # No user when an inner middleware answered first (a disallowed Host header).
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        personal = signed_in or "HTTP_AUTHORIZATION" in request.META
        if personal or request.path.startswith("/api/"):
            response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", self.PERMISSIONS)
        return response
