"""National lists as CSV: made-up people (obviously synthetic names), read through a mapping."""

from __future__ import annotations

import pytest

from hudud.core.lists import CsvMapping, ListReadResult, read_csv, read_csv_bytes

WANTED = CsvMapping.from_json(
    {
        "id": "ref",
        "names": ["name", {"column": "name_ar", "kind": "original_script"}],
        "name_separator": "|",
        "birth_date": "dob",
        "date_formats": ["%Y-%m-%d", "%d/%m/%Y", "%Y"],
        "nationality": "nat",
        "sex": "sex",
        "document_number": "passport",
        "document_issuing_state": "passport_state",
        "extra": ["case"],
    }
)
HEADER = "ref,name,name_ar,dob,nat,sex,passport,passport_state,case\n"


def read(rows: str, mapping: CsvMapping = WANTED) -> ListReadResult:
    return read_csv(HEADER + rows, mapping)


def issues(result: ListReadResult) -> list[tuple[str, str, int | None]]:
    return [(i.code, i.field, i.row) for i in (*result.errors, *result.warnings)]


def test_a_full_row_reads_into_an_entry() -> None:
    result = read("W-1,Zzz Testname,زززز تستنيم,1980-01-02,IRQ,M,A1234567,IRQ,C-9\n")
    [entry] = result.entries
    assert [(n.full_name, n.script, n.kind) for n in entry.names] == [
        ("Zzz Testname", "latin", "primary"),
        ("زززز تستنيم", "arabic", "original_script"),
    ]
    assert (entry.source_id, entry.birth_dates, entry.nationalities, entry.sex) == (
        "W-1",
        ("1980-01-02",),
        ("IRQ",),
        "M",
    )
    assert [(d.number, d.issuing_state) for d in entry.documents] == [("A1234567", "IRQ")]
    assert entry.extra == {"case": "C-9"}
    assert (result.errors, result.warnings, result.complete) == ((), (), True)


def test_several_names_in_one_cell_are_the_primary_and_its_aliases() -> None:
    [entry] = read("W-2,Zzz Testname | Abu Zzz|Zed Testname,,,,,,,\n").entries
    assert [(n.full_name, n.kind) for n in entry.names] == [
        ("Zzz Testname", "primary"),
        ("Abu Zzz", "alias"),
        ("Zed Testname", "alias"),
    ]
    assert entry.to_screening_entry("wanted").names == ("Zzz Testname", "Abu Zzz", "Zed Testname")


def test_a_byte_order_mark_does_not_hide_the_first_column() -> None:
    data = ("\ufeff" + HEADER + "W-3,Zzz Testname,,,,,,,\n").encode()
    assert [e.source_id for e in read_csv_bytes(data, WANTED).entries] == ["W-3"]
    assert [e.source_id for e in read_csv(data.decode(), WANTED).entries] == ["W-3"]


def test_an_arabic_only_list_with_semicolons_and_arabic_sex_values_reads() -> None:
    mapping = CsvMapping.from_json({"id": "الرقم", "names": "الاسم", "sex": "الجنس"})
    result = read_csv("الرقم;الاسم;الجنس\n١٢;زززز تستنيم;أنثى\n", mapping)
    [entry] = result.entries
    assert (entry.source_id, entry.names[0].script, entry.sex) == ("١٢", "arabic", "F")


def test_a_bad_date_is_a_warning_on_its_row_and_field_and_the_row_is_kept() -> None:
    result = read(
        "W-4,Zzz Testname,,31/02/1980,,,,,\n"
        "W-5,Zed Testname,,05/03/1968,,,,,\n"
        "W-6,Zara Testname,,1971,,,,,\n"
    )
    assert issues(result) == [("bad_date", "birth_date", 2)]
    assert "'31/02/1980'" in result.warnings[0].message
    assert [e.birth_dates for e in result.entries] == [(), ("1968-03-05",), ("1971",)]


def test_a_month_format_gives_a_month() -> None:
    mapping = CsvMapping.from_json(
        {"id": "ref", "names": "name", "birth_date": "dob", "date_formats": ["%m/%Y"]}
    )
    [entry] = read_csv("ref,name,dob\nW-7,Zzz Testname,03/1968\n", mapping).entries
    assert entry.birth_dates == ("1968-03",)


def test_a_missing_column_is_an_error_naming_it_and_nothing_is_read() -> None:
    result = read_csv("ref,name,name_ar,dob,nat,sex,passport,case\nW-8,Zzz,,,,,,\n", WANTED)
    assert issues(result) == [("missing_column", "document_issuing_state", 1)]
    assert "'passport_state'" in result.errors[0].message
    assert (result.entries, result.complete) == ((), False)


def test_a_duplicated_id_rejects_every_row_with_it() -> None:
    result = read("W-9,Zzz Testname,,,,,,,\nW-10,Zed Testname,,,,,,,\nW-9,Zara Testname,,,,,,,\n")
    assert issues(result) == [("duplicate_id", "id", 2), ("duplicate_id", "id", 4)]
    assert [e.source_id for e in result.entries] == ["W-10"]
    assert result.rejected_ids == {"W-9"}


