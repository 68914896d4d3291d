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
    secret = clear.split("_", 2)[2]  # hudud_<prefix>_<secret>; the secret may hold "_"
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


def _check_at(clear: str, point: str):
    from conftest import passport

    body = {"crossing_point": point, "direction": "entry", "mrz": passport(number="N0DE0001")}
    client = Client(headers={"Authorization": f"Bearer {clear}"})
    return client.post("/api/v1/crossings/check", body, "application/json")


@pytest.mark.django_db
def test_a_nodes_token_acts_only_at_its_crossing_point_though_the_officer_works_at_two(officer):
    # The officer is posted at Zurbatiya and Baghdad airport; the node stands at Zurbatiya.
    _, node = token_issue(officer=officer, name="node Zurbatiya", crossing_points=["zurbatiya"])
    _, lane = token_issue(officer=officer, name="lane")
    assert _check_at(node, "zurbatiya").status_code == 200
    refused = _check_at(node, "baghdad-airport")
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["field"] == "crossing_point"
    assert _check_at(lane, "baghdad-airport").status_code == 200


@pytest.mark.django_db
def test_a_token_is_bound_only_where_its_officer_is_posted_and_scoped_only_to_real_areas(officer):
    from hudud.common.errors import ServiceError

    with pytest.raises(ServiceError) as refused:
        token_issue(officer=officer, name="node", crossing_points=["zurbatiya", "safwan"])
    assert (refused.value.problems[0].field, refused.value.problems[0].code) == (
        "crossing_points",
        "not_posted",
    )
    assert "safwan" in str(refused.value)
    with pytest.raises(ServiceError) as refused:
        token_issue(officer=officer, name="lane", scopes=["border", "boarder"])
    assert refused.value.problems[0].field == "scopes"
    assert "boarder" in str(refused.value)
    for days in (0, -5, 3651):
        with pytest.raises(ServiceError) as refused:
            token_issue(officer=officer, name="lane", days=days)
        assert refused.value.problems[0].field == "days"
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_issuing_a_token_is_audited_without_its_secret(officer, capsys):
    from hudud.audit.models import AuditEvent
    from hudud.cli import main

    code = main(
        [
            "account",
            "token-issue",
            "primary",
            "--name",
            "node Zurbatiya",
            "--scope",
            "border",
            "--point",
            "zurbatiya",
            "--operator",
            "ops",
        ]
    )
    assert code == 0
    clear = capsys.readouterr().out.strip()
    token = ApiToken.objects.get()
    assert token.crossing_points == ["zurbatiya"]
    event = AuditEvent.objects.get(action="token.issue")
    assert (event.object_id, event.actor_username) == (token.prefix, "ops")
    assert event.details["crossing_points"] == ["zurbatiya"]
    assert clear.split("_", 2)[2] not in str(event.details)  # hudud_<prefix>_<secret>
    assert main(["account", "tokens", "primary"]) == 0
    assert "points=zurbatiya" in capsys.readouterr().out
    assert main(["account", "token-issue", "primary", "--name", "x", "--point", "safwan"]) == 2
    assert "crossing_points" in capsys.readouterr().err
    assert ApiToken.objects.count() == 1
