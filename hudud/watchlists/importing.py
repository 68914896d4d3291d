"""Importing a list file into a watchlist, incrementally.

The file is read by `hudud.core.lists` (UN Consolidated List XML, or CSV with a column
mapping); the entries it holds are compared with the stored ones by content hash, and only the
added, changed and removed ones are written, all under one new revision and in one
transaction. Importing the same file twice changes nothing. Entries added by hand are not the
file's business: the comparison covers imported entries only. A file the reader could not go
through to the end (`complete` false) never removes anything: absence there is not evidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hudud.audit.services import audit_record
from hudud.common.actor import Actor
from hudud.common.errors import Problem, ServiceError
from hudud.core import lists as core_lists
from hudud.core.lists import ListDiff, ListedEntry, ListReadResult
from hudud.watchlists import access
from hudud.watchlists.models import ImportRun, Watchlist, WatchlistEntry
from hudud.watchlists.records import search_text
from hudud.watchlists.sequence import revision_next

FORMATS = ("un-xml", "csv")
# Warnings kept on the import record; the count says how many there were in all.
KEPT_WARNINGS = 200


@dataclass(frozen=True)
class ImportSummary:
    import_run_id: int
    watchlist: str
    file_name: str
    sha256: str
    generated_on: str | None
    added: int
    changed: int
    removed: int
    unchanged: int
    revision: int | None  # None when nothing changed
    warnings: list[dict[str, Any]] = field(default_factory=list)
    warning_count: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return dict(vars(self))


def _read(data: bytes, file_format: str, mapping: Mapping[str, Any] | None) -> ListReadResult:
    if file_format == "un-xml":
        return core_lists.read_un_consolidated(data)
    if file_format != "csv":
        raise ServiceError.one("invalid_value", "format", f"one of {', '.join(FORMATS)}")
    if not mapping:
        raise ServiceError.one("missing_field", "mapping", "a CSV import needs a column mapping")
    try:
        csv_mapping = core_lists.CsvMapping.from_json(dict(mapping))
    except core_lists.MappingError as error:
        raise ServiceError(
            [Problem(i.code, f"mapping.{i.field}", i.message) for i in error.issues]
        ) from None
    return core_lists.read_csv_bytes(data, csv_mapping)


def _stored_fields(listed: ListedEntry) -> dict[str, Any]:
    names = [
        {"name": n.full_name, "script": n.script, "kind": n.kind, "quality": n.quality}
        for n in listed.names
    ]
    return {
        "names": names,
        "search_text": search_text(names),
        "birth_dates": list(listed.birth_dates),
        "nationalities": list(listed.nationalities),
        "sex": listed.sex or "",
        "documents": [
            {"number": d.number, "issuing_state": d.issuing_state or "", "kind": d.kind or ""}
            for d in listed.documents
        ],
        "listed_on": _date_or_none(listed.listed_on),
        "details": {
            "list_type": listed.list_type,
            "comments": listed.comments,
            "birth_places": list(listed.birth_places),
            "extra": listed.extra,
        },
        "content_hash": listed.content_hash(),
        "removed_at": None,
    }


def _date_or_none(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def watchlist_import(
    *,
    actor: Actor,
    watchlist_code: str,
    data: bytes,
    file_name: str,
    file_format: str,
    mapping: Mapping[str, Any] | None = None,
) -> ImportSummary:
    """Bring a watchlist in line with a list file (agency administrators of the owner)."""
    watchlist = access.watchlist_for_change(officer=actor.officer, code=watchlist_code)
    result = _read(data, file_format, mapping)
    if not result.complete:
        raise ServiceError(
            [Problem(i.code, f"file.{i.field}", i.message) for i in result.errors[:20]]
            or [Problem("unreadable", "file", "the file could not be read")]
        )
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        locked = Watchlist.objects.select_for_update().get(pk=watchlist.pk)
        summary = _apply(actor, locked, result, file_name, file_format, digest)
    return summary


def _apply(
    actor: Actor,
    watchlist: Watchlist,
    result: ListReadResult,
    file_name: str,
    file_format: str,
    digest: str,
) -> ImportSummary:
    imported = WatchlistEntry.objects.filter(
        watchlist=watchlist, origin=WatchlistEntry.Origin.IMPORT
    )
    current = dict(
        imported.filter(removed_at__isnull=True).values_list("source_id", "content_hash")
    )
    diff = core_lists.diff_entries(current, result.entries, keep=result.rejected_ids)
    revision = revision_next() if diff.added or diff.changed or diff.removed else None
    if revision is not None:
        _write(watchlist, imported, diff, revision)
    run = ImportRun.objects.create(
        watchlist=watchlist,
        officer=actor.officer,
        file_name=file_name[:255],
        file_format=file_format,
        sha256=digest,
        generated_on=result.generated_on or "",
        added=len(diff.added),
        changed=len(diff.changed),
        removed=len(diff.removed),
        unchanged=diff.unchanged,
        warnings=[w.to_json() for w in result.warnings[:KEPT_WARNINGS]],
    )
    summary = ImportSummary(
        import_run_id=run.pk,
        watchlist=watchlist.code,
        file_name=run.file_name,
        sha256=digest,
        generated_on=result.generated_on,
        added=run.added,
        changed=run.changed,
        removed=run.removed,
        unchanged=run.unchanged,
        revision=revision,
        warnings=run.warnings,
        warning_count=len(result.warnings),
        rejected=[e.to_json() for e in result.errors[:KEPT_WARNINGS]],
    )
    audit_record(
        actor=actor,
        action="watchlist.import",
        object_type="watchlist",
        object_id=watchlist.code,
        details={k: v for k, v in summary.as_json().items() if k not in ("warnings", "rejected")},
    )
    return summary


def _write(
    watchlist: Watchlist, imported: QuerySet[WatchlistEntry], diff: ListDiff, revision: int
) -> None:
    now = timezone.now()
    incoming = {e.source_id: e for e in (*diff.added, *diff.changed)}
    # An entry delisted earlier and listed again is the same row, brought back.
    existing = {row.source_id: row for row in imported.filter(source_id__in=list(incoming))}
    new_rows = []
    for source_id, listed in incoming.items():
        fields = _stored_fields(listed)
        row = existing.get(source_id)
        if row is None:
            new_rows.append(
                WatchlistEntry(
                    watchlist=watchlist,
                    source_id=source_id,
                    origin=WatchlistEntry.Origin.IMPORT,
                    revision=revision,
                    **fields,
                )
            )
            continue
        for name, value in fields.items():
            setattr(row, name, value)
        row.revision = revision
        row.updated_at = now
    WatchlistEntry.objects.bulk_create(new_rows, batch_size=1000)
    WatchlistEntry.objects.bulk_update(
        existing.values(),
        [*_stored_fields_names(), "revision", "updated_at"],
        batch_size=500,
    )
    imported.filter(source_id__in=list(_removed_ids(diff)), removed_at__isnull=True).update(
        removed_at=now, revision=revision, updated_at=now
    )


def _stored_fields_names() -> list[str]:
    return [
        "names",
        "search_text",
        "birth_dates",
        "nationalities",
        "sex",
        "documents",
        "listed_on",
        "details",
        "content_hash",
        "removed_at",
    ]


def _removed_ids(diff: ListDiff) -> list[str]:
    return list(diff.removed)
