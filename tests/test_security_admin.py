"""The admin site keeps the workspace's rules: personal data and decisions are not there, what
an administrator opens or changes is audited, an agency administrator manages only their own
agency's officers and tokens, and permits are granted through their audited service."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from conftest import crossing_body, make_officer, passport
from hudud.agencies.models import Officer
from hudud.agencies.tokens import token_issue
from hudud.audit.models import AuditEvent
from hudud.border.models import Permit, Traveller


def _admin(username: str, agency: str, *, superuser: bool = False) -> tuple[Officer, Client]:
    officer = make_officer(username, Officer.Role.AGENCY_ADMIN, agency)
    user = officer.user
    user.is_staff, user.is_superuser = True, superuser
    user.save()
    if not superuser:
        user.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label="agencies",
                codename__in=["view_officer", "change_officer", "view_apitoken", "change_apitoken"],
            )
        )
    client = Client()
    client.force_login(user)  # stands for the two-factor login (docs/security.md)
    return officer, client


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("sequence"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/audit/auditevent/",
        "/admin/watchlists/alert/",
        "/admin/watchlists/clearance/",
        "/admin/watchlists/notification/",
        "/admin/manifests/submission/",
    ],
)
def test_personal_data_and_decisions_are_not_in_the_admin(path: str) -> None:
    _, client = _admin("root", "moi", superuser=True)
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_what_an_administrator_opens_and_changes_is_audited(officer: Officer) -> None:
    admin, client = _admin("root", "moi", superuser=True)
    assert client.get("/admin/agencies/officer/").status_code == 200
    (listed,) = _events("admin.list")
    assert (listed.actor_username, listed.object_type) == ("root", "agencies.officer")
    assert listed.details["count"] == Officer.objects.count()

    page = f"/admin/agencies/officer/{officer.pk}/change/"
    assert client.get(page).status_code == 200
    (read,) = _events("admin.read")
    assert (read.object_type, read.object_id) == ("agencies.officer", str(officer.pk))

    form = {
        "user": officer.user_id,
        "agency": officer.agency_id,
        "badge_number": officer.badge_number,
        "role": Officer.Role.SUPERVISOR,
    }
    assert client.post(page, form).status_code == 302
    officer.refresh_from_db()
    assert officer.role == Officer.Role.SUPERVISOR
    (changed,) = _events("admin.change")
    assert changed.details == {"fields": ["role"]}
    assert changed.agency_code == admin.agency.code


@pytest.mark.django_db
def test_an_agency_administrator_manages_only_their_agencys_officers_and_tokens(
    officer: Officer,
) -> None:
    # The officer belongs to the Border Ports Commission; the administrator to customs.
    _, client = _admin("customs.admin", "customs")
    colleague = make_officer("customs.clerk", Officer.Role.REVENUE, "customs")
    listing = client.get("/admin/agencies/officer/").content.decode()
    assert colleague.badge_number in listing
    assert officer.badge_number not in listing
    assert client.get(f"/admin/agencies/officer/{officer.pk}/change/").status_code in (302, 404)

    theirs, _ = token_issue(officer=officer, name="lane")
    ours, _ = token_issue(officer=colleague, name="desk")
    tokens = client.get("/admin/agencies/apitoken/").content.decode()
    assert ours.prefix in tokens
    assert theirs.prefix not in tokens

    # Nor can they move their own officer into another agency.
    form: dict[str, Any] = {
        "user": colleague.user_id,
        "agency": officer.agency_id,
        "badge_number": colleague.badge_number,
        "role": Officer.Role.REVENUE,
    }
    answer = client.post(f"/admin/agencies/officer/{colleague.pk}/change/", form)
    assert answer.status_code == 200  # the form again, with the error on the agency
    colleague.refresh_from_db()
    assert colleague.agency.code == "customs"


@pytest.mark.django_db
def test_a_permit_is_granted_through_its_service_and_checked_on_the_form(
    officer: Officer, client_for: Any
) -> None:
    body = crossing_body("entry", passport(number="P3RM1T001"))
    answer = client_for(officer).post("/api/v1/crossings", body, "application/json")
    traveller = Traveller.objects.get(pk=answer.json()["crossing"]["traveller_id"])
    admin, client = _admin("root", "moi", superuser=True)
    form = {
        "traveller": str(traveller.pk),
        "kind": "visa",
        "number": "V-100",
        "valid_from": "2026-01-01",
        "valid_until": "2025-01-01",
        "max_stay_days": "",
        "entries_allowed": "",
    }
    refused = client.post("/admin/border/permit/add/", form)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "ends before valid_from" in html
    assert "a visa states its days of stay" in html
    assert not Permit.objects.exists()

    form.update(valid_until="2026-12-31", max_stay_days="60")
    assert client.post("/admin/border/permit/add/", form).status_code == 302
    permit = Permit.objects.get()
    assert (permit.issued_by, permit.valid_until) == (admin.agency, date(2026, 12, 31))
    (granted,) = _events("permit.grant")
    assert (granted.actor_username, granted.object_id) == ("root", str(traveller.pk))

    again = client.post("/admin/border/permit/add/", form)
    assert "already issued this permit" in again.content.decode()
    assert Permit.objects.count() == 1
    # A granted permit is not edited or deleted through the admin.
    assert (
        client.post(f"/admin/border/permit/{permit.pk}/delete/", {"post": "yes"}).status_code == 403
    )
