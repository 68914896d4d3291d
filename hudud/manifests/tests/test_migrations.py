"""The data migration that moved shown-only columns into `details` copies every value."""

from __future__ import annotations

import importlib
from datetime import date
from types import SimpleNamespace
from typing import Any

MIGRATION = importlib.import_module("hudud.manifests.migrations.0002_traveller_details")


class _Rows:
    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows
        self.updated: list[Any] = []

    def all(self) -> list[Any]:
        return self.rows

    def bulk_update(self, rows: list[Any], fields: list[str], batch_size: int) -> None:
        assert fields == ["details"]
        self.updated = rows


def test_every_moved_column_lands_in_details_with_dates_as_text() -> None:
    old: dict[str, Any] = {name: f"value of {name}" for name in MIGRATION.MOVED}
    old["document_expiry"] = date(2031, 1, 1)
    old["hits"] = [{"watchlist": "entry-ban"}]
    row = SimpleNamespace(details={}, **old)
    manager = _Rows([row])
    apps = SimpleNamespace(get_model=lambda app, name: SimpleNamespace(objects=manager))
    MIGRATION.copy_into_details(apps, None)
    assert manager.updated == [row]
    assert row.details["document_expiry"] == "2031-01-01"
    assert row.details["hits"] == [{"watchlist": "entry-ban"}]
    assert set(row.details) == set(MIGRATION.MOVED)
