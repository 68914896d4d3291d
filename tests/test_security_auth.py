"""Authentication: Argon2, two factors for every account (admin included), lockouts, session
expiry. Journey 7 starts here: a customs officer logs in with password and one-time code."""

from __future__ import annotations

import time

import pyotp
import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.test import Client

from conftest import TEST_PASSWORD, log_in, make_officer
from hudud.agencies.models import Officer, TotpDevice
from hudud.agencies.sealing import unseal
from hudud.agencies.totp import totp_code_now, totp_enrol
from hudud.audit.models import AuditEvent
from hudud.common.middleware import LOGIN_AT, SEEN_AT


def _csrf(client: Client) -> dict[str, str]:
    client.get("/login/")
    return {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}


def _password(client: Client, username: str, password: str = TEST_PASSWORD, **extra):
    return client.post("/login/", {"username": username, "password": password, **extra})


def _ready(officer: Officer) -> str:
    """Give the officer the test password and a confirmed TOTP secret; returns the secret."""
    officer.user.set_password(TEST_PASSWORD)
    officer.user.save()
    return totp_enrol(officer.user, confirmed=True).secret


def _actions(**filters) -> list[str]:
    return list(AuditEvent.objects.filter(**filters).values_list("action", flat=True))


def test_passwords_are_hashed_with_argon2_first(settings):
    from hudud.config import settings as configured

    assert configured.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = configured.PASSWORD_HASHERS
    assert identify_hasher(make_password("x" * 12)).algorithm == "argon2"


@pytest.mark.django_db
def test_a_customs_officer_logs_in_with_password_and_one_time_code(client, other_agency_officer):
    _ready(other_agency_officer)
    response = _password(client, "customs", next="/")
    assert response.status_code == 302
    assert response["Location"] == "/login/code/"
    # The password alone opens nothing.
    assert client.get("/api/v1/crossing-points").status_code == 401
    response = client.post("/login/code/", {"code": totp_code_now(other_agency_officer.user)})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/api/v1/crossing-points").status_code == 200
    assert _actions(object_id="customs", action="login.success") == ["login.success"]


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_a_used_code_cannot_be_replayed(client, officer):
    _ready(officer)
    _password(client, "primary")
    assert client.post("/login/code/", {"code": "000000"}).status_code == 200
    code = totp_code_now(officer.user)
    assert client.post("/login/code/", {"code": code}).status_code == 302
    other = Client()
    _password(other, "primary")
    page = other.post("/login/code/", {"code": code})
    assert page.status_code == 200
    assert "used already" in page.content.decode()


@pytest.mark.django_db
def test_an_account_without_a_second_factor_enrols_before_it_is_let_in(client, officer):
    officer.user.set_password(TEST_PASSWORD)
    officer.user.save()
    assert _password(client, "primary")["Location"] == "/login/code/"
    assert client.get("/login/code/")["Location"] == "/login/enrol/"
    page = client.get("/login/enrol/").content.decode()
    secret = TotpDevice.objects.get(user=officer.user)
    clear = unseal(secret.secret_sealed)
    assert clear in page
    assert "otpauth://totp/Hudud:primary" in page
    assert clear not in secret.secret_sealed  # stored sealed
    assert client.get("/").status_code == 302  # still not logged in
    response = client.post("/login/enrol/", {"code": pyotp.TOTP(clear).now()})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert not any(clear in str(e.details) for e in AuditEvent.objects.all())


@pytest.mark.django_db
def test_enrolment_can_be_closed_so_that_only_operators_issue_secrets(client, officer, settings):
    settings.HUDUD_TOTP_SELF_ENROL = False
    officer.user.set_password(TEST_PASSWORD)
    officer.user.save()
    _password(client, "primary")
    assert client.get("/login/enrol/").status_code == 403
    assert not TotpDevice.objects.filter(user=officer.user).exists()


@pytest.mark.django_db
def test_the_code_step_needs_a_recent_password_step(client, officer, monkeypatch):
    _ready(officer)
    assert client.get("/login/code/")["Location"] == "/login/"
    _password(client, "primary")
    later = time.time() + 301
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get("/login/code/")["Location"] == "/login/"


@pytest.mark.django_db
def test_the_next_page_is_followed_only_on_this_site(client, officer):
    _ready(officer)
    _password(client, "primary", next="https://evil.example/")
    response = client.post("/login/code/", {"code": totp_code_now(officer.user)})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, officer, settings):
    _ready(officer)
    for _ in range(settings.HUDUD_LOGIN_MAX_FAILURES):
        assert _password(client, "primary", "wrong-password").status_code == 200
    refused = _password(client, "primary")
    assert refused.status_code == 200
    assert "locked for a while" in refused.content.decode()
    actions = _actions(object_id="primary")
    assert actions.count("login.failure") == settings.HUDUD_LOGIN_MAX_FAILURES
    assert "login.lockout" in actions
    assert "login.refused" in actions
    from hudud.cli import main

    assert main(["account", "unlock", "primary", "--operator", "ops"]) == 0
    assert _password(client, "primary").status_code == 302
    assert "login.unlock" in _actions(object_id="primary")


@pytest.mark.django_db
def test_wrong_codes_count_towards_the_lockout_too(client, officer, settings):
    _ready(officer)
    _password(client, "primary")
    for _ in range(settings.HUDUD_LOGIN_MAX_FAILURES):
        client.post("/login/code/", {"code": "123456"})
    response = client.post("/login/code/", {"code": totp_code_now(officer.user)})
    assert response.status_code == 200
    assert client.get("/api/v1/crossing-points").status_code == 401


