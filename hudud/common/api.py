"""The JSON API's shared parts: authentication, the error shape, the request's actor."""

from __future__ import annotations

import logging
from typing import Any

from django.db import DataError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from hudud.agencies.models import Officer
from hudud.agencies.tokens import token_authenticate
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.common.routes import api_area_of

logger = logging.getLogger("hudud.api")


class OfficerToken(HttpBearer):
    """`Authorization: Bearer hudud_...` for lane clients, crossing-point nodes and carriers'
    systems; the token must be scoped for the area (app) of the endpoint called."""

    def authenticate(self, request: HttpRequest, token: str) -> Officer | None:
        # An endpoint of no known area is callable only by a token scoped for every area.
        return token_authenticate(token, area=api_area_of(request) or "unknown")


class OfficerSession(SessionAuth):
    """The browser session of a logged-in officer (CSRF-checked by ninja)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Officer | None:
        user = super().authenticate(request, key)
        if user is None:
            return None
        return Officer.objects.select_related("agency", "user").filter(user=user).first()


AUTH = [OfficerToken(), OfficerSession()]


def actor_of(request: HttpRequest) -> Actor:
    officer: Officer = request.auth  # type: ignore[attr-defined]
    return Actor(officer=officer, source_ip=request.META.get("REMOTE_ADDR"))


def _field_of(location: tuple[Any, ...] | list[Any]) -> str:
    # ninja reports ("body", "payload", "crossing_point"); callers want "crossing_point".
    parts = [str(p) for p in location if p not in ("body", "payload", "query", "path")]
    return ".".join(parts) or "body"


def _validation_problems(exc: ValidationError) -> list[dict[str, str]]:
    problems = []
    for error in exc.errors:
        message = str(error.get("msg", "invalid value"))
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        problems.append(
            {
                "code": str(error.get("type", "invalid_value")),
                "field": _field_of(error.get("loc", ())),
                "message": message,
            }
        )
    return problems


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ServiceError)
    def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
        body = {"errors": [p.as_dict() for p in exc.problems], **exc.extra}
        return api.create_response(request, body, status=exc.status)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"errors": _validation_problems(exc)}, status=422)

    @api.exception_handler(DataError)
    def unstorable(request: HttpRequest, exc: DataError) -> HttpResponse:
        # Input the schemas let through but the database refuses: PostgreSQL stores no NUL
        # character in text, nor a number beyond its column's range. Bad input, not a crash.
        message = (
            "text must not contain NUL (0x00) characters"
            if "NUL" in str(exc)
            else "a value is out of range or cannot be stored"
        )
        return _errors(api, request, 422, "invalid_value", "", message)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _errors(api, request, 401, "unauthenticated", "", "log in or send a valid API token")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # ninja raises 400 for a body that is not JSON at all.
        return _errors(api, request, exc.status_code, "bad_request", "body", str(exc))

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Never a traceback to the client, even in DEBUG: it is logged for the operators.
        logger.exception("unhandled error in %s %s", request.method, request.path)
        return _errors(api, request, 500, "internal_error", "", "an internal error was logged")


def _errors(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, field: str, message: str
) -> HttpResponse:
    body = {"errors": [{"code": code, "field": field, "message": message}]}
    return api.create_response(request, body, status=status)
