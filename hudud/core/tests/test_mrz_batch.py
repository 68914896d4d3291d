from __future__ import annotations

from datetime import date

from hudud.core.mrz import parse_many, split_blocks

TODAY = date(2026, 11, 22)
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)


def test_a_reader_stream_splits_into_zones_at_blank_lines() -> None:
    stream = f"\n{TD3}\r\n\r\n  \n{TD1}\n\n"
    blocks = split_blocks(stream)
    assert len(blocks) == 2
    assert [r.format for r in parse_many(blocks, today=TODAY)] == ["TD3", "TD1"]


def test_parse_many_keeps_input_order_and_judges_each_zone_alone() -> None:
    results = parse_many([TD1, "garbage", TD3], today=TODAY)
    assert [r.valid for r in results] == [True, False, True]


def test_results_serialise_to_json_with_iso_dates() -> None:
    data = parse_many([TD3], today=TODAY)[0].to_json()
    assert data["birth_date"] == "1974-08-12"
    assert data["errors"] == []
    assert data["warnings"] == []
