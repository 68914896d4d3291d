"""Data-quality findings: per traveller, naming the field and the segment, never rejecting."""

from __future__ import annotations

from datetime import date

from hudud.core.paxlst import Manifest, parse

from .test_paxlst_message import FLIGHT, message

TODAY = date(2026, 11, 22)
COMPLETE = (
    "NAD+FL+++DOE:JANE'ATT+2++F'DTM+329:850101'LOC+178+IST'LOC+179+BGW'NAT+2+IRQ'"
    "DOC+P+A1234567'DTM+36:300101'LOC+91+IRQ'"
)


def findings(traveller: str) -> set[tuple[str, str]]:
    manifest = parse(message(FLIGHT + traveller), today=TODAY)
    return {(f.code, f.field) for f in manifest.findings}


def test_a_complete_traveller_has_no_findings() -> None:
    assert findings(COMPLETE) == set()


def test_a_bare_passenger_lacks_every_mandatory_item() -> None:
    assert findings("NAD+FL'") == {
        ("surname_missing", "surname"),
        ("given_names_missing", "given_names"),
        ("sex_missing", "sex"),
        ("birth_date_missing", "birth_date"),
        ("nationality_missing", "nationality"),
        ("embarkation_missing", "port_of_embarkation"),
        ("debarkation_missing", "port_of_debarkation"),
        ("document_missing", "documents"),
    }


def test_crew_need_no_ports() -> None:
    crew = COMPLETE.replace("NAD+FL", "NAD+FM").replace("LOC+178+IST'LOC+179+BGW'", "")
    assert findings(crew) == set()


def test_malformed_values_are_named() -> None:
    bad = (
        COMPLETE.replace("ATT+2++F", "ATT+2++Q")
        .replace("NAT+2+IRQ", "NAT+2+IQ")
        .replace("DTM+329:850101", "DTM+329:851341")
        .replace("LOC+91+IRQ", "LOC+91+ZZZ")
        .replace("DTM+36:300101", "DTM+36:30AB01")
    )
    assert findings(bad) == {
        ("sex_invalid", "sex"),
        ("nationality_invalid", "nationality"),
        ("birth_date_invalid", "birth_date"),
        ("issuing_state_invalid", "documents[0].issuing_state"),
        ("expiry_date_invalid", "documents[0].expiry_date"),
    }


def test_an_incomplete_document_is_named_by_its_position() -> None:
    incomplete = COMPLETE + "DOC++V99'"
    assert findings(incomplete) == {
        ("document_type_missing", "documents[1].type"),
        ("issuing_state_missing", "documents[1].issuing_state"),
        ("expiry_date_missing", "documents[1].expiry_date"),
    }


def test_a_document_expired_before_departure_is_a_finding() -> None:
    assert findings(COMPLETE.replace("DTM+36:300101", "DTM+36:260101")) == {
        ("document_expired", "documents[0].expiry_date")
    }


def test_an_ambiguous_birth_century_is_a_finding_with_both_readings() -> None:
    manifest = parse(message(FLIGHT + COMPLETE.replace("850101", "150101")), today=TODAY)
    [finding] = manifest.findings
    assert finding.code == "birth_date_century_ambiguous"
    assert "1915-01-01 or 2015-01-01" in finding.message


def test_findings_name_the_traveller_index_name_and_segment_line() -> None:
    text = message(FLIGHT + COMPLETE + "NAD+FL+++ROE:RICHARD'").replace("'", "'\n")
    manifest: Manifest = parse(text, today=TODAY)
    first = manifest.findings[0]
    assert first.traveller == 1
    assert first.message.startswith("segment 18 (NAD) at line 18, column 1: passenger ROE, RICHARD")
    assert manifest.valid
