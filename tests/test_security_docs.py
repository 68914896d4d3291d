"""docs/security.md states the role and mandate table, the masking rules and the retention
periods as the code has them: each table is rendered here and must appear in the document
verbatim (a failure prints the table to paste)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hudud.agencies.mandates import CAPABILITIES, FIELD_RULES
from hudud.agencies.models import Officer

DOC = Path(__file__).resolve().parent.parent / "docs" / "security.md"
ROLE_ORDER = list(Officer.Role.values)


def _roles(roles: frozenset[str]) -> str:
    return ", ".join(r for r in ROLE_ORDER if r in roles)


def capabilities_table() -> str:
    rows = [
        "| capability | what it allows | roles | agency mandate (any of) |",
        "|---|---|---|---|",
    ]
    for cap in CAPABILITIES.values():
        mandates = ", ".join(sorted(cap.mandates)) or "any agency"
        rows.append(f"| `{cap.name}` | {cap.description} | {_roles(cap.roles)} | {mandates} |")
    return "\n".join(rows)


def fields_table() -> str:
    rows = ["| field | seen in full by | everyone else sees |", "|---|---|---|"]
    for rule in FIELD_RULES.values():
        rows.append(f"| `{rule.field}` | {_roles(rule.full)} | {rule.masked_as} |")
    return "\n".join(rows)


def retention_table() -> str:
    # Every record type: the built-in policies and each app's `retention.POLICIES`.
    from hudud.audit.retention import retention_policies

    rows = ["| record type | kept (days) | rule |", "|---|---|---|"]
    for policy in retention_policies():
        rows.append(f"| `{policy.record_type}` | {policy.default_days} | {policy.rule} |")
    return "\n".join(rows)


def _block(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {name}:start -->\n(.*?)\n<!-- {name}:end -->", text, flags=re.S)
    assert found, f"docs/security.md has no <!-- {name}:start --> ... <!-- {name}:end --> block"
    return found.group(1).strip()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("capabilities", capabilities_table),
        ("fields", fields_table),
        ("retention", retention_table),
    ],
)
def test_the_security_document_states_the_tables_the_code_enforces(name, render):
    expected = render()
    assert _block(name) == expected, f"replace the {name} block with:\n{expected}"
