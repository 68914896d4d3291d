"""The screening index: names drive a match, fields confirm, documents identify, all explained."""

from __future__ import annotations

import doctest
import importlib

import pytest

from hudud.core.screening import DEFAULT_THRESHOLD, Document, Entry, Match, Query, ScreeningIndex

# Invented people: the lists' real entries are used in test_screening_real_data.py.
LISTED = [
    Entry("E1", ("زززر حامد التكريتي", "Zzzar Hamid al-Tikriti"), ("1961-05-01",), ("IRQ",), "M"),
    Entry("E2", ("Qaswar Abd al-Rahman Testawi",), ("1970",), ("SYR",), "M"),
    Entry("E3", ("Mohammed Ali",), ("1980-02-03",), ("IRQ",), "M"),
    Entry("E4", (), documents=(Document("A1234567", "IRQ"),)),
    Entry(
        "E5",
        ("Warda Testiyya",),
        ("1990",),
        ("JOR",),
        "F",
        list_id="missing_children",
        threshold=0.6,
    ),
]
# Common names as traffic: the border sees many people called Mohammed, Ali, Hassan.
TRAFFIC = [
    f"{g} {f} {last}"
    for g in ("Mohammed", "Ali", "Ahmed", "Hassan", "Hussein")
    for f in ("Ali", "Mohammed", "Kareem", "Jasim")
    for last in ("Jubouri", "Hassan", "Saadi", "Ali")
] * 20


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(LISTED, traffic_names=TRAFFIC)


def ids(matches: list[Match]) -> list[str]:
    return [m.entry_id for m in matches]


def test_a_listed_person_written_in_the_other_script_is_found(index: ScreeningIndex) -> None:
    assert ids(index.screen(Query("Q", name="ZZZAR HAMID AL TIKRITI"))) == ["E1"]
    assert ids(index.screen(Query("Q", name="قسور عبد الرحمن التستاوي"))) == ["E2"]


def test_reordered_names_and_a_missing_middle_name_still_match(index: ScreeningIndex) -> None:
    assert ids(index.screen(Query("Q", name="AL-TIKRITI, Zzzar"))) == ["E1"]
    assert ids(index.screen(Query("Q", name="Testawi Qaswar Abdulrahman"))) == ["E2"]


def test_a_common_name_alone_is_weak_evidence_and_does_not_fire(index: ScreeningIndex) -> None:
    assert index.screen(Query("Q", name="Mohammed Ali")) == []
    weak = index.screen(Query("Q", name="Mohammed Ali"), top=1)[0]
    assert weak.entry_id == "E3"
    assert weak.explanation["name"]["evidence_bits"] < weak.explanation["name"]["required_bits"]


def test_a_birth_date_confirms_a_name_but_cannot_carry_a_weak_one(index: ScreeningIndex) -> None:
    alone = index.screen(Query("Q", name="Mohammed Ali"), top=1)[0].score
    confirmed = index.screen(Query("Q", name="Mohammed Ali", birth_date="1980-02-03"), top=1)[
        0
    ].score
    assert confirmed > alone
    assert confirmed - alone <= 0.12
    unrelated = index.screen(Query("Q", name="Kareem Jasim", birth_date="1980-02-03"), top=1)
    assert all(m.score < 0.5 for m in unrelated)


@pytest.mark.parametrize(
    ("birth_date", "verdict"),
    [
        ("1961-05-01", "exact"),
        ("1961-01-05", "day_month_swapped"),
        ("1961", "same_year"),
        ("1962-05-01", "one_year_apart"),
        ("1981-05-01", "20_years_apart"),
    ],
)
def test_the_birth_date_verdict_is_explained(
    index: ScreeningIndex, birth_date: str, verdict: str
) -> None:
    match = index.screen(Query("Q", name="Zzzar Hamid Tikriti", birth_date=birth_date), top=1)[0]
    [field] = [f for f in match.explanation["fields"] if f["field"] == "birth_date"]
    assert field["verdict"] == verdict
    assert field["entry"] == "1961-05-01"


def test_contradicting_birth_date_and_sex_lower_the_score(index: ScreeningIndex) -> None:
    same = index.screen(Query("Q", name="Zzzar Hamid Tikriti"), top=1)[0].score
    older = index.screen(Query("Q", name="Zzzar Hamid Tikriti", birth_date="1981"), top=1)[0].score
    woman = index.screen(Query("Q", name="Zzzar Hamid Tikriti", sex="F"), top=1)[0].score
    assert older < same
    assert woman < same


def test_the_explanation_shows_which_name_parts_aligned(index: ScreeningIndex) -> None:
    match = index.screen(Query("Q", name="ZZZAR AL-TIKRITI", nationality="IRQ"))[0]
    name = match.explanation["name"]
    assert name["entry_name"] in LISTED[0].names
    assert [(a["query"], a["entry"]) for a in name["aligned"]][1][0] == "AL-TIKRITI"
    assert len(name["unmatched_entry"]) == 1  # Hamid, the father's name, absent on this document
    assert match.explanation["fields"] == [
        {"field": "nationality", "query": "IRQ", "entry": "IRQ", "verdict": "same", "effect": 0.03}
    ]
    assert match.explanation["reason"] == "name"


