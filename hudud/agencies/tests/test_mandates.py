"""Roles combined with agency mandates, decided in one table; masking of sensitive fields."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import make_officer
from hudud.agencies.mandates import (
    CAPABILITIES,
    birth_date_json,
    can,
    mask_birth_date,
    mask_document_number,
    reveal,
)
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


def test_a_birth_date_keeps_its_year_whether_read_as_a_date_or_raw():
    assert mask_birth_date("1985-03-14") == "1985-••-••"
    assert mask_birth_date("850314") == "85••••"  # MRZ YYMMDD that did not read as a date
    assert mask_birth_date("19850314") == "1985••••"
    assert mask_birth_date("85") == "••"


@pytest.mark.django_db
def test_a_birth_date_in_json_is_null_with_its_year_for_an_analyst_and_unchanged_for_others(
    officer,
):
    analyst = make_officer("analyst", R.ANALYST, "moi")
    born = date(1985, 3, 14)
    assert birth_date_json(officer, born) == {
        "birth_date": born,
        "birth_year": 1985,
        "birth_date_masked": False,
    }
    assert birth_date_json(analyst, born) == {
        "birth_date": None,
        "birth_year": 1985,
        "birth_date_masked": True,
    }
    assert birth_date_json(analyst, "1985-03-14")["birth_date"] is None
    assert birth_date_json(officer, "1985-03-14")["birth_date"] == "1985-03-14"
    assert birth_date_json(analyst, None) == {
        "birth_date": None,
        "birth_year": None,
        "birth_date_masked": False,
    }


@pytest.mark.django_db
def test_the_sees_tag_tells_a_template_whether_the_officer_sees_a_field_in_full(officer):
    from django.template import Context, Template

    analyst = make_officer("analyst", R.ANALYST, "moi")
    page = Template('{% load protected %}{% sees "birth_date" as full %}{{ full }}')
    assert page.render(Context({"officer": officer})) == "True"
    assert page.render(Context({"officer": analyst})) == "False"
    assert page.render(Context({})) == "False"
