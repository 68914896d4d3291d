"""API tokens: usable until they expire or are revoked, never stored in clear."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hudud.agencies.models import ApiToken
from hudud.agencies.tokens import token_authenticate, token_issue


def _get(clear: str):
    return Client(headers={"Authorization": f"Bearer {clear}"}).get("/api/v1/crossing-points")


@pytest.mark.django_db
def test_a_fresh_token_authenticates_its_officer(officer):
    _, clear = token_issue(officer=officer, name="lane 3")
    assert token_authenticate(clear) == officer
    assert _get(clear).status_code == 200


@pytest.mark.django_db
def test_the_token_secret_is_stored_only_as_a_digest(officer):
    token, clear = token_issue(officer=officer, name="lane 3")
    secret = clear.rsplit("_", 1)[1]
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret not in stored.digest
    assert len(stored.digest) == 64


@pytest.mark.django_db
def test_an_expired_token_is_refused(officer):
    token, clear = token_issue(officer=officer, name="lane 3")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert token_authenticate(clear) is None
    assert _get(clear).status_code == 401


@pytest.mark.django_db
def test_a_revoked_token_is_refused(officer):
    token, clear = token_issue(officer=officer, name="lane 3")
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    assert _get(clear).status_code == 401


@pytest.mark.django_db
def test_a_token_of_a_deactivated_account_is_refused(officer):
    _, clear = token_issue(officer=officer, name="lane 3")
    officer.user.is_active = False
    officer.user.save()
    assert _get(clear).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    "presented", ["", "hudud_", "hudud_abc", "hudud_abc_def", "Bearer", "x" * 500, "hudud_\u202e_1"]
)
def test_malformed_or_unknown_tokens_are_refused_without_error(officer, presented):
    token_issue(officer=officer, name="lane 3")
    assert token_authenticate(presented) is None


@pytest.mark.django_db
def test_a_token_with_the_right_prefix_but_wrong_secret_is_refused(officer):
    _, clear = token_issue(officer=officer, name="lane 3")
    assert token_authenticate(clear[:-2] + "xx") is None


@pytest.mark.django_db
def test_a_token_scoped_to_the_border_cannot_call_the_watchlist_endpoints(officer):
    _, clear = token_issue(officer=officer, name="lane 3", scopes=["border"])
    client = Client(headers={"Authorization": f"Bearer {clear}"})
    assert client.get("/api/v1/crossing-points").status_code == 200
    refused = client.get("/api/v1/watchlists")
    assert refused.status_code == 403
    assert "not scoped for the watchlists endpoints" in refused.json()["errors"][0]["message"]


@pytest.mark.django_db
def test_a_carrier_token_reaches_only_the_manifest_endpoints_whatever_its_scopes():
    from conftest import make_officer
    from hudud.agencies.models import Officer
    from hudud.agencies.tokens import token_allows

    carrier = make_officer("carrier.xy", Officer.Role.CARRIER, "icaa")
    token, clear = token_issue(officer=carrier, name="departure control", scopes=["*"])
    assert token_allows(token, "manifests")
    assert not token_allows(token, "border")
    assert _get(clear).status_code == 403
    default, _ = token_issue(officer=carrier, name="dcs")
    assert default.scopes == ["manifests"]


@pytest.mark.django_db
def test_a_revoked_token_stops_at_once_and_the_revocation_is_audited(officer, capsys):
    from hudud.audit.models import AuditEvent
    from hudud.cli import main

    token, clear = token_issue(officer=officer, name="lane 3")
    assert main(["account", "token-revoke", token.prefix, "--operator", "ops"]) == 0
    assert _get(clear).status_code == 401
    event = AuditEvent.objects.get(action="token.revoke")
    assert (event.object_id, event.actor_username) == (token.prefix, "ops")
    assert main(["account", "token-revoke", "nosuchprefix"]) == 2
