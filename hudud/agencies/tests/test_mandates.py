"""Roles combined with agency mandates, decided in one table; masking of sensitive fields."""

from __future__ import annotations

import pytest

from conftest import make_officer
from hudud.agencies.mandates import CAPABILITIES, can, mask_document_number, reveal
from hudud.agencies.models import Officer

R = Officer.Role


@pytest.mark.django_db
def test_customs_staff_see_declarations_but_no_hits_no_travellers_and_no_trafficking_cases(
    other_agency_officer,
):
    assert can(other_agency_officer, "declaration.read")
    for capability in ("alert.decide", "watchlist.search", "traveller.read", "case.trafficking"):
        assert not can(other_agency_officer, capability), capability


@pytest.mark.django_db
def test_a_role_is_not_enough_without_the_agency_mandate():
    health_primary = make_officer("quarantine", R.PRIMARY, "moh-quarantine")
    border_primary = make_officer("passports", R.PRIMARY, "moi-passports")
    assert not can(health_primary, "crossing.record")
    assert can(border_primary, "crossing.record")
    customs_secondary = make_officer("customs.secondary", R.SECONDARY, "customs")
    assert not can(customs_secondary, "alert.decide")


@pytest.mark.django_db
def test_an_auditor_reads_across_agencies_and_decides_nothing(auditor):
    assert can(auditor, "traveller.read")
    assert can(auditor, "audit.read")
    assert can(auditor, "case.trafficking")
    for capability in ("crossing.record", "alert.decide", "watchlist.manage", "manifest.submit"):
        assert not can(auditor, capability), capability


@pytest.mark.django_db
def test_only_trafficking_case_workers_see_a_victims_identity():
    worker = make_officer("mrc", R.CASE_WORKER, "moi-trafficking")
    returns_worker = make_officer("momd", R.CASE_WORKER, "momd")
    assert can(worker, "case.trafficking")
    assert not can(returns_worker, "case.trafficking")
    assert can(returns_worker, "case.returns")


def test_every_capability_names_only_known_roles():
    for capability in CAPABILITIES.values():
        assert capability.roles <= set(R), capability.name


def test_document_numbers_are_masked_to_their_first_and_last_two_characters():
    assert mask_document_number("K12345678") == "K1•••••78"
    assert mask_document_number("A12") == "•••"


@pytest.mark.django_db
def test_an_analyst_sees_document_numbers_and_birth_dates_masked(officer):
    analyst = make_officer("analyst", R.ANALYST, "moi")
    assert reveal(officer, "document_number", "K12345678") == "K12345678"
    assert reveal(analyst, "document_number", "K12345678") == "K1•••••78"
    assert reveal(analyst, "birth_date", "1985-03-14") == "1985-••-••"
    assert reveal(analyst, "document_number", "") == ""


@pytest.mark.django_db
def test_the_reveal_tag_masks_by_the_viewing_officers_role(officer):
    from django.template import Context, Template

    analyst = make_officer("analyst", R.ANALYST, "moi")
    page = Template('{% load protected %}{% reveal "document_number" number %}')
    assert page.render(Context({"officer": officer, "number": "K12345678"})) == "K12345678"
    assert page.render(Context({"officer": analyst, "number": "K12345678"})) == "K1•••••78"
    assert page.render(Context({"number": "K12345678"})) == "K1•••••78"
