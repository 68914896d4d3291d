"""The interface language: which ones exist, which one a user chose, and applying it.

A logged-in user's choice (LanguagePreference) wins over the browser's; the choice is also
written to the language cookie so the login page after a logout speaks the same language.
Kurdish (Sorani, `ckb`) slots in by adding it to settings.LANGUAGES and a catalogue.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from hudud.common.errors import ServiceError
from hudud.web.models import LanguagePreference

SESSION_KEY = "hudud_language"


def available_languages() -> dict[str, str]:
    """Language code -> its own name ("ar" -> "العربية"), as configured."""
    return dict(settings.LANGUAGES)


def language_set(*, user: AbstractBaseUser | AnonymousUser, language: str) -> str:
    """Remember `language` for `user` (nothing to remember for an anonymous visitor)."""
    if language not in available_languages():
        raise ServiceError.one("invalid", "language", f"unknown language {language!r}")
    if user.is_authenticated:
        LanguagePreference.objects.update_or_create(
            user_id=user.pk, defaults={"language": language}
        )
    return language


def preferred_language(request: HttpRequest) -> str | None:
    """The logged-in user's chosen language, read once per session."""
    if not request.user.is_authenticated:
        return None
    cached = request.session.get(SESSION_KEY)
    if cached is None:
        row = LanguagePreference.objects.filter(user_id=request.user.pk).first()
        cached = row.language if row else ""
        request.session[SESSION_KEY] = cached
    return cached if cached in available_languages() else None


class UserLanguageMiddleware:
    """Activates the user's chosen language; runs after authentication (and LocaleMiddleware,
    which has already picked one from the cookie or the browser for anonymous visitors)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = preferred_language(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            set_language_cookie(response, language)
        return response


def set_language_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
