"""CSV mappings from their JSON form: every mistake an administrator can type is named."""

from __future__ import annotations

from typing import Any

import pytest

from hudud.core.lists import CsvMapping, MappingError, NameColumn


def problems(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(MappingError) as caught:
        CsvMapping.from_json(data)
    return [(issue.code, issue.field) for issue in caught.value.issues]


def test_the_smallest_mapping_names_an_id_and_a_name_column() -> None:
    mapping = CsvMapping.from_json({"id": "ref", "names": "name"})
    assert mapping.names == (NameColumn("name", "primary"),)
    assert mapping.date_formats == ("%Y-%m-%d",)
    assert mapping.delimiter is None


def test_later_name_columns_default_to_aliases_and_objects_set_kind_and_quality() -> None:
    mapping = CsvMapping.from_json(
        {
            "id": "ref",
            "names": [
                "name",
                "other_name",
                {"column": "name_ar", "kind": "original_script"},
                {"column": "nickname", "quality": "low"},
            ],
        }
    )
    assert mapping.names == (
        NameColumn("name", "primary"),
        NameColumn("other_name", "alias"),
        NameColumn("name_ar", "original_script"),
        NameColumn("nickname", "alias", "low"),
    )


def test_an_unknown_key_is_named_with_the_known_ones() -> None:
    with pytest.raises(MappingError) as caught:
        CsvMapping.from_json({"id": "ref", "names": "name", "birthdate": "dob"})
    [issue] = caught.value.issues
    assert (issue.code, issue.field) == ("unknown_key", "birthdate")
    assert "birth_date" in issue.message
    assert str(caught.value).startswith("birthdate: unknown key")


def test_every_problem_is_reported_at_once() -> None:
    assert problems({"sex": 3, "names": [], "colour": "x"}) == [
        ("unknown_key", "colour"),
        ("missing_key", "id"),
        ("bad_mapping", "names"),
        ("bad_mapping", "sex"),
    ]


def test_a_mapping_that_is_not_an_object_is_refused() -> None:
    assert problems(["id", "names"]) == [("bad_mapping", "mapping")]


def test_a_bad_name_column_object_is_named_by_position() -> None:
    assert problems(
        {"id": "ref", "names": ["name", {"column": "n", "kind": "nickname", "colour": 1}]}
    ) == [("unknown_key", "names[1]"), ("bad_mapping", "names[1].kind")]
    assert problems({"id": "ref", "names": [{"kind": "alias"}]}) == [("bad_mapping", "names[0]")]
    assert problems({"id": "ref", "names": [{"column": "n", "quality": "Good"}]}) == [
        ("bad_mapping", "names[0].quality")
    ]


def test_two_digit_years_are_refused() -> None:
    assert problems({"id": "ref", "names": "n", "date_formats": ["%d/%m/%y", "%Y"]}) == [
        ("bad_mapping", "date_formats[0]")
    ]


def test_separators_must_differ_from_the_delimiter_and_be_usable() -> None:
    assert problems({"id": "ref", "names": "n", "delimiter": ";;"}) == [
        ("bad_mapping", "delimiter")
    ]
    assert problems({"id": "ref", "names": "n", "delimiter": '"'}) == [("bad_mapping", "delimiter")]
    assert problems({"id": "ref", "names": "n", "delimiter": "|", "name_separator": "|"}) == [
        ("bad_mapping", "name_separator")
    ]


def test_extra_must_be_a_list_of_column_names() -> None:
    assert CsvMapping.from_json({"id": "ref", "names": "n", "extra": "case"}).extra == ("case",)
    assert problems({"id": "ref", "names": "n", "extra": ["case", 7]}) == [("bad_mapping", "extra")]


def test_columns_lists_every_mapped_column_by_key() -> None:
    mapping = CsvMapping.from_json(
        {"id": "ref", "names": ["n", "a"], "birth_date": "dob", "extra": ["case"]}
    )
    assert mapping.columns() == {
        "id": "ref",
        "birth_date": "dob",
        "names[0]": "n",
        "names[1]": "a",
        "extra[0]": "case",
    }
