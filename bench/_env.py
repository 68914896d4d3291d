"""Running a benchmark against a fresh database of a chosen kind, in a child process.

Django's settings are fixed once per process, so each database is measured in a process of its
own: `run_child(script, db)` starts `python script --child DB` and returns the JSON it prints.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("HUDUD_BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def postgres_available() -> bool:
    return (
        shutil.which("pg_isready") is not None
        and subprocess.run(
            ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False
        ).returncode
        == 0
    )


def run_child(script: str, db: str, *args: str) -> dict[str, Any]:
    """Run `script --child db args...` in a fresh database; return its JSON result."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="hudud.config.settings", HUDUD_LOG_LEVEL="ERROR")
    cleanup: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="hudud-bench-") as tmp:
        env["HUDUD_VAR_DIR"] = tmp
        if db == "postgres":
            name = f"hudud_bench_{os.getpid()}_{int(time.time())}"
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
            cleanup.append(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])
            env["DATABASE_URL"] = f"{PG_URL}/{name}"
        else:
            env.pop("DATABASE_URL", None)
        try:
            out = subprocess.run(
                [sys.executable, script, "--child", db, *args],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode != 0:
                raise RuntimeError(f"{script} --child {db} failed:\n{out.stderr[-3000:]}")
            result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
            return result
        finally:
            for command in cleanup:
                subprocess.run(command, check=False, capture_output=True)


def setup_child() -> None:
    """In the child: set Django up and create the schema (quietly)."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--no-input", verbosity=0)


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]
