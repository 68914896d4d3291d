"""The readers never raise on any input, and CSV written from entries reads back as them."""

from __future__ import annotations

import csv
import io
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from hudud.core.lists import (
    CsvMapping,
    ListedDocument,
    ListedEntry,
    ListedName,
    ListReadResult,
    MappingError,
    read_csv,
    read_csv_bytes,
    read_un_consolidated,
)
from hudud.core.lists.un_individual import NAME_PARTS

MAPPING = CsvMapping.from_json(
    {
        "id": "id",
        "names": ["name", {"column": "name_ar", "kind": "original_script"}],
        "name_separator": "|",
        "value_separator": "~",
        "birth_date": "dob",
        "date_formats": ["%Y-%m-%d", "%Y"],
        "nationality": "nat",
        "sex": "sex",
        "document_number": "doc",
        "document_issuing_state": "doc_state",
        "extra": ["case"],
    }
)
HEADER = ["id", "name", "name_ar", "dob", "nat", "sex", "doc", "doc_state", "case"]


def assert_well_formed(result: ListReadResult) -> None:
    assert all(issue.code and issue.field and issue.message for issue in result.errors)
    assert all(issue.code and issue.field and issue.message for issue in result.warnings)
    assert len({entry.source_id for entry in result.entries}) == len(result.entries)
    result.to_json()
    for entry in result.entries:
        entry.content_hash()
        entry.to_screening_entry("fuzz")


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000))
def test_any_bytes_give_the_un_reader_a_result(data: bytes) -> None:
    result = read_un_consolidated(data)
    assert_well_formed(result)
    assert result.errors or result.entries == ()


UN_TAGS = [*NAME_PARTS, "REFERENCE_NUMBER", "GENDER", "LISTED_ON", "NAME_ORIGINAL_SCRIPT"]
NESTED = {
    "INDIVIDUAL_ALIAS": ["QUALITY", "ALIAS_NAME", "DATE_OF_BIRTH", "CITY_OF_BIRTH", "NOTE"],
    "INDIVIDUAL_DATE_OF_BIRTH": ["TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "NOTE"],
    "INDIVIDUAL_DOCUMENT": ["TYPE_OF_DOCUMENT", "NUMBER", "ISSUING_COUNTRY", "COUNTRY_OF_ISSUE"],
    "INDIVIDUAL_PLACE_OF_BIRTH": ["CITY", "COUNTRY", "NOTE"],
    "NATIONALITY": ["VALUE"],
    "TITLE": ["VALUE"],
}
values = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["EXACT", "BETWEEN", "Good", "Low", "Male", "Iraq", "1970", "1968-02-30"]),
    st.from_regex(r"\d{4}(-\d{2}-\d{2})?", fullmatch=True),
).map(lambda text: escape("".join(c for c in text if c.isprintable())))


def element(tag: str, children: list[str]) -> str:
    return f"<{tag}>{''.join(children)}</{tag}>"


simple = st.builds(lambda tag, value: f"<{tag}>{value}</{tag}>", st.sampled_from(UN_TAGS), values)
nested = st.sampled_from(sorted(NESTED)).flatmap(
    lambda tag: st.lists(
        st.builds(lambda t, v: f"<{t}>{v}</{t}>", st.sampled_from(NESTED[tag]), values),
        max_size=4,
    ).map(lambda children: element(tag, children))
)
individual = st.lists(st.one_of(simple, nested), max_size=12).map(
    lambda parts: element("INDIVIDUAL", parts)
)


@settings(max_examples=150, deadline=None)
@given(individuals=st.lists(individual, max_size=5))
def test_any_record_shaped_like_the_un_list_gives_an_entry_or_an_error(
    individuals: list[str],
) -> None:
    document = element("CONSOLIDATED_LIST", [element("INDIVIDUALS", individuals)])
    result = read_un_consolidated(document.encode())
    assert_well_formed(result)
    assert result.complete
    assert len(result.entries) <= len(individuals)
    assert result.errors or len(result.entries) == len(individuals)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=500))
def test_any_text_gives_the_csv_reader_a_result(text: str) -> None:
    assert_well_formed(read_csv(text, MAPPING))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=500))
def test_any_bytes_give_the_csv_reader_a_result(data: bytes) -> None:
    assert_well_formed(read_csv_bytes(data, MAPPING))


