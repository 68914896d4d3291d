"""Operator subcommands backed by Django: token, migrate, and the command's own help."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hudud.agencies.tokens import token_authenticate
from hudud.cli import build_parser, main

HUDUD = Path(sys.executable).with_name("hudud")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hudud_token_prints_a_token_that_authenticates_the_officer(officer, capsys):
    assert main(["token", officer.badge_number, "--name", "lane 4", "--days", "7"]) == 0
    clear = capsys.readouterr().out.strip()
    assert token_authenticate(clear) == officer


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hudud_token_for_an_unknown_badge_says_so_and_exits_2(capsys):
    assert main(["token", "NO-SUCH-BADGE"]) == 2
    assert "NO-SUCH-BADGE" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hudud_token_names_a_refused_lifetime_and_issues_nothing(officer, capsys):
    assert main(["token", officer.badge_number, "--days", "0"]) == 2
    err = capsys.readouterr()
    assert "hudud token: days:" in err.err
    assert err.out == ""
    assert not officer.api_tokens.exists()


def test_every_subcommand_is_listed_in_the_help():
    help_text = build_parser().format_help()
    for name in ("mrz", "stay", "migrate", "serve", "token", "manage", "demo"):
        assert name in help_text


def test_hudud_migrate_creates_a_fresh_sqlite_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["HUDUD_VAR_DIR"] = str(tmp_path)
    done = subprocess.run(
        [str(HUDUD), "migrate"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "hudud.sqlite3").exists()
