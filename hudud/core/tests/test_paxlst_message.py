"""Reading PAXLST messages: headers, legs, travellers, documents, dates, counts, the envelope."""

from __future__ import annotations

from datetime import date, datetime

from hudud.core.paxlst import Manifest, parse

TODAY = date(2026, 11, 22)
FLIGHT = "TDT+20+ZZ123+++ZZ'LOC+125+IST'DTM+189:2611221430:201'LOC+87+BGW'DTM+232:2611221815:201'"


def message(body: str, *, bgm: str = "745", unh: str = "UNH+M1+PAXLST:D:05B:UN:IATA") -> str:
    """A whole interchange around `body`, with correct UNT and UNZ counts."""
    segments = [s for s in body.split("'") if s]
    count = len(segments) + 3  # UNH, BGM, UNT
    return f"UNB+UNOA:4+AIR+GOV+261122:1200+IC1'{unh}'BGM+{bgm}'{body}UNT+{count}+M1'UNZ+1+IC1'"


def read(body: str, **kwargs: str) -> Manifest:
    return parse(message(body, **kwargs), today=TODAY)


def warning_codes(manifest: Manifest) -> list[str]:
    return [w.code for w in manifest.warnings]


def test_a_clean_message_has_no_warnings_errors_or_findings() -> None:
    manifest = read(
        FLIGHT + "NAD+FL+++DOE:JANE'ATT+2++F'DTM+329:850101'LOC+178+IST'LOC+179+BGW'"
        "NAT+2+IRQ'DOC+P+A1234567'DTM+36:300101'LOC+91+IRQ'CNT+42:1'"
    )
    assert (manifest.warnings, manifest.errors, manifest.findings) == ([], [], [])
    assert manifest.valid


def test_the_flight_is_carrier_and_number_with_local_times() -> None:
    flight = read(FLIGHT).flight
    assert (flight.carrier, flight.number) == ("ZZ", "ZZ123")
    [leg] = flight.legs
    assert (leg.departure_airport, leg.arrival_airport) == ("IST", "BGW")
    assert leg.departure_local == datetime(2026, 11, 22, 14, 30)  # noqa: DTZ001 - local, no zone
    assert leg.arrival_local == datetime(2026, 11, 22, 18, 15)  # noqa: DTZ001


def test_a_progressive_flight_gives_one_leg_per_tdt_and_the_arrival_leg_names_the_flight() -> None:
    manifest = read(
        "TDT+20+ZZ1+++ZZ'LOC+92+CAI'DTM+189:2611220800:201'LOC+92+AMM'DTM+232:2611221000:201'"
        "TDT+20+ZZ2+++ZZ'LOC+125+AMM'DTM+189:2611221100:201'LOC+87+BGW'DTM+232:2611221300:201'"
    )
    legs = manifest.flight.legs
    assert [(leg.flight, leg.departure_airport, leg.arrival_airport) for leg in legs] == [
        ("ZZ1", "CAI", "AMM"), ("ZZ2", "AMM", "BGW")
    ]  # fmt: skip
    assert manifest.flight.number == "ZZ2"


def test_three_stops_under_one_tdt_make_two_legs_of_the_same_flight() -> None:
    legs = read(
        "TDT+20+ZZ7+++ZZ'LOC+92+CAI'DTM+189:2611220800:201'"
        "LOC+92+AMM'DTM+232:2611221000:201'DTM+189:2611221100:201'"
        "LOC+92+BGW'DTM+232:2611221300:201'"
    ).flight.legs
    assert [(leg.departure_airport, leg.arrival_airport) for leg in legs] == [
        ("CAI", "AMM"), ("AMM", "BGW")
    ]  # fmt: skip
    assert legs[1].departure_local == datetime(2026, 11, 22, 11, 0)  # noqa: DTZ001


def test_an_arrival_sent_before_the_departure_is_put_in_order() -> None:
    [leg] = read("TDT+20+ZZ1'LOC+87+BGW'DTM+232:2611221300:201'LOC+125+IST'").flight.legs
    assert (leg.departure_airport, leg.arrival_airport) == ("IST", "BGW")


def test_a_malformed_time_is_a_warning_and_null() -> None:
    manifest = read("TDT+20+ZZ1'LOC+125+IST'DTM+189:26113$1430:201'LOC+87+BGW'")
    assert manifest.flight.legs[0].departure_local is None
    assert "invalid_datetime" in warning_codes(manifest)


def test_a_message_without_tdt_is_an_error() -> None:
    manifest = read("NAD+FL+++DOE:JANE'")
    assert [e.code for e in manifest.errors] == ["flight_missing"]


