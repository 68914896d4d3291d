"""Parsing never raises: any text gives a result with a boolean verdict."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from hudud.core.mrz import MrzResult, parse, parse_many, split_blocks

TODAY = date(2026, 11, 22)
MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
# What readers emit on a bad day: the alphabet plus confusions, lowercase and stray symbols.
NOISY_ALPHABET = MRZ_ALPHABET + "abcxyz #é«»\t"


def shaped(alphabet: str) -> st.SearchStrategy[str]:
    """Text in the shape of one of the five formats, its lines drawn from `alphabet`."""
    shapes = st.sampled_from([(3, 30), (2, 36), (2, 44)])
    return shapes.flatmap(
        lambda shape: st.lists(
            st.text(alphabet=alphabet, min_size=shape[1], max_size=shape[1]),
            min_size=shape[0],
            max_size=shape[0],
        ).map("\n".join)
    )


def assert_well_formed(result: MrzResult) -> None:
    assert isinstance(result.valid, bool)
    assert result.valid == (not result.errors)
    assert all(issue.code and issue.field and issue.message for issue in result.errors)
    result.to_json()


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_any_text_gives_a_result_and_never_raises(text: str) -> None:
    for ocr_correct in (True, False):
        assert_well_formed(parse(text, today=TODAY, ocr_correct=ocr_correct))


@settings(max_examples=300, deadline=None)
@given(text=shaped(MRZ_ALPHABET))
def test_any_zone_of_the_right_shape_is_recognised_and_never_raises(text: str) -> None:
    result = parse(text, today=TODAY)
    assert_well_formed(result)
    assert result.format is not None


@settings(max_examples=200, deadline=None)
@given(text=shaped(NOISY_ALPHABET), filler_rule=st.booleans())
def test_noisy_zones_never_raise_in_either_mode(text: str, filler_rule: bool) -> None:
    for ocr_correct in (True, False):
        result = parse(text, today=TODAY, ocr_correct=ocr_correct, issuer_filler_rule=filler_rule)
        assert_well_formed(result)


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.text(), max_size=5))
def test_parse_many_gives_one_result_per_text_in_order(texts: list[str]) -> None:
    results = parse_many(texts, today=TODAY)
    assert [r.to_json() for r in results] == [parse(t, today=TODAY).to_json() for t in texts]


@settings(max_examples=100, deadline=None)
@given(text=st.text())
def test_split_blocks_never_returns_blank_blocks(text: str) -> None:
    assert all(block.strip() for block in split_blocks(text))