def test_rows_without_id_or_name_are_rejected_and_the_rest_read() -> None:
    result = read(",Zzz Testname,,,,,,,\nW-11,,,,,,,,\nW-12,Zed Testname,,,,,,,\n")
    assert issues(result) == [("missing_id", "id", 2), ("missing_name", "names", 3)]
    assert result.errors[1].source_id == "W-11"
    assert [e.source_id for e in result.entries] == ["W-12"]


def test_countries_are_codes_or_names_and_anything_else_is_a_warning() -> None:
    result = read(
        "W-13,Zzz Testname,,,Syrian Arab Republic,,B7654321,Türkiye,\n"
        "W-14,Zed Testname,,,Iraqi,,,,\n"
    )
    syrian, iraqi = result.entries
    assert (syrian.nationalities, syrian.documents[0].issuing_state) == (("SYR",), "TUR")
    assert iraqi.nationalities == ()
    assert issues(result) == [("unknown_country", "nationality", 3)]


def test_several_nationalities_in_one_cell_with_a_value_separator() -> None:
    mapping = CsvMapping.from_json(
        {"id": "ref", "names": "name", "nationality": "nat", "value_separator": ";"}
    )
    [entry] = read_csv('ref,name,nat\nW-15,Zzz Testname,"IRQ; SYR;IRQ"\n', mapping).entries
    assert entry.nationalities == ("IRQ", "SYR")


def test_an_unknown_sex_value_is_a_warning() -> None:
    result = read("W-16,Zzz Testname,,,,yes,,,\n")
    assert issues(result) == [("unknown_sex", "sex", 2)]
    assert result.entries[0].sex is None


def test_a_row_with_the_wrong_number_of_fields_is_read_with_a_warning() -> None:
    result = read("W-17,Zzz Testname\n")
    assert issues(result) == [("field_count", "row", 2)]
    assert result.entries[0].names[0].full_name == "Zzz Testname"


def test_quoted_cells_may_hold_the_delimiter_and_line_breaks() -> None:
    result = read('W-18,"Testname, Zzz\nthe younger",,,,,,,"a,b"\nW-19,Zed Testname,,,,,,,\n')
    assert [e.names[0].full_name for e in result.entries] == [
        "Testname, Zzz the younger",
        "Zed Testname",
    ]
    assert result.entries[0].extra == {"case": "a,b"}


def test_blank_lines_are_skipped_and_row_numbers_count_them() -> None:
    result = read("\nW-20,Zzz Testname,,bad,,,,,\n")
    assert issues(result) == [("bad_date", "birth_date", 3)]


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_the_delimiter_is_found_from_the_mapped_header(delimiter: str) -> None:
    mapping = CsvMapping.from_json({"id": "ref", "names": ["name", "alias"]})
    text = delimiter.join(["ref", "name", "alias"]) + "\n" + delimiter.join(["W-21", "Zzz", "Z"])
    assert [n.full_name for n in read_csv(text, mapping).entries[0].names] == ["Zzz", "Z"]


def test_an_explicit_delimiter_is_used_as_given() -> None:
    mapping = CsvMapping.from_json({"id": "ref", "names": "name", "delimiter": ";"})
    assert read_csv("ref;name\nW-22;Zzz, Testname\n", mapping).entries[0].names[0].full_name == (
        "Zzz, Testname"
    )


def test_headers_match_regardless_of_case_and_spaces() -> None:
    mapping = CsvMapping.from_json({"id": "Ref", "names": "Full Name"})
    assert read_csv(" REF , full  name \nW-23,Zzz\n", mapping).entries[0].source_id == "W-23"


def test_a_column_named_twice_in_the_header_is_ambiguous() -> None:
    mapping = CsvMapping.from_json({"id": "ref", "names": "name"})
    result = read_csv("ref,name,name\nW-24,Zzz,Zed\n", mapping)
    assert issues(result) == [("ambiguous_column", "names[0]", 1)]


def test_an_empty_file_has_no_header() -> None:
    assert issues(read_csv("", WANTED)) == [("empty_file", "document", 1)]


def test_bytes_that_are_not_utf8_are_an_error() -> None:
    result = read_csv_bytes(HEADER.encode() + "W-25,Zzz Testname\n".encode("cp1256"), WANTED)
    assert (result.errors, result.complete) == ((), True)  # ASCII is valid UTF-8
    result = read_csv_bytes(HEADER.encode() + "W-25,زززز\n".encode("cp1256"), WANTED)
    assert [i.code for i in result.errors] == ["not_utf8"]
    assert not result.complete


def test_a_file_over_the_size_limit_is_refused() -> None:
    assert [i.code for i in read_csv(HEADER, WANTED, max_chars=10).errors] == ["too_large"]


def test_a_cell_over_the_csv_field_limit_stops_the_read_as_incomplete() -> None:
    result = read('W-26,Zzz Testname,,,,,,,\nW-27,"' + "z" * 200_000 + '",,,,,,,\n')
    assert [(i.code, i.row) for i in result.errors] == [("csv_syntax", 3)]
    assert [e.source_id for e in result.entries] == ["W-26"]
    assert not result.complete
