"""Listed entries: what the engine sees of them, their content hash, the diff and the tables."""

from __future__ import annotations

import dataclasses

import pytest

from hudud.core.lists import (
    ListedDocument,
    ListedEntry,
    ListedName,
    country_code,
    diff_entries,
    state_code,
)
from hudud.core.lists.countries import member_state_names
from hudud.core.lists.text import script_of
from hudud.core.mrz import states
from hudud.core.screening import Document, Entry

ENTRY = ListedEntry(
    source_id="W-1",
    names=(
        ListedName("Abu Zzz", "latin", "alias", "low"),
        ListedName("Zed Testname", "latin", "alias", "good"),
        ListedName("زززز تستنيم", "arabic", "original_script"),
        ListedName("Zzz Testname", "latin", "primary"),
        ListedName("Zedd Testname", "latin", "alias"),
        ListedName("Zzz Testname", "latin", "alias", "good"),
    ),
    birth_dates=("1980-01-02", "1981"),
    nationalities=("IRQ",),
    sex="M",
    documents=(ListedDocument("A1234567", "IRQ", "Passport", "issued in Zzzcity"),),
    extra={"case": "C-1"},
)


def test_the_screening_entry_orders_names_primary_original_good_unstated_low() -> None:
    assert ENTRY.to_screening_entry("wanted") == Entry(
        id="W-1",
        names=("Zzz Testname", "زززز تستنيم", "Zed Testname", "Zedd Testname", "Abu Zzz"),
        birth_dates=("1980-01-02", "1981"),
        nationalities=("IRQ",),
        sex="M",
        documents=(Document("A1234567", "IRQ"),),
        list_id="wanted",
    )


def test_the_screening_entry_may_take_the_stored_id_and_a_threshold() -> None:
    screening = ENTRY.to_screening_entry("wanted", entry_id="42", threshold=0.8)
    assert (screening.id, screening.threshold) == ("42", 0.8)


def test_the_content_hash_is_stable_and_sees_every_field() -> None:
    assert ENTRY.content_hash() == dataclasses.replace(ENTRY).content_hash()
    variants = [
        dataclasses.replace(ENTRY, sex="F"),
        dataclasses.replace(ENTRY, birth_dates=("1980-01-02",)),
        dataclasses.replace(ENTRY, extra={"case": "C-2"}),
        dataclasses.replace(ENTRY, documents=(ListedDocument("A1234567", "IRQ", "Passport"),)),
        dataclasses.replace(ENTRY, names=ENTRY.names[:-1]),
        dataclasses.replace(ENTRY, comments="seen in Zzzcity"),
    ]
    hashes = {entry.content_hash() for entry in [ENTRY, *variants]}
    assert len(hashes) == 7


def test_the_content_hash_does_not_depend_on_the_order_of_extra_keys() -> None:
    one = dataclasses.replace(ENTRY, extra={"a": "1", "b": "2"})
    two = dataclasses.replace(ENTRY, extra={"b": "2", "a": "1"})
    assert one.content_hash() == two.content_hash()


def test_entries_are_hashable_despite_extra() -> None:
    assert len({ENTRY, dataclasses.replace(ENTRY)}) == 1


def test_a_diff_sorts_entries_into_added_changed_removed_and_unchanged() -> None:
    changed = dataclasses.replace(ENTRY, source_id="W-2")
    same = dataclasses.replace(ENTRY, source_id="W-3")
    new = dataclasses.replace(ENTRY, source_id="W-4")
    old = {"W-2": "0" * 64, "W-3": same.content_hash(), "W-5": "1" * 64, "W-6": "2" * 64}
    diff = diff_entries(old, [changed, same, new])
    assert (diff.added, diff.changed, diff.removed, diff.unchanged) == (
        (new,),
        (changed,),
        ("W-5", "W-6"),
        1,
    )


def test_kept_ids_are_not_removed() -> None:
    diff = diff_entries({"W-5": "1" * 64, "W-6": "2" * 64}, [], keep={"W-6"})
    assert diff.removed == ("W-5",)


def test_a_diff_refuses_an_id_given_twice() -> None:
    with pytest.raises(ValueError, match="W-1"):
        diff_entries({}, [ENTRY, ENTRY])


def test_the_country_table_has_the_193_member_states_with_known_codes() -> None:
    names = member_state_names()
    assert len(names) == len(set(names)) == 193
    assert all(states.is_known(code) for code in map(country_code, names) if code)
    assert None not in map(country_code, names)
    assert len({country_code(name) for name in names}) == 193


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Iraq", "IRQ"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea ", "PRK"),
        ("United Kingdom of Great Britain and Northern\n   Ireland", "GBR"),
        ("Turkey", "TUR"),
        ("Cote d'Ivoire", "CIV"),
        ("State of Palestine", "PSE"),
        ("Tunisian", None),
        ("Korea", None),
        ("former Soviet Union", None),
        ("na", None),
    ],
)
def test_country_names_map_to_codes_and_nothing_is_guessed(name: str, code: str | None) -> None:
    assert country_code(name) == code


def test_a_state_may_be_given_as_a_code_or_a_name() -> None:
    assert [state_code(s) for s in ("IRQ", "syr", "D", "XXA", "ZZZ", "Jordan", "")] == [
        "IRQ", "SYR", "DEU", "XXA", None, "JOR", None,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("ZZZ TESTNAME", "latin"),
        ("MEVLÜT TESTNAME", "latin"),
        ("Cho’n Myo’ng-kuk", "latin"),
        ("زززز تستنيم", "arabic"),
        ("زُزّز", "arabic"),  # vowel marks are not letters of another script
        ("پژوهش گچ", "arabic"),  # Persian letters
        ("Заурбек Тестов", "other"),
        ("Abu زززز", "other"),
        ("12345", "other"),
    ],
)
def test_the_script_of_a_name_is_the_script_of_all_its_letters(name: str, script: str) -> None:
    assert script_of(name) == script
