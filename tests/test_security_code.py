"""The code itself: parameterised queries only, and no secret in the repository."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for p in (ROOT / "hudud").rglob("*.py") if "tests" not in p.parts)
RAW_SQL_CALLS = {"raw", "execute", "executemany", "RawSQL", "extra"}


def _constant_text(node: ast.AST) -> bool:
    """A string the code wrote itself: a literal, or literals joined (also conditionally)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _constant_text(node.left) and _constant_text(node.right)
    if isinstance(node, ast.IfExp):
        return _constant_text(node.body) and _constant_text(node.orelse)
    if isinstance(node, ast.Name):
        return node.id.isupper()  # a module constant such as SQLITE_TRIGGER
    return False


def _sql_built_from_values(source: str, label: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in RAW_SQL_CALLS:
            continue
        where = f"{label}:{node.lineno}"
        if name == "extra":
            # QuerySet.extra() takes SQL fragments by keyword (where=, select=, tables=).
            if {k.arg for k in node.keywords} & {"where", "select", "tables", "order_by"}:
                found.append(f"{where}: QuerySet.extra() (use the ORM or RawSQL with params)")
        elif node.args and not _constant_text(node.args[0]):
            found.append(f"{where}: {name}() with SQL built at run time (pass params instead)")
    return found


def test_sql_is_never_built_from_values():
    found = [
        problem
        for path in SOURCES
        for problem in _sql_built_from_values(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "cursor.execute(f\"SELECT * FROM t WHERE name = '{name}'\")",
        "cursor.execute(\"SELECT * FROM t WHERE name = '%s'\" % name)",
        'Traveller.objects.raw("SELECT * FROM t WHERE id = " + ident)',
        'Traveller.objects.raw("SELECT * FROM t WHERE id = {}".format(ident))',
        'Traveller.objects.extra(where=["id = 1"])',
    ],
)
def test_the_sql_check_catches_each_way_of_building_a_query(source):
    assert _sql_built_from_values(source, "probe")
    assert not _sql_built_from_values('cursor.execute("SELECT 1 WHERE id = %s", [x])', "ok")


SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    "Hudud API token": re.compile(r"hudud_[0-9a-f]{12}_[A-Za-z0-9_-]{30,}"),
    "AWS access key": re.compile(r"AKIA[0-9A-Z]{16}"),
    "TOTP URI with a secret": re.compile(r"otpauth://totp/[^\s\"']*secret=[A-Z2-7]{16,}"),
    "secret assigned in code": re.compile(
        r"(?i)(secret_key|api_key|password|audit_key|field_key)\s*=\s*[\"'][^\"'{}]{12,}[\"']"
    ),
}
# Values that are public by design: development defaults (refused when DEBUG is off) and
# fixed test passwords.
ALLOWED = (
    "hudud-insecure-development-key-never-use-in-production",
    "a-long-test-password",
    "a-new-audit-key",  # key rotation tests
    "a-new-field-key",
)


def _tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    return [ROOT / name for name in listed.stdout.split("\0") if name]


def test_no_secret_is_committed():
    found = []
    for path in _tracked_files():
        if path.name == ".env" or (path.name.startswith(".env.") and path.name != ".env.example"):
            found.append(f"{path.relative_to(ROOT)}: an environment file")
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for kind, pattern in SECRET_PATTERNS.items():
            for match in pattern.finditer(text):
                if not any(allowed in match.group(0) for allowed in ALLOWED):
                    found.append(f"{path.relative_to(ROOT)}: {kind}: {match.group(0)[:40]}…")
    assert not found, "\n".join(found)


def _settings_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import hudud.config.settings"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


@pytest.mark.parametrize("missing", ["HUDUD_SECRET_KEY", "HUDUD_AUDIT_KEY", "HUDUD_FIELD_KEY"])
def test_production_refuses_to_start_without_each_of_its_keys(missing):
    keys = {"HUDUD_SECRET_KEY": "s" * 50, "HUDUD_AUDIT_KEY": "a" * 40, "HUDUD_FIELD_KEY": "f" * 40}
    del keys[missing]
    result = _settings_with({"HUDUD_DEBUG": "false", **keys})
    assert result.returncode != 0
    assert missing in result.stderr
    complete = {
        "HUDUD_SECRET_KEY": "s" * 50,
        "HUDUD_AUDIT_KEY": "a" * 40,
        "HUDUD_FIELD_KEY": "f" * 40,
    }
    assert _settings_with({"HUDUD_DEBUG": "false", **complete}).returncode == 0
