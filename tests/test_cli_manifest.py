"""`hudud manifest parse`: one JSON manifest out, exit 0/1/2, never a traceback, no Django.

The command runs as a separate process (`python -m hudud.commands.manifest`), which is what
shows exit statuses, standard error and which modules were loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hudud.core.paxlst import generate_flight
from hudud.core.tests.test_paxlst_conformance import SAMPLES

REQUIRED_KEYS = {
    "contract", "valid", "interchanges", "messages", "list_type", "flight", "travellers",
    "counts", "findings", "warnings", "errors",
}  # fmt: skip
TRAVELLER_KEYS = {
    "role", "surname", "given_names", "sex", "birth_date", "nationality",
    "country_of_residence", "port_of_embarkation", "port_of_debarkation", "documents",
}  # fmt: skip


def hudud_manifest(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "hudud.commands.manifest", *argv],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
    )


def output(done: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(done.stdout.decode("utf-8"))
    return result


def test_a_sample_file_prints_the_manifest_and_exits_0() -> None:
    done = hudud_manifest("parse", str(SAMPLES / "guide_ex53_progressive_two_sectors.edi"))
    assert done.returncode == 0, done.stderr
    manifest = output(done)
    assert manifest.keys() >= REQUIRED_KEYS
    assert manifest["contract"] == 1
    assert manifest["flight"]["number"] == "ZX877"
    assert [leg["departure"]["airport"] for leg in manifest["flight"]["legs"]] == ["BCN", "IAD"]
    assert manifest["flight"]["legs"][0]["departure"]["local"] == "2014-07-08T11:00"
    assert manifest["travellers"][0].keys() >= TRAVELLER_KEYS
    assert manifest["travellers"][1]["documents"][0]["number"] == "TRQWE9980"
    assert manifest["counts"]["passengers"] == {"declared": 2, "found": 2}
    assert [m["reference"] for m in manifest["messages"]] == ["123"]
    assert done.stderr == b""


def test_standard_input_is_read_when_no_file_or_a_dash_is_given() -> None:
    data = (SAMPLES / "guide_ex52_crew_member.edi").read_bytes()
    for argv in (["parse"], ["parse", "-"]):
        done = hudud_manifest(*argv, stdin=data)
        assert done.returncode == 0
        assert output(done)["list_type"] == "crew"


def test_the_parts_of_a_flight_given_as_several_files_give_one_manifest(tmp_path: Path) -> None:
    flight = generate_flight(seed=8, passengers=120, crew=4, part_size=50, charset="UNOW")
    paths = []
    for number, data in enumerate(flight.files):
        paths.append(tmp_path / f"part{number}.edi")
        paths[-1].write_bytes(data)
    done = hudud_manifest("parse", "--compact", *map(str, reversed(paths)))
    assert done.returncode == 0
    assert done.stdout.count(b"\n") == 1
    manifest = output(done)
    assert len(manifest["travellers"]) == 124
    assert [m["part"] for m in manifest["messages"]] == [1, 2, 3, None]


def test_a_message_that_cannot_be_read_exits_1_and_still_prints_json() -> None:
    done = hudud_manifest("parse", str(SAMPLES / "gtas_us_legacy_PDT_escape.edi"))
    assert done.returncode == 1
    [error] = output(done)["errors"]
    assert error["code"] == "unsupported_version"
    assert error["location"]["tag"] == "UNH"


def test_garbage_exits_1_with_an_error_and_no_traceback() -> None:
    done = hudud_manifest("parse", stdin=bytes(range(256)))
    assert done.returncode == 1
    assert output(done)["errors"]
    assert b"Traceback" not in done.stderr


def test_a_missing_file_exits_2_with_one_line_on_stderr(tmp_path: Path) -> None:
    done = hudud_manifest("parse", str(tmp_path / "missing.edi"))
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().startswith("hudud manifest: cannot read")
    assert done.stderr.count(b"\n") == 1


def test_a_malformed_today_and_a_missing_action_exit_2() -> None:
    assert hudud_manifest("parse", "--today", "22/11/2026").returncode == 2
    assert hudud_manifest().returncode == 2


def test_the_command_does_not_load_django(tmp_path: Path) -> None:
    path = tmp_path / "flight.edi"
    path.write_bytes(generate_flight(seed=1, passengers=3, crew=1, single_file=True).files[0])
    probe = (
        "import sys\n"
        "from hudud.commands import manifest\n"
        f"status = manifest.main(['parse', '--compact', {str(path)!r}])\n"
        "sys.stderr.write('django loaded' if 'django' in sys.modules else 'no django')\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, check=False, timeout=60
    )
    assert done.returncode == 0
    assert done.stderr == b"no django"


def test_the_hudud_command_lists_manifest() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hudud.cli", "manifest", "parse", "--help"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    assert b"PAXLST" in done.stdout