@pytest.mark.parametrize("number", ["A1234567", "a-123 4567", "A 1234567", "A123456 7"])
def test_a_listed_document_fires_whatever_the_separators(
    index: ScreeningIndex, number: str
) -> None:
    [match] = index.screen(Query("Q", name="Zzz Nobody", document=Document(number, "IRQ")))
    assert (match.entry_id, match.score, match.explanation["reason"]) == ("E4", 1.0, "document")


def test_the_letter_o_and_the_digit_zero_are_one_for_document_numbers() -> None:
    idx = ScreeningIndex.build([Entry("D", (), documents=(Document("PO0123", "SYR"),))])
    assert ids(idx.screen(Query("Q", document=Document("P00123", "SYR")))) == ["D"]
    assert ids(idx.screen(Query("Q", document=Document("POO123", None)))) == ["D"]


def test_a_listed_number_of_another_issuing_state_is_another_document(
    index: ScreeningIndex,
) -> None:
    assert index.screen(Query("Q", document=Document("A1234567", "JOR"))) == []


def test_an_entry_threshold_is_its_lists_and_a_caller_threshold_overrides_it(
    index: ScreeningIndex,
) -> None:
    query = Query("Q", name="Warda")  # one token of two: weak, but the missing-children list is lax
    score = index.screen(query, top=1)[0].score
    assert 0.6 <= score < DEFAULT_THRESHOLD
    assert ids(index.screen(query)) == ["E5"]
    assert index.screen(query, threshold=0.9) == []


def test_top_returns_the_best_whatever_their_score_best_first(index: ScreeningIndex) -> None:
    matches = index.screen(Query("Q", name="Mohammed Hamid Ali"), top=3)
    assert 1 <= len(matches) <= 3
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_a_batch_answers_each_query_as_if_alone(index: ScreeningIndex) -> None:
    queries = [Query("A", name="Zzzar Tikriti"), Query("B"), Query("C", name="Qaswar Testawi")]
    assert index.screen_many(queries) == [index.screen(q) for q in queries]


def test_a_query_may_carry_names_in_both_scripts(index: ScreeningIndex) -> None:
    match = index.screen(Query("Q", name="Nobody Known", names=("زززر حامد التكريتي",)))[0]
    assert match.entry_id == "E1"


def test_an_empty_query_matches_nothing(index: ScreeningIndex) -> None:
    assert index.screen(Query("Q")) == []
    assert index.screen(Query("Q", name="- . ,")) == []


def test_an_update_adds_replaces_and_removes_without_touching_the_old_index(
    index: ScreeningIndex,
) -> None:
    added = Entry("E9", ("Yyyzar Newman Testoglu",))
    changed = Entry("E2", ("Qaswar Renamed Otherwise",))
    updated = index.updated(upserts=[added, changed], removed=["E1"])
    assert ids(updated.screen(Query("Q", name="Yyyzar Testoglu"))) == ["E9"]
    assert ids(updated.screen(Query("Q", name="Qaswar Renamed Otherwise"))) == ["E2"]
    assert updated.screen(Query("Q", name="Qaswar Abd al-Rahman Testawi")) == []
    assert updated.screen(Query("Q", name="Zzzar Hamid al-Tikriti")) == []
    assert len(updated) == len(index) == 5
    assert ids(index.screen(Query("Q", name="Zzzar Hamid al-Tikriti"))) == ["E1"]


def test_many_small_updates_fold_into_a_rebuilt_index() -> None:
    idx = ScreeningIndex.build([Entry("E0", ("Zzz Start",))])
    for i in range(12):
        idx = idx.updated(upserts=[Entry(f"E{i + 1}", (f"Testname{'x' * i} Qqqq",))])
    assert len(idx) == 13
    assert ids(idx.screen(Query("Q", name="Testnamexxxxx Qqqq"), top=1)) == ["E6"]


def test_duplicate_entry_ids_are_refused_with_the_id() -> None:
    with pytest.raises(ValueError, match="'E1' appears more than once"):
        ScreeningIndex.build([Entry("E1", ("A",)), Entry("E1", ("B",))])


def test_stats_report_size_and_build_time(index: ScreeningIndex) -> None:
    stats = index.stats
    assert stats.entries == 5
    assert stats.names == 5  # E1 has two names, E4 only a document
    assert stats.memory_bytes > 0
    assert stats.build_seconds >= 0


@pytest.mark.parametrize(
    "module",
    [
        "hudud.core.screening",
        "hudud.core.screening.index",
        "hudud.core.screening.fields",
        "hudud.core.screening.score",
        "hudud.core.screening.rarity",
        "hudud.core.screening.vocabulary",
        "hudud.core.screening.reference",
        "hudud.core.screening.records",
    ],
)
def test_the_documented_examples_hold(module: str) -> None:
    failures, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted > 0
    assert failures == 0
