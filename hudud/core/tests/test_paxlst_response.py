"""The interactive API response writer: CUSRES messages answering PAXLST messages."""

from __future__ import annotations

import doctest
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from hudud.core.paxlst import ServiceCharacters, generate_flight, parse, response, tokenize
from hudud.core.paxlst.response import (
    DO_NOT_BOARD,
    INSUFFICIENT_DATA,
    OK,
    ResponseMessage,
    TravellerResponse,
    encode_response,
    response_for,
    write_response,
)

PREPARED = datetime(2026, 12, 1, 8, 0)  # noqa: DTZ001 - EDIFACT times carry no zone


def _segments(text: str) -> list[tuple[str, list[list[str]]]]:
    return [(s.tag, s.elements) for s in tokenize(text).segments]


def test_the_documented_examples_hold() -> None:
    failures, attempted = doctest.testmod(response)
    assert attempted > 0
    assert failures == 0


def test_each_paxlst_message_gets_a_cusres_echoing_its_references_and_flight() -> None:
    flight = generate_flight(seed=4, passengers=3, crew=1, part_size=2, single_file=True)
    manifest = parse(flight.files[0])
    answers = [
        response_for(m, [TravellerResponse(OK) for _ in m.travellers]) for m in manifest.messages
    ]
    text = write_response(answers, control_ref="77", prepared=PREPARED)
    segments = tokenize(text).segments
    heads = [s for s in segments if s.tag == "UNH"]
    assert [h.value(1) for h in heads] == [m.reference for m in manifest.messages]
    assert {h.value(2) for h in heads} == {"CUSRES"}
    assert [h.components(4) for h in heads] == [["01", "C"], ["02", "F"], []]
    assert [s.value(1) for s in segments if s.tag == "BGM"] == ["962"] * 3
    flight_refs = [s.value(1, 2) for s in segments if s.tag == "RFF" and s.value(1) == "AF"]
    assert flight_refs == [manifest.flight.number] * 3
    unz = next(s for s in segments if s.tag == "UNZ")
    assert (unz.value(1), unz.value(2)) == ("3", "77")


def test_unt_counts_every_segment_of_its_message() -> None:
    answer = ResponseMessage(
        "M1", (TravellerResponse(OK, {"ABO": "P1"}), TravellerResponse(DO_NOT_BOARD)), flight="ZZ1"
    )
    segments = tokenize(write_response([answer], prepared=PREPARED)).segments
    start = next(i for i, s in enumerate(segments) if s.tag == "UNH")
    end = next(i for i, s in enumerate(segments) if s.tag == "UNT")
    assert int(segments[end].value(1)) == end - start + 1
    assert segments[end].value(2) == "M1"


def test_each_traveller_gets_erp_references_erc_and_free_text_in_order() -> None:
    travellers = (
        TravellerResponse(OK, {"AVF": "ABC123", "ABO": "P1", "SEA": "12A"}),
        TravellerResponse(DO_NOT_BOARD, {"ABO": "P2"}),
        TravellerResponse(INSUFFICIENT_DATA, {}, "SEND DOCUMENT NUMBER"),
    )
    text = write_response([ResponseMessage("1", travellers)], prepared=PREPARED, line_end="")
    body = text[text.index("ERP") : text.index("UNT")]
    assert body == (
        "ERP+2'RFF+AVF:ABC123'RFF+ABO:P1'ERC+0Z'FTX+AAP+++OK TO BOARD'"
        "ERP+2'RFF+ABO:P2'ERC+1Z'FTX+AAP+++DO NOT BOARD'"
        "ERP+2'ERC+2Z'FTX+AAP+++INSUFFICIENT DATA - SEND DOCUMENT NUMBER'"
    )


def test_custom_service_characters_are_used_and_declared() -> None:
    service = ServiceCharacters("*", "|", ".", "?", " ", "~")
    text = write_response(
        [ResponseMessage("1", (TravellerResponse(OK, {"ABO": "A|B"}),))],
        prepared=PREPARED,
        service=service,
    )
    assert text.startswith("UNA*|.? ~")
    references = [s for s in tokenize(text).segments if s.tag == "RFF"]
    assert references[0].value(1, 2) == "A|B"


def test_a_character_the_declared_set_lacks_becomes_a_question_mark_not_an_error() -> None:
    assert encode_response("RFF+ABO:É'", "UNOA") == b"RFF+ABO:?'"
    assert encode_response("RFF+ABO:É'", "UNOC") == "RFF+ABO:É'".encode("latin-1")


@given(
    references=st.dictionaries(
        st.sampled_from(["AVF", "ABO"]),
        st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1),
        max_size=2,
    ),
    detail=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
    status=st.sampled_from([OK, DO_NOT_BOARD, INSUFFICIENT_DATA]),
)
def test_whatever_the_references_hold_they_read_back_unchanged(
    references: dict[str, str], detail: str, status: str
) -> None:
    answer = TravellerResponse(status, references, detail)
    text = write_response([ResponseMessage("R", (answer,))], prepared=PREPARED)
    segments = tokenize(text).segments
    read = {s.value(1): s.elements[0][1] for s in segments if s.tag == "RFF"}
    assert read == {q: v.strip() for q, v in references.items() if v.strip()}
    codes = [s.value(1) for s in segments if s.tag == "ERC"]
    assert codes == [answer.code]
    free_text = next(s for s in segments if s.tag == "FTX").elements[3][0]
    assert free_text == answer.text
