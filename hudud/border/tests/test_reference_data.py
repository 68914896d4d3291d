"""Reference data loaded by the data migrations: Iraq's crossing points and its agencies."""

from __future__ import annotations

import pytest

from hudud.agencies.models import Agency
from hudud.border.models import CrossingPoint, StayRule
from hudud.common.reference import load_agencies, load_crossing_points, read_reference

REQUIRED = {
    "ibrahim-khalil",
    "rabia",
    "al-qaim",
    "al-waleed",
    "trebil",
    "arar",
    "safwan",
    "shalamcheh",
    "al-sheeb",
    "zurbatiya",
    "mandali",
    "al-munthiriya",
    "haj-omran",
    "bashmakh",
    "parviz-khan",
    "umm-qasr-north",
    "umm-qasr-middle",
    "umm-qasr-south",
    "baghdad-airport",
    "basra-airport",
    "najaf-airport",
    "erbil-airport",
    "sulaymaniyah-airport",
    "mosul-airport",
    "kirkuk-airport",
}


@pytest.mark.django_db
def test_every_required_crossing_point_is_loaded():
    assert set(CrossingPoint.objects.values_list("code", flat=True)) >= REQUIRED


@pytest.mark.django_db
def test_every_crossing_point_lies_in_iraq_and_has_an_authority_and_both_names():
    for cp in CrossingPoint.objects.select_related("authority"):
        # Iraq's bounding box, roughly: 29-37.5 N, 38.7-48.7 E.
        assert 29 <= float(cp.latitude) <= 37.5, cp.code
        assert 38.7 <= float(cp.longitude) <= 48.7, cp.code
        assert all((cp.name_en, cp.name_ar, cp.governorate)), cp.code
        assert cp.authority.code in {"bpc", "krg-borders"}, cp.code


@pytest.mark.django_db
def test_land_crossings_name_the_neighbour_and_airports_their_iata_code():
    for cp in CrossingPoint.objects.filter(kind="land"):
        assert cp.neighbour_country in {"TUR", "SYR", "JOR", "SAU", "KWT", "IRN"}, cp.code
    assert CrossingPoint.objects.get(code="zurbatiya").neighbour_crossing == "Mehran"
    iata = dict(CrossingPoint.objects.filter(kind="air").values_list("code", "iata_code"))
    assert iata["baghdad-airport"] == "BGW"
    assert iata["najaf-airport"] == "NJF"


@pytest.mark.django_db
def test_the_kurdistan_region_runs_its_own_crossings():
    krg = set(
        CrossingPoint.objects.filter(authority__code="krg-borders").values_list("code", flat=True)
    )
    assert {
        "ibrahim-khalil",
        "haj-omran",
        "bashmakh",
        "parviz-khan",
        "erbil-airport",
        "sulaymaniyah-airport",
    } <= krg


@pytest.mark.django_db
def test_the_reference_files_cite_their_sources():
    for path in ("border/data/crossing_points.json", "agencies/data/agencies.json"):
        assert read_reference(path)["sources"]


@pytest.mark.django_db
def test_reloading_reference_data_changes_nothing():
    before = (Agency.objects.count(), CrossingPoint.objects.count())
    load_agencies(Agency)
    load_crossing_points(CrossingPoint, Agency)
    assert (Agency.objects.count(), CrossingPoint.objects.count()) == before


@pytest.mark.django_db
def test_agencies_include_the_border_authorities_of_the_strategy():
    codes = set(Agency.objects.values_list("code", flat=True))
    assert {
        "bpc",
        "moi-border-forces",
        "moi-residency",
        "customs",
        "nsa",
        "moh-quarantine",
        "momd",
        "krg-moi",
    } <= codes
    assert Agency.objects.get(code="customs").parent.code == "mof"


@pytest.mark.django_db
def test_a_stay_rule_with_a_bad_policy_fails_validation_naming_the_field():
    from django.core.exceptions import ValidationError

    rule = StayRule(
        nationality="XXX", policy={"kind": "rolling", "max_days": 200, "window_days": 180}
    )
    with pytest.raises(ValidationError) as caught:
        rule.full_clean()
    assert "policy" in caught.value.message_dict
