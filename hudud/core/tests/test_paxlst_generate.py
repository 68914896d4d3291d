"""The synthetic flight generator: seeded, sized, split, in any character set, read back whole."""

from __future__ import annotations

from hudud.core.paxlst import ServiceCharacters, assemble, generate_flight, parse, read_interchange
from hudud.core.paxlst.generate import ARABIC_SURNAMES, SURNAMES


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not() -> None:
    assert generate_flight(seed=9).files == generate_flight(seed=9).files
    assert generate_flight(seed=9).files != generate_flight(seed=10).files


def test_a_full_flight_reads_back_with_no_warning_error_or_finding() -> None:
    flight = generate_flight(seed=1, passengers=488, crew=12, single_file=True)
    manifest = parse(flight.files[0])
    assert (manifest.warnings, manifest.errors, manifest.findings) == ([], [], [])
    assert len(manifest.travellers) == 500
    assert manifest.counts["passengers"].declared == 488
    assert manifest.counts["crew"].declared == 12


def test_documents_are_passports_visas_and_identity_cards() -> None:
    flight = generate_flight(seed=1, passengers=400, crew=10)
    kinds = {tuple(d.type for d in t.documents) for t in flight.travellers}
    assert kinds == {("P",), ("P", "V"), ("I",)}
    assert all(t.documents[0].type == "P" for t in flight.travellers if t.role == "crew")


def test_names_are_obviously_synthetic_and_some_need_the_release_character() -> None:
    flight = generate_flight(seed=1, passengers=400, crew=0)
    assert {t.surname for t in flight.travellers} <= set(SURNAMES)
    assert any("'" in (t.surname or "") for t in flight.travellers)
    assert b"?'" in flight.files[0]


def test_unow_flights_carry_arabic_script_names_in_utf_8() -> None:
    flight = generate_flight(seed=3, passengers=200, crew=0, charset="UNOW")
    arabic = [t for t in flight.travellers if t.surname in ARABIC_SURNAMES]
    assert arabic
    manifest = parse(flight.files[0])
    assert manifest.warnings == []
    assert {t.surname for t in manifest.travellers} >= {t.surname for t in arabic}


def test_custom_separators_and_bare_cr_line_ends_read_back_the_same() -> None:
    service = ServiceCharacters(":", "*", ".", "?", " ", "$")
    plain = generate_flight(seed=5, passengers=50, crew=2, single_file=True)
    custom = generate_flight(
        seed=5, passengers=50, crew=2, single_file=True, service=service, line_end="\r"
    )
    assert b"*" in custom.files[0]
    assert b"\r" in custom.files[0]
    assert (
        parse(custom.files[0]).to_json()["travellers"]
        == parse(plain.files[0]).to_json()["travellers"]
    )


def test_a_split_list_numbers_its_parts_and_marks_the_last() -> None:
    flight = generate_flight(seed=2, passengers=450, crew=10, part_size=200)
    parts = [(m.list_type, m.part, m.last_part) for m in flight.messages]
    assert parts == [
        ("passengers", 1, False), ("passengers", 2, False), ("passengers", 3, True),
        ("crew", None, None),
    ]  # fmt: skip
    manifest = assemble([read_interchange(data) for data in flight.files])
    assert len(manifest.travellers) == 460
    assert manifest.valid
    assert manifest.warnings == []


def test_multi_leg_routes_keep_the_arrival_in_iraq_last() -> None:
    for seed in range(20):
        legs = generate_flight(seed=seed, passengers=1, crew=0).messages[0].legs
        assert legs[-1].arrival_qualifier == "87"
        assert legs[-1].arrival_airport in {"BGW", "BSR", "EBL", "NJF", "ISU"}
