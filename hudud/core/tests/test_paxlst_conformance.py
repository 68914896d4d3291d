"""The shared PAXLST conformance samples (../shared/conformance/paxlst/), tested as they are.

Each `NAME.edi` is read byte-exact and compared with its sidecar `NAME.json`, field by field.
Two conventions of the sidecars are translated, not "fixed": they write an undecodable byte as
a Python escape (`Nov\\x87k`; the reader decodes it as Latin-1, U+0087), and an address as a
list of raw elements, components joined by ';' (the reader gives named fields). Birth dates
the sidecar leaves null (century ambiguous from 2026) are compared by their raw value only:
the reader counts the century from the departure date, which may settle them. The reader
strips spaces around values (`DTM+329: 670603`), where the sidecars keep raw values as sent.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hudud.core.paxlst import Manifest, Traveller, parse, tokenize

TODAY = date(2026, 11, 22)


def shared_dir() -> Path:
    override = os.environ.get("HUDUD_SHARED_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / ".." / "shared"


SAMPLES = shared_dir() / "conformance" / "paxlst"
NAMES = sorted(p.stem for p in SAMPLES.glob("*.edi"))
WCO_NAMES = [name for name in NAMES if name != "gtas_us_legacy_PDT_escape"]


def load(name: str) -> tuple[bytes, dict[str, Any], Manifest]:
    data = (SAMPLES / f"{name}.edi").read_bytes()
    sidecar = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data, sidecar, parse(data, today=TODAY)


def codes(manifest: Manifest) -> set[str]:
    return {issue.code for issue in manifest.warnings}


def as_sidecar_text(value: str | None) -> str | None:
    """How the sidecars write characters outside ASCII: as Python byte escapes."""
    if value is None:
        return None
    return value.encode("latin-1", "backslashreplace").decode("ascii", "backslashreplace")


def test_the_conformance_samples_are_present_with_their_sidecars() -> None:
    assert len(NAMES) >= 12
    for name in NAMES:
        assert (SAMPLES / f"{name}.json").is_file(), name


@pytest.mark.parametrize("name", NAMES)
def test_each_sample_is_the_file_its_sidecar_describes(name: str) -> None:
    data, sidecar, _ = load(name)
    assert hashlib.sha256(data).hexdigest() == sidecar["sha256"]


@pytest.mark.parametrize("name", NAMES)
def test_service_characters_and_the_interchange_header_are_read(name: str) -> None:
    data, sidecar, manifest = load(name)
    tokens, expected = tokenize(data), sidecar["service_characters"]
    service = tokens.service
    assert (service.component, service.element, service.decimal) == (
        expected["comp"], expected["elem"], expected["dec"]
    )  # fmt: skip
    assert (service.release, service.repetition, service.terminator) == (
        expected["rel"], expected["rep"], expected["term"]
    )  # fmt: skip
    assert tokens.una is expected["una_present"]
    [interchange] = manifest.interchanges
    header = sidecar["interchange"]
    assert interchange.syntax == header["syntax"]
    assert interchange.syntax_version == header["syntax_version"]
    assert interchange.sender == header["sender"]
    assert interchange.recipient == header["recipient"]
    assert interchange.control_ref == header["control_ref"]
    assert interchange.application_ref == header["application_ref"]
    assert interchange.prepared is not None
    assert f"{interchange.prepared:%y%m%d:%H%M}" == f"{header['prep_date']}:{header['prep_time']}"


@pytest.mark.parametrize("name", NAMES)
def test_envelope_mismatches_are_warnings_exactly_where_the_sidecar_finds_them(name: str) -> None:
    _, sidecar, manifest = load(name)
    unz = sidecar["interchange"]["unz"]
    assert ("unz_count_mismatch" in codes(manifest)) is not unz["count_ok"]
    assert ("unz_reference_mismatch" in codes(manifest)) is not unz["ref_ok"]
    for group in sidecar["groups"]:
        une_differs = group["une"]["ref"] != group["ref"]
        assert ("une_reference_mismatch" in codes(manifest)) is une_differs
    [message] = sidecar["messages"]
    assert ("unt_count_mismatch" in codes(manifest)) is not message["unt"]["count_ok"]
    assert ("unt_reference_mismatch" in codes(manifest)) is not message["unt"]["ref_ok"]
    [read] = manifest.messages
    assert read.segments_declared == int(message["unt"]["declared_segments"])
    assert read.segments_found == message["unt"]["actual_segments"]


@pytest.mark.parametrize("name", NAMES)
def test_message_headers_are_read(name: str) -> None:
    _, sidecar, manifest = load(name)
    [expected] = sidecar["messages"]
    [message] = manifest.messages
    assert message.reference == expected["unh_ref"]
    assert f"{message.message_type}:{message.version}" == (
        f"{expected['message']}:{expected['version']}"
    )
    assert message.common_access_ref == expected["common_access_ref"]
    sequence = expected["sequence"]
    assert message.part == (int(sequence) if sequence else None)
    assert message.last_part == {"F": True, "C": False, None: None}[expected["sequence_flag"]]
    assert message.bgm_code == expected["bgm"]
    assert message.list_type == expected["list_type"]
    assert message.document_id == expected["bgm_document_id"]
    assert message.transaction_ref == expected["transaction_ref"]
    party = expected["reporting_party"]
    if party is None:
        assert message.reporting_party is None
    else:
        assert message.reporting_party is not None
        assert message.reporting_party.name == party["name"]
        assert message.reporting_party.id == party["id"]


@pytest.mark.parametrize("name", WCO_NAMES)
def test_every_leg_is_read_with_airports_qualifiers_and_local_times(name: str) -> None:
    _, sidecar, manifest = load(name)
    [expected] = sidecar["messages"]
    legs = [
        {
            "flight": leg.flight,
            "carrier": leg.carrier,
            "departure_airport": leg.departure_airport,
            "departure_loc_qualifier": leg.departure_qualifier,
            "departure_local": _minutes(leg.departure_local),
            "arrival_airport": leg.arrival_airport,
            "arrival_loc_qualifier": leg.arrival_qualifier,
            "arrival_local": _minutes(leg.arrival_local),
        }
        for leg in manifest.flight.legs
    ]
    assert legs == expected["legs"]


@pytest.mark.parametrize("name", WCO_NAMES)
def test_travellers_are_counted_by_role_and_checked_against_cnt(name: str) -> None:
    _, sidecar, manifest = load(name)
    [expected] = sidecar["messages"]
    assert len(manifest.travellers) == expected["traveller_count"]
    by_role = {f"{role}s" if role == "passenger" else role: n
               for role, n in expected["count_by_role"].items()}  # fmt: skip
    for name_, count in manifest.counts.items():
        assert count.found == by_role.get(name_, 0)
    [message] = manifest.messages
    for cnt in expected["cnt"]:
        assert message.declared_counts[cnt["qual"]] == int(cnt["value"])
    all_match = all(cnt["matches_travellers_in_this_message"] for cnt in expected["cnt"])
    assert ("count_mismatch" in codes(manifest)) is not all_match


@pytest.mark.parametrize("name", WCO_NAMES)
def test_every_traveller_matches_the_sidecar(name: str) -> None:
    _, sidecar, manifest = load(name)
    [expected] = sidecar["messages"]
    assert len(manifest.travellers) == len(expected["travellers"])
    for traveller, want in zip(manifest.travellers, expected["travellers"], strict=True):
        assert_traveller(traveller, want)


def assert_traveller(traveller: Traveller, want: dict[str, Any]) -> None:
    assert (traveller.party, traveller.role) == (want["party"], want["role"])
    assert as_sidecar_text(traveller.surname) == want["surname"]
    assert traveller.given_names == want["given_names"]
    assert traveller.sex == want["sex"]
    assert traveller.birth_date_raw == want["birth_date_raw"].strip()
    if want["birth_date"] is not None:
        assert traveller.birth_date == date.fromisoformat(want["birth_date"])
    assert traveller.nationality == want["nationality"]
    assert traveller.port_of_embarkation == want["port_of_embarkation"]
    assert traveller.port_of_debarkation == want["port_of_debarkation"]
    for key in ("clearance_place", "country_of_residence", "place_of_birth"):
        assert getattr(traveller, key) == want.get(key), key
    assert traveller.references == want["refs"]
    documents = [
        {
            "type": d.type,
            "number": d.number,
            "expiry_raw": d.expiry_date_raw,
            "expiry_date": d.expiry_date.isoformat() if d.expiry_date else None,
            "issuing_state": d.issuing_state,
        }
        for d in traveller.documents
    ]
    assert documents == want["documents"]
    if "address" in want:
        assert_address(traveller, want["address"])


def assert_address(traveller: Traveller, elements: list[str]) -> None:
    address = traveller.address
    assert address is not None
    padded = [*elements, "", "", "", "", ""]
    region = [part for part in padded[2].split(";") if part]
    assert address.street == padded[0].strip()
    assert address.city == padded[1].strip()
    assert address.region == region[-1]
    assert address.postal_code == padded[3].strip()
    assert address.country == (padded[4].strip() or None)


def test_the_guide_examples_hold_what_the_jetway_tests_assert() -> None:
    _, _, single = load("guide_ex51_single_sector_passenger")
    party = single.messages[0].reporting_party
    assert party is not None
    assert [c.type for c in party.contacts] == ["TE", "FX", "EM"]
    assert single.messages[0].transaction_ref == "1234567890"
    _, _, progressive = load("guide_ex53_progressive_two_sectors")
    second = progressive.flight.legs[1]
    assert (second.carrier, second.flight) == ("XZ", "ZX877")
    assert progressive.travellers[1].given_names == "SORINA MARIA"


def test_the_non_ascii_byte_under_unoa_is_read_and_reported_where_it_is() -> None:
    _, _, manifest = load("gtas_Test3_delta_flight")
    [warning] = [w for w in manifest.warnings if w.code == "charset_mismatch"]
    assert "0x87" in warning.message
    assert warning.location is not None
    assert warning.location.tag == "NAD"
    assert "Nov\x87k" in {t.surname for t in manifest.travellers}


def test_the_part_indicator_01_c_without_more_parts_is_reported() -> None:
    _, _, manifest = load("gtas_Test3_delta_flight")
    assert "last_part_missing" in codes(manifest)


def test_text_after_unz_is_a_warning_and_not_a_segment() -> None:
    _, _, manifest = load("gtas_multiple_flight_leg")
    [warning] = [w for w in manifest.warnings if w.code == "trailing_data_after_unz"]
    assert warning.location is not None
    assert warning.location.line == 49
    assert manifest.valid


def test_a_count_sent_as_a_second_element_is_read_with_a_warning() -> None:
    _, _, manifest = load("gtas_Test1_crew_BGM250")
    assert "cnt_malformed" in codes(manifest)
    assert manifest.counts["crew"].declared == 8


def test_a_missing_document_type_and_issuing_state_are_findings_not_errors() -> None:
    _, _, manifest = load("gtas_tamr_flight1")
    found = {(f.code, f.traveller) for f in manifest.findings}
    assert ("document_type_missing", 0) in found
    assert ("issuing_state_missing", 2) in found
    assert manifest.valid


def test_travellers_without_nationality_or_document_are_findings() -> None:
    _, _, manifest = load("gtas_apisMessage_indented")
    found = {(f.code, f.traveller) for f in manifest.findings}
    assert found == {
        ("nationality_missing", 0), ("nationality_missing", 1),
        ("document_missing", 0), ("document_missing", 1),
    }  # fmt: skip


def test_the_legacy_us_message_is_flagged_not_silently_empty() -> None:
    data, sidecar, manifest = load("gtas_us_legacy_PDT_escape")
    assert not manifest.valid
    [error] = manifest.errors
    assert error.code == "unsupported_version"
    assert "001:000:NZ" in error.message
    assert error.location is not None
    assert error.location.tag == "UNH"
    assert manifest.travellers == []
    # The syntax layer still undoes the release character, as the sidecar's quirks require.
    segments = {s.tag: s for s in tokenize(data).segments}
    assert segments["CTA"].value(2, 2) == "FRED SAMPLES"
    surnames = [s.value(2) for s in tokenize(data).segments if s.tag == "PDT"]
    assert surnames == [t["surname"] for t in sidecar["manual_expected"]["travellers"]]


def test_every_wco_sample_is_read_without_errors() -> None:
    for name in WCO_NAMES:
        _, _, manifest = load(name)
        assert manifest.errors == [], name


def _minutes(value: Any) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None
