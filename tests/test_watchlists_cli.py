"""`hudud watchlist import`: the import service from the command line, as a named officer."""

from __future__ import annotations

import json

import pytest

from conftest import make_officer
from hudud.agencies.models import Agency, Officer
from hudud.cli import main
from hudud.watchlists.models import Watchlist, WatchlistEntry

CSV = "ref,name,dob\nEB-1,ZZTEST QWERTYAN,1970-01-02\nEB-2,YYTEST ASDFGHOV,1981-05-06\n"


@pytest.fixture
def ban_list(db):
    make_officer("moi.admin", Officer.Role.AGENCY_ADMIN, "moi")
    return Watchlist.objects.create(
        code="bans",
        name_en="Entry bans",
        name_ar="منع الدخول",
        kind="entry_ban",
        owner=Agency.objects.get(code="moi"),
        legal_basis="Residency Law No. 76 of 2017 (test)",
        action="refuse_entry",
        threshold=0.8,
    )


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.django_db
def test_a_csv_import_prints_its_summary_and_a_second_run_changes_nothing(
    ban_list, tmp_path, capsys
):
    csv_path = write(tmp_path, "bans.csv", CSV)
    mapping = write(
        tmp_path, "m.json", json.dumps({"id": "ref", "names": "name", "birth_date": "dob"})
    )
    argv = [
        "watchlist",
        "import",
        "--list",
        "bans",
        "--as",
        "moi.admin",
        csv_path,
        "--mapping",
        mapping,
    ]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["added"], first["removed"], first["file_name"]) == (2, 0, "bans.csv")
    assert main(argv) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["added"], second["changed"], second["unchanged"]) == (0, 0, 2)
    assert WatchlistEntry.objects.filter(watchlist=ban_list).count() == 2


@pytest.mark.django_db
def test_an_officer_who_may_not_import_gets_the_problem_on_stderr_and_exit_2(
    ban_list, officer, tmp_path, capsys
):
    csv_path = write(tmp_path, "bans.csv", CSV)
    mapping = write(tmp_path, "m.json", json.dumps({"id": "ref", "names": "name"}))
    argv = [
        "watchlist",
        "import",
        "--list",
        "bans",
        "--as",
        "primary",
        csv_path,
        "--mapping",
        mapping,
    ]
    assert main(argv) == 2
    problem = json.loads(capsys.readouterr().err.splitlines()[0])
    assert problem["code"] == "forbidden"
    assert WatchlistEntry.objects.count() == 0


@pytest.mark.django_db
def test_an_unknown_officer_or_format_is_named(ban_list, tmp_path, capsys):
    path = write(tmp_path, "bans.txt", CSV)
    assert main(["watchlist", "import", "--list", "bans", "--as", "moi.admin", path]) == 2
    assert "--format" in capsys.readouterr().err
    csv_path = write(tmp_path, "bans.csv", CSV)
    assert main(["watchlist", "import", "--list", "bans", "--as", "nobody", csv_path]) == 2
    assert "'nobody'" in capsys.readouterr().err
