"""The UN XML reader on small made-up documents: hostile XML, wrong files, odd records."""

from __future__ import annotations

from hudud.core.lists import ListReadResult, read_un_consolidated

PERSON = """<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ZZZ</FIRST_NAME>
<SECOND_NAME>TESTNAME</SECOND_NAME><REFERENCE_NUMBER>{ref}</REFERENCE_NUMBER>{more}</INDIVIDUAL>"""


def un_xml(*individuals: str, entities: int = 0) -> bytes:
    entity = "<ENTITY><FIRST_NAME>ZZZ TRADING</FIRST_NAME></ENTITY>" * entities
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<CONSOLIDATED_LIST dateGenerated="2026-01-02T03:04:05Z">'
        f"<INDIVIDUALS>{''.join(individuals)}</INDIVIDUALS><ENTITIES>{entity}</ENTITIES>"
        "</CONSOLIDATED_LIST>"
    ).encode()


def person(ref: str = "QDi.901", more: str = "") -> str:
    return PERSON.format(ref=ref, more=more)


def dob(inner: str) -> str:
    return f"<INDIVIDUAL_DATE_OF_BIRTH>{inner}</INDIVIDUAL_DATE_OF_BIRTH>"


def alias(quality: str, name: str) -> str:
    inner = f"<QUALITY>{quality}</QUALITY><ALIAS_NAME>{name}</ALIAS_NAME>"
    return f"<INDIVIDUAL_ALIAS>{inner}</INDIVIDUAL_ALIAS>"


def codes(result: ListReadResult) -> list[str]:
    return [issue.code for issue in result.errors]


def warning_codes(result: ListReadResult) -> list[str]:
    return [issue.code for issue in result.warnings]


def test_a_minimal_list_reads_one_person_and_counts_entities() -> None:
    result = read_un_consolidated(un_xml(person(), entities=2))
    assert [e.source_id for e in result.entries] == ["QDi.901"]
    assert (result.skipped, result.generated_on, result.complete) == (
        2,
        "2026-01-02T03:04:05Z",
        True,
    )


def test_a_billion_laughs_document_is_refused_before_expansion() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<CONSOLIDATED_LIST><INDIVIDUALS>&lol3;</INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    result = read_un_consolidated(bomb)
    assert codes(result) == ["dtd_refused"]
    assert (result.entries, result.complete) == ((), False)


def test_an_external_entity_is_refused() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b"<CONSOLIDATED_LIST><INDIVIDUALS>&secret;</INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    assert codes(read_un_consolidated(xxe)) == ["dtd_refused"]


def test_a_doctype_is_refused_in_utf16_too() -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE CONSOLIDATED_LIST []><CONSOLIDATED_LIST/>'
    )
    assert codes(read_un_consolidated(document.encode("utf-16"))) == ["dtd_refused"]


def test_a_file_that_is_not_xml_is_an_error_naming_the_problem() -> None:
    result = read_un_consolidated(b"reference,name\nQDi.001,Zzz\n")
    assert codes(result) == ["not_xml"]
    assert "not well-formed" in result.errors[0].message


def test_an_empty_file_is_not_xml() -> None:
    assert codes(read_un_consolidated(b"")) == ["not_xml"]


def test_broken_xml_after_the_root_is_not_xml() -> None:
    assert codes(read_un_consolidated(b"<CONSOLIDATED_LIST><INDIVIDUALS>")) == ["not_xml"]


def test_other_xml_is_not_the_consolidated_list() -> None:
    result = read_un_consolidated(b"<sdnList><sdnEntry/></sdnList>")
    assert codes(result) == ["not_un_consolidated_xml"]
    assert "sdnList" in result.errors[0].message


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    result = read_un_consolidated(un_xml(person()), max_bytes=100)
    assert codes(result) == ["too_large"]


def test_a_record_without_a_reference_is_rejected_and_the_others_read() -> None:
    no_ref = "<INDIVIDUAL><DATAID>77</DATAID><FIRST_NAME>ZZZ</FIRST_NAME></INDIVIDUAL>"
    result = read_un_consolidated(un_xml(no_ref, person()))
    assert codes(result) == ["missing_id"]
    assert "DATAID 77" in result.errors[0].message
    assert [e.source_id for e in result.entries] == ["QDi.901"]
    assert result.complete


