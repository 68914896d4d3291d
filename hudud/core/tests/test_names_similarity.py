"""Token similarity across scripts and transliterations, without collapsing unrelated names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudud.core.names import parse_name
from hudud.core.names.similarity import (
    MIN_TOKEN_SIMILARITY,
    keys_are_neighbours,
    neighbourhood,
    token_similarity,
)

SHARED = Path(__file__).resolve().parents[4] / "shared" / "names"


def sim(a: str, b: str) -> float:
    return token_similarity(parse_name(a).tokens[0], parse_name(b).tokens[0])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("محمد", "Mohammed"),
        ("عبد الرحمن", "Abdelrahman"),
        ("حسين", "Hussein"),
        ("حسين", "Husayn"),
        ("التكريتي", "al-Takriti"),
        ("خالد", "Khaled"),
        ("Mohammed", "Muhammad"),
        ("Youssef", "يوسف"),
        ("Qasim", "Gassim"),
    ],
)
def test_transliterations_of_one_name_are_near_identical(a: str, b: str) -> None:
    assert sim(a, b) >= 0.9


def test_the_same_spelling_is_exactly_similar_and_another_spelling_slightly_less() -> None:
    assert sim("Hassan", "HASSAN") == 1.0
    assert 0.9 <= sim("Hassan", "Hasan") < 1.0


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [
        ("Hassan", "Hasan", "Hussein"),  # same key HSN: the vowels tell them apart
        ("حسن", "Hassan", "Hussein"),
        ("حسين", "Hussein", "Hassan"),
        ("Ali", "Aly", "Ala"),
    ],
)
def test_names_that_share_consonants_but_not_vowels_are_kept_apart(a: str, b: str, c: str) -> None:
    assert sim(a, b) > sim(a, c)
    assert sim(a, c) <= 0.8


@pytest.mark.parametrize(
    ("a", "b"), [("Ali", "Adel"), ("Omar", "Bakr"), ("محمد", "Ahmed"), ("Saddam", "Sami")]
)
def test_unrelated_names_do_not_match(a: str, b: str) -> None:
    assert sim(a, b) == 0.0


def test_one_typo_in_a_long_name_still_matches_and_two_short_keys_must_be_equal() -> None:
    assert sim("Tikriti", "Tikrini") >= MIN_TOKEN_SIMILARITY
    assert not keys_are_neighbours("AL", "AM")
    assert keys_are_neighbours("TKRT", "TKRN")


def test_the_neighbourhood_is_the_key_and_its_one_letter_deletions() -> None:
    assert neighbourhood("ABC") == {"ABC", "BC", "AC", "AB"}
    assert neighbourhood("AB") == {"AB"}


names = st.text(
    alphabet=st.sampled_from("abdefhiklmnoqrstuwyzAHKS-' " + "ابتثجحخدذرزسشصضطظعغفقكلمنهوية"),
    min_size=1,
    max_size=12,
)


@given(names, names)
def test_similarity_is_symmetric_and_between_zero_and_one(a: str, b: str) -> None:
    ta, tb = parse_name(a).tokens, parse_name(b).tokens
    if ta and tb:
        s = token_similarity(ta[0], tb[0])
        assert s == token_similarity(tb[0], ta[0])
        assert s == 0.0 or MIN_TOKEN_SIMILARITY <= s <= 1.0


@given(st.text(max_size=60))
def test_any_text_parses_without_error(text: str) -> None:
    for token in parse_name(text).tokens:
        assert token.key
        assert len(token.vowels) == len(token.key)


def test_most_wikipedia_arabic_latin_name_pairs_are_near_identical() -> None:
    """google_ar2en.txt: 15,898 Arabic -> English single-word names mined from Wikipedia."""
    pairs: list[tuple[str, str]] = []
    with (SHARED / "google_ar2en.txt").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[1].isalpha() and len(parts[1]) >= 3:
                pairs.append((parts[0], parts[1]))
    pairs = [(a, b) for a, b in pairs if parse_name(a).tokens and parse_name(b).tokens]
    matched = sum(sim(a, b) >= MIN_TOKEN_SIMILARITY for a, b in pairs)
    # Measured 2026-11: 14,650 of 15,774 (0.929). Many misses are not transliterations at all
    # (translations, foreign names spelt in Arabic); the floor guards against regressions.
    assert matched / len(pairs) >= 0.80


def test_the_cross_script_pairs_of_moov_io_watchman_match() -> None:
    """watchman_cross_script_pairs.csv (Arabic, Cyrillic, Hebrew and Greek rows; CJK and Hangul
    cannot be transliterated to their Latin readings without a dictionary)."""
    rows = []
    with (SHARED / "watchman_cross_script_pairs.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for query, expected, *_ in csv.reader(lines):
        rows.append((query, expected))
    arabic = [(q, e) for q, e in rows if parse_name(q).script == "arabic"]
    assert len(arabic) == 4
    for query, expected in arabic:
        q, e = parse_name(query).tokens, parse_name(expected).tokens
        assert len(q) == len(e) or query == "عبد الله"
        assert all(token_similarity(a, b) >= 0.9 for a, b in zip(q, e, strict=False)), query
