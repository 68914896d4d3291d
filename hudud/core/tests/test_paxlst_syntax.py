"""The EDIFACT syntax layer: separators, release character, layout, character sets, positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from hudud.core.paxlst import ServiceCharacters, generate_flight, tokenize
from hudud.core.paxlst.reference import pydifact_segments

from .test_paxlst_conformance import SAMPLES

HEAD = "UNB+UNOA:4+AIR+GOV+240101:1200+1'"


def tags(data: bytes | str) -> list[str]:
    return [segment.tag for segment in tokenize(data).segments]


def codes(data: bytes | str) -> tuple[list[str], list[str]]:
    tokens = tokenize(data)
    return [w.code for w in tokens.warnings], [e.code for e in tokens.errors]


def test_elements_and_components_are_split_and_counted_from_one() -> None:
    [_, nad] = tokenize(HEAD + "NAD+FL+++DOE:JANE:MARY'").segments
    assert nad.elements == [["FL"], [""], [""], ["DOE", "JANE", "MARY"]]
    assert (nad.value(1), nad.value(4, 2), nad.value(4, 9), nad.value(12)) == ("FL", "JANE", "", "")
    assert nad.components(4) == ["DOE", "JANE", "MARY"]


def test_the_release_character_makes_separators_and_itself_plain_data() -> None:
    [_, nad] = tokenize(HEAD + "NAD+FL+++O?'LEARY?+SONS:A??B?:C'").segments
    assert nad.value(4) == "O'LEARY+SONS"
    assert nad.value(4, 2) == "A?B:C"


def test_a_released_character_that_is_no_separator_is_just_that_character() -> None:
    [_, cta] = tokenize(HEAD + "CTA+IC+:FRED? SAMPLES'").segments
    assert cta.value(2, 2) == "FRED SAMPLES"


def test_una_declares_custom_separators_and_terminator() -> None:
    tokens = tokenize("UNA:*.? $UNB*UNOA:4*AIR$NAD*FL***SMITH:JO?$ANN$")
    assert tokens.service == ServiceCharacters(":", "*", ".", "?", " ", "$")
    assert tokens.una
    assert tokens.segments[-1].value(4, 2) == "JO$ANN"


def test_a_una_with_clashing_separators_is_an_error_and_the_defaults_are_used() -> None:
    tokens = tokenize("UNA::.? 'UNB+UNOA:4+A'")
    assert [e.code for e in tokens.errors] == ["una_invalid"]
    assert tokens.service == ServiceCharacters()


def test_a_space_as_release_character_means_there_is_none() -> None:
    tokens = tokenize("UNA:+.  'UNB+UNOA:4+A'NAD+FL+++A? B'")
    assert tokens.service.release == ""
    assert tokens.segments[-1].value(4) == "A? B"


@pytest.mark.parametrize("line_end", ["", "\n", "\r\n", "\r", "\n    ", "\r\n\t"])
def test_line_ends_and_indentation_between_segments_are_layout(line_end: str) -> None:
    text = line_end.join(["UNA:+.? '", HEAD, "UNH+1+PAXLST:D:05B:UN:IATA'", "UNT+2+1'", ""])
    assert tags(text) == ["UNA", "UNB", "UNH", "UNT"]
    assert codes(text) == ([], [])


def test_a_space_between_tag_and_separator_is_tolerated() -> None:
    assert tags(HEAD + "UNG +PAXLST+AIR'") == ["UNB", "UNG"]


def test_a_last_segment_without_terminator_is_read_with_a_warning() -> None:
    tokens = tokenize(HEAD + "UNZ+1+1")
    assert tokens.segments[-1].value(2) == "1"
    assert [w.code for w in tokens.warnings] == ["missing_final_terminator"]


def test_text_after_unz_is_ignored_with_a_warning_naming_its_line() -> None:
    tokens = tokenize(HEAD + "UNZ+1+1'\n13Nov09\nmore junk'")
    assert [s.tag for s in tokens.segments] == ["UNB", "UNZ"]
    [warning] = tokens.warnings
    assert (warning.code, warning.location and warning.location.line) == (
        "trailing_data_after_unz", 2
    )  # fmt: skip


def test_a_second_interchange_after_unz_is_read_on() -> None:
    assert tags(HEAD + "UNZ+0+1'\nUNB+UNOA:4+A+B+240101:1200+2'UNZ+0+2'") == [
        "UNB", "UNZ", "UNB", "UNZ"
    ]  # fmt: skip


def test_an_unreadable_segment_is_an_error_naming_segment_line_and_column() -> None:
    tokens = tokenize(HEAD + "\nNAD+FL+++A'\n  N@D+FL'\nATT+2++M'")
    assert [s.tag for s in tokens.segments] == ["UNB", "NAD", "ATT"]
    [error] = tokens.errors
    assert error.code == "unreadable_segment"
    assert error.location is not None
    assert (error.location.segment, error.location.line, error.location.column) == (3, 3, 3)
    assert error.message.startswith("segment 3 (?) at line 3, column 3: 'N@D+FL'")


def test_a_flood_of_unreadable_segments_is_reported_ten_times_then_summed_up() -> None:
    tokens = tokenize("'".join(["x"] * 50) + "'")
    assert len(tokens.errors) == 11
    assert tokens.errors[-1].message == "40 more unreadable segments"


def test_text_without_any_terminator_says_a_una_may_be_missing() -> None:
    _, errors = codes("UNB+UNOA:4+A\nUNH+1+PAXLST\n")
    assert "no_segment_terminator" in errors


def test_lowercase_tags_are_read_as_uppercase() -> None:
    assert tags("unb+UNOA:4+A'nad+FL'") == ["UNB", "NAD"]


def test_level_b_without_una_uses_the_information_separators() -> None:
    tokens = tokenize("UNB\x1dUNOB\x1f4\x1dAIR\x1cNAD\x1dFL\x1d\x1d\x1dDoe\x1fJane\x1c")
    assert tokens.segments[1].value(4, 2) == "Jane"


def test_unoc_bytes_are_latin_1() -> None:
    data = f"{HEAD.replace('UNOA', 'UNOC')}NAD+FL+++MÜLLER:JOSÉ'".encode("latin-1")
    tokens = tokenize(data)
    assert tokens.segments[-1].value(4) == "MÜLLER"
    assert tokens.warnings == ()


def test_unow_bytes_are_utf_8_arabic_script_included() -> None:
    data = f"{HEAD.replace('UNOA', 'UNOW')}NAD+FL+++فلان:زيد'".encode()
    assert tokenize(data).segments[-1].value(4, 2) == "زيد"


def test_invalid_utf_8_under_unow_is_replaced_and_reported() -> None:
    data = HEAD.replace("UNOA", "UNOW").encode() + b"NAD+FL+++AB\xffC'"
    tokens = tokenize(data)
    assert tokens.segments[-1].value(4) == "AB\ufffdC"
    assert [w.code for w in tokens.warnings] == ["charset_mismatch"]


def test_non_ascii_bytes_under_unoa_are_read_and_reported_at_their_segment() -> None:
    data = (HEAD + "\nNAD+FL+++NOV\x87K'").encode("latin-1")
    tokens = tokenize(data)
    assert tokens.segments[-1].value(4) == "NOV\x87K"
    [warning] = tokens.warnings
    assert warning.code == "charset_mismatch"
    assert "0x87" in warning.message
    assert warning.location is not None
    assert (warning.location.tag, warning.location.line) == ("NAD", 2)


def test_utf_8_under_unoa_is_read_as_utf_8_with_a_warning() -> None:
    tokens = tokenize((HEAD + "NAD+FL+++JOSÉ'").encode())
    assert tokens.segments[-1].value(4) == "JOSÉ"
    assert "read as UTF-8" in tokens.warnings[0].message


def test_text_given_as_str_is_checked_against_unoa_too() -> None:
    assert [w.code for w in tokenize(HEAD + "NAD+FL+++JOSÉ'").warnings] == ["charset_mismatch"]


def test_a_byte_order_mark_and_leading_blank_lines_are_skipped() -> None:
    assert tags("\ufeff\n\n UNA:+.? '" + HEAD) == ["UNA", "UNB"]


def test_private_use_characters_in_the_data_survive_the_release_placeholders() -> None:
    [_, nad] = tokenize(HEAD + "NAD+FL+++\ue000\ue001?:\ue002'").segments
    assert nad.value(4) == "\ue000\ue001:\ue002"


@pytest.mark.parametrize("name", ["guide_ex51_single_sector_passenger", "gtas_tamr_flight1"])
def test_well_formed_samples_tokenise_as_pydifact_reads_them(name: str) -> None:
    text = (Path(SAMPLES) / f"{name}.edi").read_text(encoding="ascii")
    assert_agrees_with_pydifact(text)


def test_generated_flights_with_released_names_tokenise_as_pydifact_reads_them() -> None:
    flight = generate_flight(seed=5, passengers=40, crew=3, single_file=True)
    assert "?'" in flight.files[0].decode()
    assert_agrees_with_pydifact(flight.files[0].decode())


def assert_agrees_with_pydifact(text: str) -> None:
    theirs = pydifact_segments(text)
    assert theirs is not None
    ours = [(s.tag, s.elements) for s in tokenize(text).segments if s.tag != "UNA"]
    # pydifact drops empty trailing components and elements; so compare without them.
    assert [(tag, _trimmed(elements)) for tag, elements in ours] == [
        (tag, _trimmed(elements)) for tag, elements in theirs
    ]


def _trimmed(elements: list[list[str]]) -> list[list[str]]:
    out = [list(element) for element in elements]
    for element in out:
        while len(element) > 1 and element[-1] == "":
            element.pop()
    while out and out[-1] == [""]:
        out.pop()
    return out