def test_a_record_without_a_name_is_rejected() -> None:
    nameless = "<INDIVIDUAL><REFERENCE_NUMBER>QDi.902</REFERENCE_NUMBER></INDIVIDUAL>"
    result = read_un_consolidated(un_xml(nameless))
    assert [(i.code, i.source_id) for i in result.errors] == [("missing_name", "QDi.902")]


def test_a_reference_given_twice_rejects_both_records() -> None:
    result = read_un_consolidated(un_xml(person("QDi.903"), person("QDi.903"), person("QDi.904")))
    assert [(i.code, i.source_id) for i in result.errors] == [("duplicate_id", "QDi.903")]
    assert [e.source_id for e in result.entries] == ["QDi.904"]
    assert result.rejected_ids == {"QDi.903"}


def test_reference_numbers_are_stripped() -> None:
    result = read_un_consolidated(un_xml(person(" KPi.033 ")))
    assert result.entries[0].source_id == "KPi.033"


def test_birth_dates_keep_their_stated_precision() -> None:
    dates = """<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1968-03-05</DATE>
    </INDIVIDUAL_DATE_OF_BIRTH><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE>
    <YEAR>1966</YEAR></INDIVIDUAL_DATE_OF_BIRTH><INDIVIDUAL_DATE_OF_BIRTH>
    <TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR><TO_YEAR>1972</TO_YEAR>
    </INDIVIDUAL_DATE_OF_BIRTH>"""
    entry = read_un_consolidated(un_xml(person(more=dates))).entries[0]
    assert entry.birth_dates == ("1968-03-05", "1966", "1970", "1971", "1972")
    assert entry.extra["birth_date_notes"] == ["approximately 1966", "between 1970 and 1972"]


def test_an_impossible_date_is_a_warning_and_left_out() -> None:
    bad = dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1968-02-30</DATE>")
    result = read_un_consolidated(un_xml(person(more=bad)))
    assert warning_codes(result) == ["bad_birth_date"]
    assert result.entries[0].birth_dates == ()


def test_a_between_range_of_a_century_is_not_read_as_birth_years() -> None:
    wide = dob(
        "<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1900</FROM_YEAR><TO_YEAR>2000</TO_YEAR>"
    )
    result = read_un_consolidated(un_xml(person(more=wide)))
    assert warning_codes(result) == ["bad_birth_date"]
    assert result.entries[0].birth_dates == ()


def test_an_unknown_gender_or_alias_quality_is_a_warning() -> None:
    more = "<GENDER>Other</GENDER>" + alias("a.k.a.", "Abu Zzz")
    result = read_un_consolidated(un_xml(person(more=more)))
    assert warning_codes(result) == ["unknown_alias_quality", "unknown_sex"]
    entry = result.entries[0]
    assert (entry.sex, entry.names[1].quality) == (None, None)


def test_an_arabic_alias_is_marked_arabic() -> None:
    more = alias("Good", "أبو زززز")
    name = read_un_consolidated(un_xml(person(more=more))).entries[0].names[1]
    assert (name.script, name.kind, name.quality) == ("arabic", "alias", "good")


def test_a_document_without_a_number_is_kept_in_extra_not_as_a_document() -> None:
    more = """<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NOTE>lost</NOTE>
    </INDIVIDUAL_DOCUMENT><INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>
    <NUMBER> A 123 </NUMBER><COUNTRY_OF_ISSUE>Iraq</COUNTRY_OF_ISSUE>
    <DATE_OF_ISSUE>2001-02-03</DATE_OF_ISSUE></INDIVIDUAL_DOCUMENT>"""
    entry = read_un_consolidated(un_xml(person(more=more))).entries[0]
    assert [(d.number, d.issuing_state, d.kind, d.note) for d in entry.documents] == [
        ("A 123", "IRQ", "Passport", "issued on 2001-02-03")
    ]
    assert entry.extra["documents_without_number"] == ["Passport; lost"]
