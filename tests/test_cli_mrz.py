"""`hudud mrz`: JSON lines out, exit 0/1/2, one-line messages on usage and input errors.

The command runs as a separate process (`python -m hudud.commands.mrz`, the `mrz` subcommand
alone): the core's tests may not import `hudud.commands` (import-linter contract), and a real
process is also what shows exit statuses and that no traceback ever reaches standard error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1_NOISY = (
    "IDCHEA1234567<6<<<<<<<<<<<<<<<\n7SIOZSGMZOO90IBCHE<<<<<<<<<<<B\n5M1TH<<J0HN<AL8ERT<<<<<<<<<<<<"
)
PRT = (
    "I<PRT141974817<ZV17<<<<<<<<<<<\n9801082F3407242PRT<<<<<<<<<<<4\nRONALDO<<CHRISTIANO<<<<<<<<<<<"
)
REQUIRED_KEYS = {
    "valid", "format", "document_code", "issuing_state", "document_number", "surname",
    "given_names", "nationality", "birth_date", "expiry_date", "sex", "optional_data",
    "warnings", "errors",
}  # fmt: skip


def hudud_mrz(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hudud.commands.mrz", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def json_lines(done: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_every_zone_in_a_file_gives_one_json_line_in_order(tmp_path: Path) -> None:
    path = tmp_path / "scans.txt"
    path.write_text(f"{TD3}\n\n{TD1_NOISY}\n", encoding="utf-8")
    done = hudud_mrz(str(path), "--today", "2026-11-22")
    assert done.returncode == 0, done.stderr
    first, second = json_lines(done)
    assert first.keys() >= REQUIRED_KEYS
    assert first["format"] == "TD3"
    assert first["birth_date"] == "1974-08-12"
    assert second["surname"] == "5M1TH"
    assert second["expiry_date"] == "2020-09-01"
    assert done.stderr == ""


def test_strict_mode_corrects_nothing_and_exits_1() -> None:
    done = hudud_mrz("--strict", stdin=TD1_NOISY)
    assert done.returncode == 1
    [line] = json_lines(done)
    assert line["valid"] is False
    assert {e["code"] for e in line["errors"]} == {
        "birth_date_check_digit",
        "expiry_date_check_digit",
        "composite_check_digit",
    }


def test_standard_input_is_read_when_no_file_is_given() -> None:
    done = hudud_mrz(stdin=f"{TD3}\r\n\r\nnot an mrz\n")
    assert done.returncode == 1
    lines = json_lines(done)
    assert [line["valid"] for line in lines] == [True, False]
    assert lines[1]["errors"][0]["code"] == "unrecognised_format"


def test_a_missing_file_exits_2_with_one_line_on_stderr(tmp_path: Path) -> None:
    done = hudud_mrz(str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("hudud mrz: cannot read")


def test_a_malformed_today_exits_2_with_one_line_on_stderr() -> None:
    done = hudud_mrz("--today", "22/11/2026", stdin=TD3)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "--today" in done.stderr


def test_undecodable_bytes_are_invalid_characters_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(TD3.replace("ERIKSSON", "ERIKSS\xd6N").encode("latin-1"))
    done = hudud_mrz(str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert json_lines(done)[0]["errors"][0]["code"] == "invalid_character"


def test_empty_input_writes_nothing_and_exits_0() -> None:
    done = hudud_mrz(stdin="\n\n")
    assert done.returncode == 0
    assert done.stdout == ""


def test_icaos_filler_rule_can_be_demanded() -> None:
    lenient, icao = hudud_mrz(stdin=PRT), hudud_mrz("--no-issuer-filler-rule", stdin=PRT)
    assert (lenient.returncode, icao.returncode) == (0, 1)
    warning = json_lines(lenient)[0]["warnings"][0]
    assert warning["code"] == "document_number_check_digit_includes_filler"
    assert json_lines(icao)[0]["errors"][0]["code"] == "document_number_check_digit"
