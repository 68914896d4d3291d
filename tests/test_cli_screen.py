"""`hudud screen`: the documented contract (docs/formats/screen.md), line for line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hudud.cli import main

HUDUD = Path(sys.executable).with_name("hudud")
WATCHLIST = [
    {
        "id": "E1",
        "names": ["زززر حامد التكريتي", "Zzzar Hamid al-Tikriti"],
        "birth_dates": ["1961-05-01"],
        "nationalities": ["IRQ"],
        "sex": "M",
    },
    {"id": 2, "names": [], "documents": [{"number": "A1234567", "issuing_state": "IRQ"}]},
    {"id": "E3", "names": ["Qaswar Testawi"], "extra_field": "ignored"},
]


def write_lines(path: Path, lines: list[Any]) -> str:
    text = [
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    ]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return str(path)


def screen(
    tmp_path: Path, queries: list[Any], *extra: str, watchlist: list[Any] = WATCHLIST
) -> int:
    w = write_lines(tmp_path / "w.jsonl", watchlist)
    q = write_lines(tmp_path / "q.jsonl", queries)
    return main(["screen", "--watchlist", w, "--queries", q, *extra])


def outputs(capsys: pytest.CaptureFixture[str]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    return lines, json.loads(captured.err.strip().splitlines()[-1]) if captured.err.strip() else {}


def test_each_traveller_gets_one_line_in_order_with_explained_matches(
    tmp_path: Path, capsys
) -> None:
    status = screen(
        tmp_path,
        [
            {
                "id": "T1",
                "name": "ZZZAR HAMID AL TIKRITI",
                "birth_date": "1961-05-01",
                "nationality": "IRQ",
            },
            {"id": "T2", "name": "Nobody Special"},
            {"id": "T3", "document": {"number": "a 1234567", "issuing_state": "IRQ"}},
        ],
    )
    lines, stats = outputs(capsys)
    assert status == 0
    assert [line["id"] for line in lines] == ["T1", "T2", "T3"]
    [hit] = lines[0]["matches"]
    assert hit["entry_id"] == "E1"
    assert hit["score"] >= 0.8
    assert hit["explanation"]["name"]["aligned"][0] == {
        "query": "ZZZAR",
        "entry": "Zzzar",
        "similarity": 1.0,
        "weight": hit["explanation"]["name"]["aligned"][0]["weight"],
    }
    assert lines[1]["matches"] == []
    assert [
        (m["entry_id"], m["score"], m["explanation"]["reason"]) for m in lines[2]["matches"]
    ] == [("2", 1.0, "document")]
    assert stats["contract_version"] == 1
    assert stats["entries"] == 3
    assert stats["queries"] == 3
    assert stats["index_build_seconds"] >= 0
    assert stats["queries_per_second"] > 0
    assert stats["peak_memory_bytes"] > 0


def test_top_returns_the_k_best_whatever_their_score(tmp_path: Path, capsys) -> None:
    assert screen(tmp_path, [{"id": "T", "name": "Zzzar Testawi"}], "--top", "2") == 0
    [line], _ = outputs(capsys)
    scores = [m["score"] for m in line["matches"]]
    assert scores == sorted(scores, reverse=True)
    assert max(scores) < 0.8  # neither would be reported without --top
    assert {m["entry_id"] for m in line["matches"]} == {"E1", "E3"}


def test_a_traveller_line_that_cannot_be_read_is_answered_in_its_place(
    tmp_path: Path, capsys
) -> None:
    status = screen(
        tmp_path,
        [{"id": "T1", "birth_date": "1961-02-30"}, "not json", {"id": "T3", "name": "Zzzar"}],
    )
    lines, _ = outputs(capsys)
    assert status == 1
    assert lines[0] == {
        "id": "T1",
        "errors": [
            {"field": "birth_date", "problem": "'1961-02-30' is not a real date", "line": 1}
        ],
    }
    assert lines[1]["errors"][0]["field"] == "line"
    assert lines[2]["id"] == "T3"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"names": ["A"]}, "line 2: id: is required"),
        ({"id": "E1", "names": ["A"]}, "line 2: id: 'E1' already on line 1"),
        ({"id": "X", "names": "A B"}, "line 2: names: must be a list"),
        ({"id": "X"}, "line 2: names: an entry needs at least one name or one document"),
        (
            {"id": "X", "names": ["A"], "birth_dates": ["1961-13-01"]},
            "line 2: birth_dates[0]: '1961-13-01' is not a real date",
        ),
        (
            {"id": "X", "names": ["A"], "nationalities": ["Iraq"]},
            "line 2: nationalities[0]: must be a country code",
        ),
        ({"id": "X", "names": ["A"], "sex": "male"}, "line 2: sex: must be M, F, X or null"),
        ({"id": "X", "documents": [{"issuing_state": "IRQ"}]}, "line 2: number: is required"),
    ],
)
def test_a_bad_watchlist_line_stops_the_run_naming_line_and_field(
    tmp_path: Path, capsys, bad: dict, message: str
) -> None:
    status = screen(tmp_path, [{"id": "T"}], watchlist=[WATCHLIST[0], bad])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert message in captured.err


def test_a_missing_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["screen", "--watchlist", str(tmp_path / "none.jsonl"), "--queries", "-"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_the_installed_command_reads_travellers_from_standard_input(tmp_path: Path) -> None:
    w = write_lines(tmp_path / "w.jsonl", WATCHLIST)
    done = subprocess.run(
        [str(HUDUD), "screen", "--watchlist", w, "--queries", "-"],
        input='{"id": "T", "name": "قسور التستاوي"}\n',
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [m["entry_id"] for m in json.loads(done.stdout)["matches"]] == ["E3"]
