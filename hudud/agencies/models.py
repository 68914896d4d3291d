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
    """A bearer token for a machine acting as an officer (a lane client, a post's node).

    Only a SHA-256 digest of the secret is stored: a leaked database does not leak tokens.
    The prefix is kept in clear so a token can be found and named in logs without its secret.
    """

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
