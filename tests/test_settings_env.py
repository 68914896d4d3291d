"""Settings come from the environment and fail loudly on a bad value."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hudud.common.env import EnvError, env_bool, env_int, env_list


def test_booleans_accept_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "off")
    assert env_bool("X_FLAG", default=True) is False


def test_a_misspelt_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("X_FLAG", "treu")
    with pytest.raises(EnvError, match="X_FLAG"):
        env_bool("X_FLAG")


def test_a_non_numeric_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(EnvError, match="X_NUM"):
        env_int("X_NUM", 1)


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("X_LIST", "a, b,,c")
    assert env_list("X_LIST", []) == ["a", "b", "c"]


def _settings_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import hudud.config.settings as s; print(s.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_with({"HUDUD_DEBUG": "false"})
    assert result.returncode != 0
    assert "HUDUD_SECRET_KEY" in result.stderr


def test_database_url_selects_postgresql_and_the_default_is_sqlite():
    assert _settings_with({}).stdout.strip() == "django.db.backends.sqlite3"
    pg = _settings_with({"DATABASE_URL": "postgres://u@127.0.0.1:5432/x"})
    assert pg.stdout.strip() == "django.db.backends.postgresql"
