"""The screening benchmark's corpus and metrics: seeded, honest about who is listed, and exact."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bench import screening_names as nm
from bench.screening import rank_of, recall_at, share
from bench.screening_corpus import INNOCENT_KINDS, Corpus, build_corpus, yente_cases
from bench.screening_listed import clean_alias, listed_keys, load_listed
from bench.screening_names import name_key

ROOT = Path(__file__).resolve().parent.parent
ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufefc]")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus(2_000, per_kind=40, traffic=200)


@pytest.fixture(scope="module")
def keys() -> set[str]:
    return listed_keys(load_listed())


def _entries_by_id(corpus: Corpus, list_name: str) -> dict[str, object]:
    entries = corpus.latin if list_name == "latin" else corpus.arabic
    return {entry.id: entry for entry in entries}


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another_filler(corpus):
    again = build_corpus(2_000, per_kind=40, traffic=200)
    other = build_corpus(2_000, per_kind=40, traffic=200, seed=7)
    assert again.latin == corpus.latin
    assert again.arabic == corpus.arabic
    assert again.cases == corpus.cases
    assert again.traffic_names == corpus.traffic_names
    assert other.latin[-100:] != corpus.latin[-100:]


def test_both_lists_have_the_size_asked_for_and_hold_every_listed_person_once(corpus):
    assert len(corpus.latin) == len(corpus.arabic) == 2_000
    assert sum(e.list_id == "UN-latin" for e in corpus.latin) == corpus.notes["listed"] == 730
    assert sum(e.list_id == "UN-arabic" for e in corpus.arabic) == corpus.notes["arabic_listed"]
    assert len({e.id for e in corpus.latin}) == len(corpus.latin)


def test_the_latin_list_carries_no_arabic_script_and_the_arabic_list_only_arabic(corpus):
    assert not any(ARABIC.search(n) for e in corpus.latin for n in e.names)
    for entry in corpus.arabic:
        assert len(entry.names) == 1
        assert ARABIC.search(entry.names[0])
        assert not re.search(r"[A-Za-z]", entry.names[0])


def test_innocents_are_not_listed_people(corpus, keys):
    for kind in INNOCENT_KINDS:
        assert corpus.cases[kind], kind
        for case in corpus.cases[kind]:
            assert case.target is None
            assert case.list_name == "both"
            assert name_key(case.query.name) not in keys, case.query.name


def test_common_name_innocents_are_made_of_common_iraqi_names_in_both_scripts(corpus):
    common = {ar for ar, _ in nm.COMMON_GIVEN_MALE + nm.COMMON_GIVEN_FEMALE + nm.COMMON_FAMILY}
    names = [case.query.name for case in corpus.cases["innocent_common"]]
    arabic = [n for n in names if ARABIC.search(n)]
    assert 0.4 < len(arabic) / len(names) < 0.6
    for name in arabic:
        # every Arabic token is (part of) a common name, or the "bin" of a Gulf-style name
        assert all(any(t in c.split() for c in common) or t == "بن" for t in name.split()), name


def test_filler_carries_no_listed_persons_full_name(corpus, keys):
    people = load_listed()
    arabic_keys = {" ".join(sorted(p.arabic.split())) for p in people if p.arabic}
    for entry in corpus.latin:
        if entry.list_id == "filler":
            assert not any(name_key(n) in keys for n in entry.names), entry
    for entry in corpus.arabic:
        if entry.list_id == "filler":
            assert " ".join(sorted(entry.names[0].split())) not in arabic_keys, entry


def test_the_held_out_alias_is_absent_from_its_entry_but_was_a_good_alias(corpus):
    entries = _entries_by_id(corpus, "latin")
    people = {p.id: p for p in load_listed()}
    assert corpus.cases["alias"]
    for case in corpus.cases["alias"]:
        entry = entries[case.target]
        assert name_key(case.query.name) not in {name_key(n) for n in entry.names}
        assert case.query.name in people[case.target].good_aliases
        assert name_key(case.query.name) != name_key(people[case.target].latin)


def test_an_alias_is_in_the_shared_subset_exactly_when_it_shares_a_name_token(corpus):
    entries = _entries_by_id(corpus, "latin")
    for case in corpus.cases["alias"]:
        kept = set().union(*(nm.name_tokens(n) for n in entries[case.target].names))
        assert (case.subset == "shared") == bool(nm.name_tokens(case.query.name) & kept)


def test_every_positive_case_points_at_an_entry_of_the_list_it_is_screened_against(corpus):
    lists = {"latin": _entries_by_id(corpus, "latin"), "arabic": _entries_by_id(corpus, "arabic")}
    for kind in (
        "cross_ar_lat",
        "cross_lat_ar",
        "alias",
        "typo_yente",
        "typo_latin",
        "typo_arabic",
    ):
        assert corpus.cases[kind], kind
        for case in corpus.cases[kind]:
            assert case.target in lists[case.list_name], (kind, case)


def test_yente_positives_map_back_to_a_listed_person_with_a_close_name():
    people = {p.id: p for p in load_listed()}
    cases, unmapped = yente_cases(list(people.values()), random.Random(5))
    assert len(cases) >= 670
    assert unmapped == 683 - len(cases)
    for case in cases:
        person = people[case.target]
        names = [name_key(n) for n in (person.latin, *person.aliases)]
        best = max(fuzz.token_sort_ratio(name_key(case.query.name), n) for n in names)
        assert best >= 75, (case.query.name, person.latin)


def test_cross_script_queries_are_in_the_other_script_than_their_list(corpus):
    assert all(ARABIC.search(c.query.name) for c in corpus.cases["cross_ar_lat"])
    assert not any(ARABIC.search(c.query.name) for c in corpus.cases["cross_lat_ar"])


def test_variants_differ_from_the_listed_name_they_were_made_from():
    rng = random.Random(1)
    for name, arabic in (("SADDAM HUSSEIN AL-TIKRITI", False), ("صدام حسين التكريتي", True)):
        for _ in range(50):
            made = nm.variant(name, rng, arabic=arabic)
            assert made is not None
            assert made[0] != name
            assert made[1] in ("edit", "order", "drop", "spelling")


def test_a_reorder_keeps_the_tokens_and_a_dropped_middle_name_keeps_first_and_last():
    rng = random.Random(3)
    assert sorted(nm.reorder("ALI HASSAN AL-JUBOURI", rng).split()) == [
        "AL-JUBOURI",
        "ALI",
        "HASSAN",
    ]
    dropped = nm.drop_middle("Ali Hassan Mahmoud al-Jubouri", rng).split()
    assert len(dropped) == 3
    assert (dropped[0], dropped[-1]) == ("Ali", "al-Jubouri")
    assert nm.drop_middle("Ali Hassan", rng) is None


def test_alias_notes_in_brackets_and_non_latin_aliases_are_cleaned_away():
    assert clean_alias("Akrin Saleh Akrin (أقرين صالح أقرين)") == "Akrin Saleh Akrin"
    assert clean_alias("Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman)") == (
        "Safia Farkash Mohammed Al-Hadad"
    )
    assert clean_alias("Ислам Атабиев") is None


def test_recall_at_k_counts_targets_ranked_k_th_or_better():
    results = [("F1", 0.9), ("UN-1", 0.8), ("F2", 0.7)]
    assert rank_of("UN-1", results) == 2
    assert rank_of("UN-9", results) is None
    ranks = [1, 2, None, 10, 11]
    assert recall_at(ranks, 1) == pytest.approx(0.2)
    assert recall_at(ranks, 10) == pytest.approx(0.6)
    assert recall_at([], 10) == 0.0
    assert share([True, False, False, False]) == 0.25


def test_the_quick_benchmark_runs_and_prints_its_tables():
    out = subprocess.run(
        [sys.executable, "bench/screening.py", "--quick", "--engines", "bruteforce"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "| 3,000 | bruteforce (token_sort_ratio >= 85) | 30 |" in out.stdout
    assert "false hits: common names" in out.stdout
