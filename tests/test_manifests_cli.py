"""`hudud manifest generate`, `carrier` and `watch`: the drop folder delivers each file exactly
once and files it under done/ or failed/ with the reason."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.agencies.tokens import token_authenticate
from hudud.cli import main
from hudud.core import paxlst
from hudud.manifests.dropfolder import carrier_actor, folder_poll
from hudud.manifests.models import Carrier, ManifestTraveller, Submission
from hudud.manifests.tests.conftest import files, passengers, person, plan, register_carrier


@pytest.fixture
def zz(db: Any) -> Carrier:
    registrar = make_officer("bpc-admin", Officer.Role.AGENCY_ADMIN, "bpc")
    carrier, _ = register_carrier(registrar, "ZZ", "Synthetic Airways")
    return carrier


def _drop(folder: Path, name: str, data: bytes, age: float = 60.0) -> Path:
    path = folder / name
    path.write_bytes(data)
    past = time.time() - age
    os.utime(path, (past, past))
    return path


@pytest.mark.django_db
def test_each_dropped_file_is_delivered_once_and_filed_with_its_answer(zz, tmp_path):
    (data,) = files(plan(), single_file=True)
    _drop(tmp_path, "ZZ482.edi", data)
    _drop(tmp_path, "ZZ482_again.edi", data)  # the carrier's system sent it twice
    _drop(tmp_path, "garbage.edi", b"NOT EDIFACT")
    filed = {f.name: f for f in folder_poll(tmp_path, actor=carrier_actor("ZZ"), settle_seconds=1)}

    assert filed["ZZ482.edi"].status == "accepted"
    assert filed["ZZ482_again.edi"].status == "redelivery"
    assert filed["garbage.edi"].status == "rejected"
    assert Submission.objects.filter(status="accepted").count() == 1
    assert ManifestTraveller.objects.count() == 8
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == [
        "ZZ482.edi", "ZZ482.edi.cusres", "ZZ482_again.edi", "ZZ482_again.edi.cusres",
    ]  # fmt: skip
    answer = (tmp_path / "done" / "ZZ482.edi.cusres").read_bytes()
    assert [s.value(1) for s in paxlst.tokenize(answer).segments if s.tag == "BGM"] == ["962"] * 2
    reason = json.loads((tmp_path / "failed" / "garbage.edi.reason.json").read_text())
    assert reason["status"] == "rejected"
    assert reason["errors"][0]["code"] in {"no_segment_terminator", "no_message"}
    assert list((tmp_path / "processing").iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []


@pytest.mark.django_db
def test_a_file_left_in_processing_by_a_stopped_watcher_is_filed_without_a_second_record(
    zz, tmp_path
):
    (data,) = files(plan(), single_file=True)
    _drop(tmp_path, "first.edi", data)
    folder_poll(tmp_path, actor=carrier_actor("ZZ"), settle_seconds=1)
    # The watcher committed the next file, then stopped before moving it.
    (tmp_path / "processing" / "first.edi").write_bytes(data)
    (filed,) = folder_poll(tmp_path, actor=carrier_actor("ZZ"), settle_seconds=1)
    assert filed.status == "redelivery"
    assert Submission.objects.count() == 1
    assert (tmp_path / "done" / filed.moved_to.rsplit("/", 1)[-1]).exists()


@pytest.mark.django_db
def test_files_being_written_are_left_alone(zz, tmp_path):
    (data,) = files(plan(), single_file=True)
    _drop(tmp_path, "upload.edi.part", data)
    _drop(tmp_path, ".hidden.edi", data)
    _drop(tmp_path, "fresh.edi", data, age=0)
    assert folder_poll(tmp_path, actor=carrier_actor("ZZ"), settle_seconds=30) == []
    assert Submission.objects.count() == 0


@pytest.mark.django_db
def test_a_reused_reference_with_other_content_is_filed_as_a_conflict(zz, tmp_path):
    flight = plan()
    (data,) = files(flight, single_file=True)
    (other,) = files(flight, lambda ms: person(passengers(ms)[0], "OTHER", "X"), single_file=True)
    _drop(tmp_path, "a.edi", data)
    folder_poll(tmp_path, actor=carrier_actor("ZZ"), settle_seconds=1)
    _drop(tmp_path, "b.edi", other)
    (filed,) = folder_poll(tmp_path, actor=carrier_actor("ZZ"), settle_seconds=1)
    assert filed.status == "conflict"
    reason = json.loads((tmp_path / "failed" / "b.edi.reason.json").read_text())
    assert reason["errors"][0]["code"] == "reference_reused"


@pytest.mark.django_db
def test_the_watch_command_prints_one_json_line_per_file(zz, tmp_path, capsys):
    (data,) = files(plan(), single_file=True)
    _drop(tmp_path, "ZZ482.edi", data)
    status = main(
        ["manifest", "watch", str(tmp_path), "--carrier", "ZZ", "--once", "--settle", "1"]
    )
    assert status == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert line["status"] == "accepted"
    assert line["travellers"] == 8
    assert line["answers"] == {"ok": 8}


@pytest.mark.django_db
def test_the_watch_command_refuses_an_unknown_carrier(tmp_path, capsys):
    assert main(["manifest", "watch", str(tmp_path), "--carrier", "QQ", "--once"]) == 2
    assert "QQ" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_carrier_command_registers_an_account_and_prints_its_token_once(capsys):
    make_officer("registrar", Officer.Role.AGENCY_ADMIN, "bpc")
    command = ["manifest", "carrier", "zq", "Placeholder Air", "--username", "carrier.zq"]
    assert main([*command, "--as", "registrar"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["carrier"] == "ZQ"
    assert printed["token"].startswith("hudud_")
    assert Carrier.objects.get(code="ZQ").account.role == "carrier"
    assert main([*command, "--as", "registrar"]) == 1  # one account per carrier
    assert "already has an account" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_token_command_rotates_a_carriers_token(zz, capsys):
    assert main(["manifest", "token", "ZZ", "--as", "bpc-admin"]) == 0
    token = json.loads(capsys.readouterr().out)["token"]
    assert token_authenticate(token) == zz.account
    assert main(["manifest", "token", "ZZ", "--as", "bpc-admin"]) == 0
    assert token_authenticate(token) is None  # the earlier token is revoked
    assert main(["manifest", "token", "QQ", "--as", "bpc-admin"]) == 1


def test_generate_writes_a_split_flight_that_parses_back(tmp_path, capsys):
    command = ["manifest", "generate", "--out", str(tmp_path), "--passengers", "25"]
    assert main([*command, "--crew", "3", "--part-size", "10", "--route", "AMM-EBL"]) == 0
    written = sorted(tmp_path.iterdir())
    assert len(written) == 4
    manifest = paxlst.parse_many(p.read_bytes() for p in written)
    joined = paxlst.assemble([i for m in manifest for i in m.interchanges])
    assert joined.valid
    assert joined.counts["passengers"].found == 25
    assert joined.flight.legs[0].arrival_airport == "EBL"


def test_generate_refuses_a_malformed_route(tmp_path, capsys):
    assert main(["manifest", "generate", "--out", str(tmp_path), "--route", "ISTANBUL"]) == 2
    assert "--route" in capsys.readouterr().err
