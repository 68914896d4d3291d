"""Folding the writing variants of Arabic and Latin script before names are compared."""

from __future__ import annotations

import doctest
import importlib

import pytest

from hudud.core.names.normalise import (
    detect_script,
    normalise_arabic_word,
    normalise_latin_word,
    split_words,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("أحمد", "احمد"),  # hamza above alef
        ("إبراهيم", "ابراهيم"),  # hamza below alef
        ("آمنة", "امنة"),  # madda
        ("ٱلله", "الله"),  # wasla
        ("مُحَمَّد", "محمد"),  # harakat and shadda
        ("محـــمد", "محمد"),  # tatweel
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("فاطمه", "فاطمه"),  # ha is kept: ta marbuta is handled by the keys, not by folding
        ("علی", "علي"),  # Persian ye
        ("کریم", "كريم"),  # Persian kaf and ye
        ("ئاکۆ", "ياكو"),  # Kurdish: ye with hamza, kaf, o
    ],
)
def test_arabic_writing_variants_fold_to_one_spelling(written: str, folded: str) -> None:
    assert normalise_arabic_word(written) == folded


def test_kurdish_letters_fold_to_their_arabic_counterparts() -> None:
    assert normalise_arabic_word("ڕەشید") == "رهشيد"
    assert normalise_arabic_word("ڵ") == "ل"


def test_presentation_forms_from_old_systems_fold_to_base_letters() -> None:
    assert normalise_arabic_word("ﻋﻠﻲ") == "علي"


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Müller", "muller"),
        ("SA'AD", "saad"),
        ("Ma’mun", "mamun"),
        ("ʿAbd", "abd"),
        ("Şükrü", "sukru"),
        ("Łukasz", "lukasz"),
        ("Straße", "strasse"),
    ],
)
def test_latin_names_fold_to_lower_case_ascii(written: str, folded: str) -> None:
    assert normalise_latin_word(written) == folded


def test_hyphens_punctuation_and_arabic_indic_digits_split_and_fold() -> None:
    assert split_words("AL-TIKRITI, Saddam (Abu-Uday) ٣") == [
        "AL",
        "TIKRITI",
        ",",
        "Saddam",
        "Abu",
        "Uday",
        "3",
    ]
    assert split_words("عبد الرحمن، محمد") == ["عبد", "الرحمن", ",", "محمد"]


@pytest.mark.parametrize(
    ("text", "script"),
    [("محمد علي", "arabic"), ("Mohammed Ali", "latin"), ("Владимир", "other"), ("", "latin")],
)
def test_the_script_is_the_one_most_letters_are_in(text: str, script: str) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    "module",
    [
        "hudud.core.names",
        "hudud.core.names.normalise",
        "hudud.core.names.keys",
        "hudud.core.names.structure",
        "hudud.core.names.similarity",
    ],
)
def test_the_documented_examples_hold(module: str) -> None:
    failures, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted > 0
    assert failures == 0
