"""`hudud stay`: JSON lines in, JSON lines out, an exit status scripts can rely on."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hudud.commands import stay as stay_command

EU = {"kind": "rolling", "max_days": 90, "window_days": 180}
FRESH = {
    "as_of": "2026-01-01",
    "policy": EU,
    "crossings": [{"date": "2026-01-01", "direction": "entry"}],
}
HUDUD = Path(sys.executable).with_name("hudud")


def run_stay(argv: list[str]) -> int:
    """Runs the subcommand through a parser of its own, without the other subcommands."""
    parser = argparse.ArgumentParser(prog="hudud")
    stay_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["stay", *argv])
    status: int = args.func(args)
    return status


def write_lines(path: Path, lines: list[Any]) -> str:
    text = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return str(path)


def output_of(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_valid_line_yields_exactly_the_contract_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run_stay([write_lines(tmp_path / "in.jsonl", [FRESH])])
    assert status == 0
    assert output_of(capsys) == [
        {"present": True, "days_used": 1, "last_allowed_day": "2026-03-31", "overstay_days": 0}
    ]


def test_the_id_is_echoed_on_success_and_on_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [{**FRESH, "id": "t-1"}, {"id": 2, "as_of": "2026-01-01"}]
    run_stay([write_lines(tmp_path / "in.jsonl", lines)])
    first, second = output_of(capsys)
    assert first["id"] == "t-1"
    assert second["id"] == 2
    assert set(second) == {"id", "errors"}


def test_every_line_is_answered_in_order_and_blank_lines_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [{**FRESH, "id": 1}, "", "{not json", "   ", {**FRESH, "id": 3}]
    status = run_stay([write_lines(tmp_path / "in.jsonl", lines)])
    out = output_of(capsys)
    assert status == 1
    assert [line.get("id") for line in out] == [1, None, 3]
    assert out[1]["errors"][0] == {
        "code": "invalid_json",
        "field": "line",
        "message": out[1]["errors"][0]["message"],
    }


def test_an_inconsistent_history_names_the_crossing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twice = {**FRESH, "as_of": "2026-01-09"}
    twice["crossings"] = [*FRESH["crossings"], {"date": "2026-01-08", "direction": "entry"}]
    assert run_stay([write_lines(tmp_path / "in.jsonl", [twice])]) == 1
    (error,) = output_of(capsys)[0]["errors"]
    assert (error["code"], error["field"]) == ("entry_without_exit", "crossings[1]")
    assert "2026-01-08" in error["message"]


@pytest.mark.parametrize("line", ["NaN", "[[[[" * 50_000, "9" * 5000, "null", '"text"'])
def test_hostile_lines_get_an_error_never_a_traceback(
    line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_stay([write_lines(tmp_path / "in.jsonl", [line])]) == 1
    assert output_of(capsys)[0]["errors"][0]["field"] == "line"


def test_invalid_utf8_in_a_file_is_an_error_for_that_line_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "\xff\xfe", "as_of": 1}\n' + json.dumps(FRESH).encode() + b"\n")
    assert run_stay([str(path)]) == 1
    first, second = output_of(capsys)
    assert first["id"] == "\ufffd\ufffd"
    assert "errors" not in second


def test_a_missing_file_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_stay(["/nonexistent/stay.jsonl"]) == 2
    assert "cannot read /nonexistent/stay.jsonl" in capsys.readouterr().err


def test_an_empty_input_succeeds_with_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    assert run_stay([str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_the_hudud_command_dispatches_to_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hudud.cli import main

    assert main(["stay", write_lines(tmp_path / "in.jsonl", [FRESH])]) == 0
    assert output_of(capsys)[0]["last_allowed_day"] == "2026-03-31"


def test_the_installed_command_reads_standard_input() -> None:
    lines = json.dumps({**FRESH, "id": "٧"}, ensure_ascii=False) + "\n" + "oops\n"
    done = subprocess.run(
        [str(HUDUD), "stay"], input=lines, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["id"] == "٧"
    assert second["errors"][0]["code"] == "invalid_json"


def test_a_lone_surrogate_in_an_echoed_id_is_written_as_an_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(FRESH)[:-1] + ', "id": "\\ud800"}'
    assert run_stay([write_lines(tmp_path / "in.jsonl", [line])]) == 0
    assert '"id":"\\ud800"' in capsys.readouterr().out