cell = st.text(alphabet=st.sampled_from(',;\t|~"\n\r Zزz19-/'), max_size=8)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(cell, max_size=11), max_size=6), delimiter=st.sampled_from(",;\t"))
def test_any_table_under_the_right_header_gives_a_result(
    rows: list[list[str]], delimiter: str
) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([HEADER, *rows])
    result = read_csv(out.getvalue(), MAPPING)
    assert_well_formed(result)
    assert result.complete


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
mapping_keys = st.sampled_from([*HEADER, "names", "date_formats", "delimiter", "extra", "zzz"])


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(mapping_keys, json_values, max_size=6))
def test_any_json_mapping_is_accepted_or_refused_with_issues(data: dict[str, Any]) -> None:
    try:
        CsvMapping.from_json(data)
    except MappingError as error:
        issues = error.issues
    else:
        issues = ()
    assert all(issue.code and issue.field and issue.message for issue in issues)
    assert ("id" in data and "names" in data) or issues


LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÀÉÖÜçğı'-"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"


def full_name(alphabet: str) -> st.SearchStrategy[str]:
    word = st.text(alphabet=alphabet, min_size=1, max_size=8).filter(
        lambda w: any(c.isalpha() for c in w)
    )
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


def names_strategy() -> st.SearchStrategy[tuple[ListedName, ...]]:
    def build(primary: str, aliases: list[str], original: str | None) -> tuple[ListedName, ...]:
        names = [ListedName(primary, "latin", "primary")]
        names += [
            ListedName(alias, "arabic" if alias[0] in ARABIC else "latin", "alias")
            for alias in aliases
        ]
        if original is not None:
            names.append(ListedName(original, "arabic", "original_script"))
        return tuple(names)

    alias = st.one_of(full_name(LATIN), full_name(ARABIC))
    return st.builds(
        build, full_name(LATIN), st.lists(alias, max_size=3), st.none() | full_name(ARABIC)
    )


birth_date = (
    st.dates()
    .filter(lambda d: d.year >= 1000)
    .flatmap(lambda d: st.sampled_from([d.isoformat(), str(d.year)]))
)
entries_strategy = st.lists(
    st.builds(
        ListedEntry,
        source_id=st.text(alphabet="ABCXYZ0123456789-./", min_size=1, max_size=10).filter(
            lambda s: s.strip() == s
        ),
        names=names_strategy(),
        birth_dates=st.lists(birth_date, unique=True, max_size=3).map(tuple),
        nationalities=st.lists(
            st.sampled_from(["IRQ", "SYR", "IRN", "TUR", "XXA"]), unique=True, max_size=3
        ).map(tuple),
        sex=st.sampled_from(["M", "F", None]),
        documents=st.one_of(
            st.just(()),
            st.builds(
                lambda number, state: (ListedDocument(number, state),),
                st.text(alphabet="A0123456789", min_size=1, max_size=9),
                st.sampled_from(["IRQ", "JOR", None]),
            ),
        ),
        extra=st.one_of(st.just({}), full_name(LATIN + ARABIC + ',;"|').map(lambda c: {"case": c})),
    ),
    unique_by=lambda entry: entry.source_id,
    max_size=8,
)


def to_csv(entries: list[ListedEntry], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(HEADER)
    for e in entries:
        latin = [n.full_name for n in e.names if n.kind != "original_script"]
        original = [n.full_name for n in e.names if n.kind == "original_script"]
        document = e.documents[0] if e.documents else ListedDocument("", None)
        writer.writerow(
            [e.source_id, "|".join(latin), "|".join(original), "~".join(e.birth_dates),
             "~".join(e.nationalities), e.sex or "", document.number,
             document.issuing_state or "", e.extra.get("case", "")]
        )  # fmt: skip
    return out.getvalue()


@settings(max_examples=100, deadline=None)
@given(
    entries=entries_strategy,
    delimiter=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
    explicit=st.booleans(),
)
def test_a_csv_written_from_entries_reads_back_as_the_same_entries(
    entries: list[ListedEntry], delimiter: str, bom: bool, explicit: bool
) -> None:
    mapping = CsvMapping.from_json(
        {**_mapping_json(), **({"delimiter": delimiter} if explicit else {})}
    )
    text = ("\ufeff" if bom else "") + to_csv(entries, delimiter)
    result = read_csv(text, mapping)
    assert (result.errors, result.warnings) == ((), ())
    assert list(result.entries) == entries
    assert [e.content_hash() for e in result.entries] == [e.content_hash() for e in entries]


def _mapping_json() -> dict[str, Any]:
    return {
        "id": "id",
        "names": ["name", {"column": "name_ar", "kind": "original_script"}],
        "name_separator": "|",
        "value_separator": "~",
        "birth_date": "dob",
        "date_formats": ["%Y-%m-%d", "%Y"],
        "nationality": "nat",
        "sex": "sex",
        "document_number": "doc",
        "document_issuing_state": "doc_state",
        "extra": ["case"],
    }