def test_headers_give_reference_version_parts_transaction_and_reporting_party() -> None:
    manifest = read(
        "RFF+TN:BART34567890:::1'NAD+MS+++XYZ PSGR:SYSTEMS'COM+703-555-1212:TE+A?@B.C:EM'" + FLIGHT,
        unh="UNH+M1+PAXLST:D:05B:UN:IATA+ZZ123/261122+02:F",
    )
    [m] = manifest.messages
    assert (m.reference, m.version, m.common_access_ref) == ("M1", "D:05B:UN:IATA", "ZZ123/261122")
    assert (m.part, m.last_part, m.transaction_ref) == (2, True, "BART34567890")
    assert m.reporting_party is not None
    assert m.reporting_party.name == "XYZ PSGR SYSTEMS"
    assert [(c.number, c.type) for c in m.reporting_party.contacts] == [
        ("703-555-1212", "TE"), ("A@B.C", "EM")
    ]  # fmt: skip


def test_bgm_250_is_a_crew_list_and_an_unknown_code_is_a_warning() -> None:
    assert read(FLIGHT, bgm="250").list_type == "crew"
    unknown = read(FLIGHT, bgm="999")
    assert unknown.list_type is None
    assert "list_type_unknown" in warning_codes(unknown)


def test_a_traveller_has_names_sex_birth_date_places_references_and_address() -> None:
    manifest = read(
        FLIGHT + "NAD+FL+++AL TESTER:ZAID:ALI+1 EXAMPLE ST+BAGHDAD+:::KARKH+10001+IRQ'"
        "ATT+2++m'DTM+329:850101'LOC+22+BGW'LOC+174+IRQ'LOC+178+IST'LOC+179+BGW'"
        "LOC+180+:::BASRA'NAT+2+IRQ'RFF+AVF:ABC123'RFF+SEA:12A'RFF+AVF:OTHER'"
    )
    [t] = manifest.travellers
    assert (t.surname, t.given_names, t.sex, t.birth_date) == (
        "AL TESTER", "ZAID ALI", "M", date(1985, 1, 1)
    )  # fmt: skip
    assert (t.port_of_embarkation, t.port_of_debarkation, t.clearance_place) == (
        "IST", "BGW", "BGW"
    )  # fmt: skip
    assert (t.country_of_residence, t.place_of_birth, t.nationality) == ("IRQ", "BASRA", "IRQ")
    assert t.references == {"AVF": "ABC123", "SEA": "12A"}
    assert t.address is not None
    assert (t.address.street, t.address.region, t.address.country) == (
        "1 EXAMPLE ST", "KARKH", "IRQ"
    )  # fmt: skip
    assert t.location is not None
    assert t.location.tag == "NAD"


def test_roles_come_from_the_nad_party_and_transit_parties_are_marked() -> None:
    manifest = read(FLIGHT + "NAD+FL+++A:B'NAD+DDT+++C:D'NAD+FM+++E:F'NAD+DDU+++G:H'")
    assert [(t.role, t.in_transit) for t in manifest.travellers] == [
        ("passenger", False), ("passenger", True), ("crew", False), ("crew", True)
    ]  # fmt: skip
    assert "role_does_not_match_list" in warning_codes(manifest)


def test_an_unknown_party_is_a_warning_and_its_segments_are_not_given_to_the_previous() -> None:
    manifest = read(FLIGHT + "NAD+FL+++A:B'ATT+2++F'NAD+ZZZ+++X:Y'ATT+2++M'")
    [traveller] = manifest.travellers
    assert traveller.sex == "F"
    assert {"party_unknown", "segment_outside_traveller"} <= set(warning_codes(manifest))


def test_a_passport_and_a_visa_each_keep_their_own_dates_and_issuing_state() -> None:
    [t] = read(
        FLIGHT + "NAD+FL+++A:B'DOC+P:110:111+P123'DTM+36:300101'DTM+182:200101'LOC+91+JOR'"
        "DOC+V+V9'DTM+36:270101'LOC+91+IRQ'"
    ).travellers
    documents = [
        (d.type, d.number, d.issuing_state, d.expiry_date, d.issue_date) for d in t.documents
    ]
    assert documents == [
        ("P", "P123", "JOR", date(2030, 1, 1), date(2020, 1, 1)),
        ("V", "V9", "IRQ", date(2027, 1, 1), None),
    ]  # fmt: skip


