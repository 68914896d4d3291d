from __future__ import annotations

import pytest

from hudud.core.mrz.names import check_name, name_field, split_name, transliterate
from hudud.core.mrz.result import IssueLog


@pytest.mark.parametrize(
    ("field", "surname", "given_names"),
    [
        ("ERIKSSON<<ANNA<MARIA<<<<<<<<<<", "ERIKSSON", "ANNA MARIA"),
        ("CACADOR<DE<ARAUJO<<ANDRE<ESTEV", "CACADOR DE ARAUJO", "ANDRE ESTEV"),
        ("<<ANNA<MARIA<<<<<<<<<<<<<<<<<<", "", "ANNA MARIA"),
        ("TRAVELER<<<<<<<<<<<<<<<<<<<<<<", "TRAVELER", ""),
        ("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "", ""),
    ],
)
def test_double_fillers_separate_surname_from_given_names(
    field: str, surname: str, given_names: str
) -> None:
    assert split_name(field) == (surname, given_names)


def test_a_name_filling_its_field_may_be_truncated_and_says_so() -> None:
    log = IssueLog()
    field = "CACADOR<DE<ARAUJO<<ANDRE<ESTEV"
    check_name(field, *split_name(field), log)
    assert [w.code for w in log.warnings] == ["name_possibly_truncated"]


def test_icao_transliterations_apply_to_german_scandinavian_and_french_names() -> None:
    assert transliterate("Jürgen Ødegård") == "JUERGEN<OEDEGAARD"
    assert transliterate("François d'Estaing") == "FRANCOIS<DESTAING"
    assert transliterate("Groß") == "GROSS"


def test_hyphens_and_repeated_spaces_become_single_fillers() -> None:
    assert transliterate("  Al-Rubaie   Hussein ") == "AL<RUBAIE<HUSSEIN"


def test_names_in_arabic_script_must_be_transliterated_first() -> None:
    with pytest.raises(ValueError, match="transliterate"):
        transliterate("حسين")


def test_a_long_name_is_truncated_in_its_given_names_and_ends_with_a_letter() -> None:
    field = name_field("Abdulrahman Al-Tikriti", "Mohammed Hussein Ali", 30)
    assert field == "ABDULRAHMAN<AL<TIKRITI<<MOHAMM"
    assert len(field) == 30
    assert name_field("A" * 28, "BC", 30) == "A" * 28 + "<<"
