"""Assembling a flight's lists from their parts, and the batch entry points."""

from __future__ import annotations

from datetime import date

from hudud.core.paxlst import assemble, generate_flight, parse, parse_many, read_interchange

from .test_paxlst_message import FLIGHT

TODAY = date(2026, 11, 22)


def part(number: int, flag: str, surnames: list[str], cnt: int | None = None) -> str:
    body = FLIGHT + "".join(f"NAD+FL+++{s}:TEST'" for s in surnames)
    body += f"CNT+42:{cnt}'" if cnt is not None else ""
    segments = body.count("'") + 3
    return (
        f"UNB+UNOA:4+AIR+GOV+261122:1200+IC{number}'"
        f"UNH+M{number}+PAXLST:D:05B:UN:IATA+ZZ123/261122+{number:02d}:{flag}'BGM+745'"
        f"{body}UNT+{segments}+M{number}'UNZ+1+IC{number}'"
    )


def manifest_of(*texts: str):  # type: ignore[no-untyped-def]
    return assemble([read_interchange(text, today=TODAY) for text in texts])


def test_parts_received_out_of_order_are_joined_in_part_order() -> None:
    manifest = manifest_of(part(3, "F", ["E"]), part(1, "C", ["A", "B"]), part(2, "C", ["C", "D"]))
    assert [t.surname for t in manifest.travellers] == ["A", "B", "C", "D", "E"]
    assert [m.part for m in manifest.messages] == [1, 2, 3]
    assert manifest.warnings == []


def test_a_missing_part_and_a_missing_final_part_are_reported() -> None:
    codes = {w.code for w in manifest_of(part(1, "C", ["A"]), part(3, "C", ["C"])).warnings}
    assert codes == {"part_missing", "last_part_missing"}


def test_a_repeated_part_is_reported() -> None:
    manifest = manifest_of(part(1, "C", ["A"]), part(1, "C", ["A"]), part(2, "F", ["B"]))
    assert {w.code for w in manifest.warnings} == {"part_duplicated"}


def test_a_whole_flight_total_in_every_part_matches() -> None:
    manifest = manifest_of(part(1, "C", ["A", "B"], cnt=3), part(2, "F", ["C"], cnt=3))
    assert (manifest.counts["passengers"].declared, manifest.counts["passengers"].found) == (3, 3)
    assert manifest.warnings == []


def test_per_part_counts_that_add_up_match_too() -> None:
    manifest = manifest_of(part(1, "C", ["A", "B"], cnt=2), part(2, "F", ["C"], cnt=1))
    assert manifest.counts["passengers"].declared == 3
    assert manifest.warnings == []


def test_findings_are_renumbered_across_parts() -> None:
    manifest = manifest_of(part(1, "C", ["A"]), part(2, "F", ["B"]))
    assert {f.traveller for f in manifest.findings} == {0, 1}


def test_messages_for_different_routes_are_joined_with_a_warning() -> None:
    other = part(2, "F", ["B"]).replace("LOC+125+IST", "LOC+125+DXB")
    assert "flight_differs" in {w.code for w in manifest_of(part(1, "C", ["A"]), other).warnings}


def test_a_generated_split_flight_with_its_crew_list_assembles_to_the_truth() -> None:
    flight = generate_flight(seed=11, passengers=350, crew=14, part_size=120)
    manifest = assemble([read_interchange(data) for data in reversed(flight.files)])
    assert (manifest.warnings, manifest.errors) == ([], [])
    assert manifest.list_type == "passengers_and_crew"
    assert [t.surname for t in manifest.travellers] == [t.surname for t in flight.travellers]
    assert manifest.counts["passengers"].declared == 350
    assert manifest.counts["crew"].found == 14


def test_parse_many_reads_each_input_on_its_own() -> None:
    flight = generate_flight(seed=2, passengers=10, crew=2)
    manifests = parse_many([*flight.files, b"not edifact"])
    assert [len(m.travellers) for m in manifests] == [10, 2, 0]
    assert [m.valid for m in manifests] == [True, True, False]
    assert parse(flight.files[0]).to_json() == manifests[0].to_json()
