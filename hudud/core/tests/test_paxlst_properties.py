"""The reader never raises, whatever the input, and what the writer writes it reads back."""

from __future__ import annotations

import json
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hudud.core.paxlst import (
    Document,
    Leg,
    Manifest,
    Message,
    ServiceCharacters,
    Traveller,
    generate_flight,
    parse,
    write_interchange,
)

TODAY = date(2026, 11, 22)
DEPARTURE = datetime(2026, 12, 1, 9, 30)  # noqa: DTZ001 - PAXLST times are local
SAMPLE = generate_flight(seed=4, passengers=6, crew=1, single_file=True).files[0].decode()
# Characters a carrier's separators are drawn from: printable, neither letter, digit nor space.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def assert_well_formed(manifest: Manifest) -> None:
    assert manifest.valid == (not manifest.errors)
    for issue in [*manifest.errors, *manifest.warnings, *manifest.findings]:
        assert issue.code
        assert issue.field
        assert issue.message
    json.dumps(manifest.to_json(), ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_reader(data: bytes) -> None:
    assert_well_formed(parse(data, today=TODAY))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=2000))
def test_arbitrary_text_never_crashes_the_reader(text: str) -> None:
    assert_well_formed(parse(text, today=TODAY))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="UNABHTZGE+:'?* \r\n\t0123456789PAXLSTDFMOCV", max_size=400))
def test_text_made_of_edifact_pieces_never_crashes_the_reader(text: str) -> None:
    assert_well_formed(parse(text, today=TODAY))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cuts=st.lists(st.integers(min_value=0, max_value=len(SAMPLE)), min_size=1, max_size=6),
    inserts=st.lists(
        st.sampled_from(["'", "+", ":", "?", "\x00", "é", "UNH+", "UNT'"]), max_size=6
    ),
)
def test_a_mutilated_message_never_crashes_the_reader(cuts: list[int], inserts: list[str]) -> None:
    text = SAMPLE
    for position, insert in zip(cuts, [*inserts, *[""] * len(cuts)], strict=False):
        text = text[:position] + insert + text[position + 3 :]
    assert_well_formed(parse(text, today=TODAY))


def service_characters() -> st.SearchStrategy[ServiceCharacters]:
    four = st.lists(st.sampled_from(PUNCTUATION), min_size=4, max_size=4, unique=True)
    return four.map(lambda c: ServiceCharacters(c[0], c[1], ".", c[2], " ", c[3]))


NAME_CHARACTERS = st.sampled_from("ABCXYZ 'O-+:?*$!.\"،فلانزيدÉÜ")
NAMES = st.text(NAME_CHARACTERS, min_size=1, max_size=20).map(lambda s: " ".join(s.split()))
CODES = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ'?:+"), min_size=1, max_size=9)


@st.composite
def travellers(draw: st.DrawFn) -> Traveller:
    surname = draw(NAMES.filter(bool))
    return Traveller(
        party=draw(st.sampled_from(["FL", "DDT"])),
        role="passenger",
        surname=surname,
        given_names=draw(NAMES.filter(bool)),
        sex=draw(st.sampled_from(["M", "F", "X"])),
        birth_date=draw(st.dates(date(1920, 1, 1), date(2026, 11, 30))),
        nationality=draw(CODES),
        port_of_embarkation=draw(CODES),
        port_of_debarkation=draw(CODES),
        references={"AVF": draw(CODES)},
        documents=[
            Document(
                type=draw(st.sampled_from(["P", "V", "I"])),
                number=draw(CODES),
                issuing_state=draw(CODES),
                expiry_date=draw(st.dates(date(1980, 1, 1), date(2070, 12, 31))),
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
    )


@settings(max_examples=150, deadline=None)
@given(
    service=service_characters(),
    people=st.lists(travellers(), min_size=1, max_size=5),
    line_end=st.sampled_from(["", "\n", "\r\n", "\r", "\n  "]),
    una=st.booleans(),
)
def test_what_the_writer_writes_the_reader_reads_back(
    service: ServiceCharacters, people: list[Traveller], line_end: str, una: bool
) -> None:
    if not una:
        service = ServiceCharacters()
    leg = Leg("ZZ123", "ZZ", "IST", "125", DEPARTURE, "BGW", "87", datetime(2026, 12, 1, 12, 0))  # noqa: DTZ001
    sent = Message(reference="R?1", list_type="passengers", legs=[leg], travellers=people)
    text = write_interchange([sent], service=service, una=una, syntax="UNOW", line_end=line_end)
    manifest = parse(text.encode(), today=TODAY)
    assert manifest.errors == []
    assert [w.code for w in manifest.warnings] == []
    assert manifest.flight.legs == [leg]
    for got, want in zip(manifest.travellers, people, strict=True):
        assert (got.party, got.surname, got.given_names) == (
            want.party,
            want.surname,
            want.given_names,
        )
        assert (got.sex, got.birth_date, got.nationality) == (
            want.sex,
            want.birth_date,
            want.nationality,
        )
        assert (got.port_of_embarkation, got.port_of_debarkation) == (
            want.port_of_embarkation, want.port_of_debarkation
        )  # fmt: skip
        assert got.references == want.references
        assert [(d.type, d.number, d.issuing_state, d.expiry_date) for d in got.documents] == [
            (d.type, d.number, d.issuing_state, d.expiry_date) for d in want.documents
        ]