@pytest.mark.django_db
def test_one_address_trying_many_names_is_locked_out(client, officer, settings):
    settings.HUDUD_LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    _ready(officer)
    for n in range(4):
        _password(client, f"nobody-{n}", "guess")
    assert _password(client, "primary").status_code == 200
    assert "login.lockout" in _actions(object_type="address")
    # Another address is not affected.
    elsewhere = Client(REMOTE_ADDR="10.9.9.9")
    assert _password(elsewhere, "primary").status_code == 302


@pytest.mark.django_db
def test_the_admin_site_is_reached_only_through_the_two_factor_login(client, officer):
    officer.user.is_staff = officer.user.is_superuser = True
    officer.user.save()
    _ready(officer)
    response = client.get("/admin/")
    assert response.status_code == 302
    login_page = client.get(response["Location"])
    assert login_page.status_code == 302
    assert login_page["Location"].startswith("/login/")
    # Django's own admin login form (password only) is not there to post to.
    response = client.post("/admin/login/", {"username": "primary", "password": TEST_PASSWORD})
    assert client.get("/admin/").status_code == 302
    log_in(client, officer)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_session_ends_after_the_idle_limit(client, officer, settings):
    log_in(client, officer)
    assert client.get("/api/v1/crossing-points").status_code == 200
    session = client.session
    session[SEEN_AT] = int(time.time()) - settings.HUDUD_SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    assert client.get("/api/v1/crossing-points").status_code == 401
    assert "session.expired" in _actions(object_id="primary")


@pytest.mark.django_db
def test_a_session_ends_after_the_maximum_age_however_busy(client, officer, settings):
    log_in(client, officer)
    session = client.session
    session[LOGIN_AT] = int(time.time()) - settings.HUDUD_SESSION_MAX_HOURS * 3600 - 5
    session.save()
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_logging_out_is_a_post_and_is_audited(officer, logged_in):
    client = logged_in(officer)
    assert client.get("/logout/").status_code == 405
    csrf = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    assert client.post("/logout/", csrf).status_code == 302
    assert client.get("/").status_code == 302
    assert "logout" in _actions(object_id="primary")


@pytest.mark.django_db
def test_every_officer_account_of_the_demo_has_a_second_factor():
    from hudud.demo.accounts import accounts_ensure

    accounts = accounts_ensure()
    assert accounts
    assert all(a.totp_secret for a in accounts)
    for account in accounts:
        device = TotpDevice.objects.get(user=account.officer.user)
        assert device.confirmed_at is not None
        assert unseal(device.secret_sealed) == account.totp_secret


@pytest.mark.django_db
def test_the_operator_resets_a_lost_second_factor(officer, capsys):
    from hudud.cli import main

    old = _ready(officer)
    assert main(["account", "totp-reset", "primary", "--operator", "ops"]) == 0
    printed = capsys.readouterr().out
    new = printed.split("secret: ")[1].split()[0]
    assert new != old
    device = TotpDevice.objects.get(user=officer.user)
    assert unseal(device.secret_sealed) == new
    event = AuditEvent.objects.get(action="account.totp_reset")
    assert (event.actor_username, event.object_id) == ("ops", "primary")
    assert new not in str(event.details)


@pytest.mark.django_db
def test_a_carrier_system_account_also_needs_its_second_factor(client):
    carrier = make_officer("carrier.xy", Officer.Role.CARRIER, "icaa")
    officer_secret = _ready(carrier)
    _password(client, "carrier.xy")
    assert client.get("/").status_code == 302
    client.post("/login/code/", {"code": pyotp.TOTP(officer_secret).now()})
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_after_a_field_key_rotation_secrets_are_resealed_and_still_work(officer, settings):
    from hudud.agencies.sealing import sealed_with_current_key
    from hudud.cli import main

    secret = _ready(officer)
    settings.HUDUD_FIELD_KEY_FALLBACKS = [settings.HUDUD_FIELD_KEY]
    settings.HUDUD_FIELD_KEY = "a-new-field-key"
    assert main(["account", "totp-reseal", "--operator", "ops"]) == 0
    device = TotpDevice.objects.get(user=officer.user)
    assert sealed_with_current_key(device.secret_sealed)
    settings.HUDUD_FIELD_KEY_FALLBACKS = []
    assert unseal(device.secret_sealed) == secret


@pytest.mark.django_db
def test_an_operator_issues_a_token_scoped_to_the_border_area(officer, capsys):
    from hudud.cli import main

    assert main(["account", "token-issue", "primary", "--name", "lane 4", "--scope", "border"]) == 0
    clear = capsys.readouterr().out.strip()
    lane = Client(headers={"Authorization": f"Bearer {clear}"})
    assert lane.get("/api/v1/crossing-points").status_code == 200
    assert lane.get("/api/v1/watchlists").status_code == 403
    assert "token.issue" in _actions(object_type="api_token")


@pytest.mark.django_db
def test_behind_a_trusted_proxy_lockouts_and_audit_use_the_clients_address(officer, settings):
    from django.test import override_settings

    with override_settings(HUDUD_TRUSTED_PROXIES=["10.0.0.1"]):
        proxied = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
        _password(proxied, "primary", "wrong")
        spoofed = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.50")
        _password(spoofed, "primary", "wrong")
    addresses = list(
        AuditEvent.objects.filter(action="login.failure").values_list("source_ip", flat=True)
    )
    assert addresses == ["203.0.113.9", "198.51.100.7"]
