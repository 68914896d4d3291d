"""Agencies of the IBM strategy, their officers and the API tokens machines use."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Agency(models.Model):
    """A ministry, commission or directorate taking part in border management (reference data)."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", "Ministry"
        COMMISSION = "commission", "Commission"
        DIRECTORATE = "directorate", "Directorate"
        COUNCIL = "council", "Council or advisory body"
        REGIONAL = "regional", "Regional authority"

    code = models.SlugField(max_length=40, unique=True)
    name_en = models.CharField(max_length=200)
    name_ar = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Which strategic areas the agency's mandate covers (e.g. "border_control", "customs",
    # "health"); access rules in later work read this instead of hard-coding agency codes.
    mandates = models.JSONField(default=list, blank=True)
    region = models.CharField(max_length=10, choices=[("federal", "Federal"), ("krg", "KRG")])

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name_en


class Officer(models.Model):
    """A person who works in Hudud on behalf of an agency."""

    class Role(models.TextChoices):
        PRIMARY = "primary", "Primary-line officer"
        SECONDARY = "secondary", "Secondary-inspection officer"
        SUPERVISOR = "supervisor", "Supervisor"
        ANALYST = "analyst", "Risk analyst"
        CASE_WORKER = "case_worker", "Case worker"
        REVENUE = "revenue", "Revenue officer"
        AGENCY_ADMIN = "agency_admin", "Agency administrator"
        AUDITOR = "auditor", "Auditor"
        # A carrier's system (an airline sending passenger lists): an account, not a person.
        CARRIER = "carrier", "Carrier system"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="officer"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="officers")
    badge_number = models.CharField(max_length=30, unique=True)
    role = models.CharField(max_length=20, choices=Role.choices)
    display_name_ar = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["badge_number"]

    def __str__(self) -> str:
        return f"{self.badge_number} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A bearer token for a machine acting as an officer (a lane client, a post's node, a
    carrier's system).

    Only a SHA-256 digest of the secret is stored: a leaked database does not leak tokens.
    The prefix is kept in clear so a token can be found and named in logs without its secret.
    `scopes` names the API areas (the apps: "border", "watchlists", "manifests", ...) the
    token may call; "*" is every area the officer's role allows. `crossing_points` binds a
    crossing point's node to where it stands: its calls act only at those crossing points
    (codes), even for an officer posted to others; empty, the officer's postings decide.
    """

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    scopes = models.JSONField(default=list, blank=True)
    crossing_points = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class TotpDevice(models.Model):
    """An account's second factor: a TOTP secret (RFC 6238), sealed with the field key.

    `last_step` is the last 30-second step a code was accepted for, so an overheard code
    cannot be replayed within its window. A device that is not confirmed yet is an
    enrolment in progress and does not count as a second factor.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device"
    )
    secret_sealed = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        state = "confirmed" if self.confirmed_at else "enrolling"
        return f"TOTP for user {self.user_id} ({state})"


class LoginFailure(models.Model):
    """A failed password or one-time code, kept for throttling (and purged after a while).

    `username` is as typed (lowercased), whether or not such an account exists.
    """

    username = models.CharField(max_length=150, db_index=True)
    source_ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    stage = models.CharField(max_length=10)  # "password" or "otp"
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.username} from {self.source_ip} at {self.at:%Y-%m-%d %H:%M}"