def test_an_expiry_before_any_document_is_a_warning() -> None:
    manifest = read(FLIGHT + "NAD+FL+++A:B'DTM+36:300101'LOC+91+IRQ'")
    assert warning_codes(manifest).count("segment_outside_document") == 2


def test_birth_centuries_count_from_the_departure_date_not_from_today() -> None:
    old_flight = FLIGHT.replace("2611221430", "1306210900")
    [t] = read(old_flight + "NAD+FL+++A:B'DTM+329:150101'").travellers
    assert t.birth_date == date(1915, 1, 1)  # 2015 would be after the 2013 departure
    [child] = read(FLIGHT + "NAD+FL+++A:B'DTM+329:150101'").travellers
    assert child.birth_date is None
    assert child.birth_date_candidates == (date(1915, 1, 1), date(2015, 1, 1))


def test_a_four_digit_year_settles_the_century() -> None:
    [t] = read(FLIGHT + "NAD+FL+++A:B'DTM+329:20150101:102'").travellers
    assert t.birth_date == date(2015, 1, 1)


def test_expiry_dates_are_the_reading_within_fifty_years_of_departure() -> None:
    [t] = read(FLIGHT + "NAD+FL+++A:B'DOC+P+1'DTM+36:990909'DOC+P+2'DTM+36:610218'").travellers
    assert [d.expiry_date for d in t.documents] == [date(1999, 9, 9), date(2061, 2, 18)]


def test_cnt_counts_are_declared_per_role_and_checked() -> None:
    manifest = read(FLIGHT + "NAD+FL+++A:B'CNT+42:3'CNT+41:0'")
    assert (manifest.counts["passengers"].declared, manifest.counts["passengers"].found) == (3, 1)
    assert (manifest.counts["crew"].declared, manifest.counts["crew"].found) == (0, 0)
    [mismatch] = [w for w in manifest.warnings if w.code == "count_mismatch"]
    assert mismatch.message == "CNT+42 declares 3 passengers; 1 found"


def test_a_non_numeric_count_is_a_warning() -> None:
    assert "cnt_malformed" in warning_codes(read(FLIGHT + "CNT+42:ONE'"))


def test_unt_count_and_reference_are_checked() -> None:
    text = message(FLIGHT).replace("UNT+8+M1", "UNT+9+M2")
    codes = warning_codes(parse(text, today=TODAY))
    assert {"unt_count_mismatch", "unt_reference_mismatch"} <= set(codes)


def test_unz_counts_messages_and_checks_its_reference() -> None:
    text = message(FLIGHT).replace("UNZ+1+IC1", "UNZ+2+IC9")
    codes = warning_codes(parse(text, today=TODAY))
    assert {"unz_count_mismatch", "unz_reference_mismatch"} <= set(codes)


def test_groups_are_counted_by_une_and_unz_counts_groups() -> None:
    text = (
        "UNB+UNOA:4+A+B+261122:1200+IC1'UNG+PAXLST+A+B+261122:1200+G1+UN+D:05B'"
        f"UNH+M1+PAXLST:D:05B:UN:IATA'BGM+745'{FLIGHT}UNT+8+M1'UNE+1+G1'UNZ+1+IC1'"
    )
    manifest = parse(text, today=TODAY)
    assert (manifest.warnings, manifest.errors) == ([], [])


def test_a_message_cut_short_is_an_error_naming_its_unh() -> None:
    text = f"UNB+UNOA:4+A+B+261122:1200+IC1'UNH+M1+PAXLST:D:05B:UN:IATA'BGM+745'{FLIGHT}"
    manifest = parse(text, today=TODAY)
    [error] = manifest.errors
    assert error.code == "unt_missing"
    assert error.location is not None
    assert error.location.tag == "UNH"
    assert manifest.flight.number == "ZZ123"  # what arrived is still read


def test_a_message_of_another_type_is_an_error() -> None:
    manifest = read(FLIGHT, unh="UNH+M1+CUSRES:D:05B:UN:IATA")
    assert [e.code for e in manifest.errors] == ["not_paxlst"]


def test_segments_outside_any_message_are_warnings() -> None:
    text = message(FLIGHT).replace("UNZ+1+IC1'", "NAD+FL+++STRAY:ONE'UNZ+1+IC1'")
    assert "segment_outside_message" in warning_codes(parse(text, today=TODAY))


def test_binary_junk_is_a_clear_error_not_a_crash() -> None:
    manifest = parse(bytes(range(256)) * 3, today=TODAY)
    assert not manifest.valid
    assert "no_message" in {e.code for e in manifest.errors}
    assert manifest.to_json()["errors"]
