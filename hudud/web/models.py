"""What the workspace remembers per user: the language they chose."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LanguagePreference(models.Model):
    """The interface language a user picked, applied on every request once they are logged in.

    Kept per user (not per officer) so that an account without an officer profile, such as an
    administrator, keeps its choice too.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="language_preference"
    )
    # One of settings.LANGUAGES; validated by the service that writes it.
    language = models.CharField(max_length=10)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"
