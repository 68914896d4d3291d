"""What a list reader returns: listed entries with their names and documents, and issues as data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from hudud.core.screening.model import Document, Entry

Script = Literal["latin", "arabic", "other"]
NameKind = Literal["primary", "original_script", "alias"]
Quality = Literal["good", "low"]
# Bumped when the canonical form changes, so that stored hashes can never match by accident.
HASH_VERSION = "listed-entry/1"
# Screening order of alias qualities: unstated quality is read as good, the engine decides.
_QUALITY_RANK = {"good": 0, None: 1, "low": 2}


@dataclass(frozen=True, slots=True)
class ListedName:
    """One name of a listed person, in the script it is written in."""

    full_name: str
    script: Script
    kind: NameKind
    quality: Quality | None = None


@dataclass(frozen=True, slots=True)
class ListedDocument:
    """A document the list names: number as listed, issuing state as ISO alpha-3 when known."""

    number: str
    issuing_state: str | None = None
    kind: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ListedEntry:
    """One listed person as an importer read it, richer than what the screening engine needs.

    `source_id` is stable within the source (the UN reference number, a CSV id column).
    `birth_dates` hold "YYYY-MM-DD", "YYYY-MM" or "YYYY"; `nationalities` ISO alpha-3 codes;
    `extra` JSON-ready details kept for officers (titles, addresses, notes); it takes part in
    equality and in `content_hash`, not in `hash()`.
    """

    source_id: str
    names: tuple[ListedName, ...]
    birth_dates: tuple[str, ...] = ()
    birth_places: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    sex: Literal["M", "F"] | None = None
    documents: tuple[ListedDocument, ...] = ()
    listed_on: str | None = None
    list_type: str | None = None
    comments: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    def screening_names(self) -> tuple[str, ...]:
        """Names in screening order: primary, original script, good aliases, then low ones.

        >>> ListedEntry("X1", (ListedName("Abu Zzz", "latin", "alias", "low"),
        ...     ListedName("Zzz Testname", "latin", "primary"))).screening_names()
        ('Zzz Testname', 'Abu Zzz')
        """
        rank = {"primary": 0, "original_script": 1}
        ordered = sorted(
            self.names,
            key=lambda name: (rank.get(name.kind, 2), _QUALITY_RANK[name.quality]),
        )
        return _unique(name.full_name for name in ordered)

    def to_screening_entry(
        self, list_id: str, *, entry_id: str | None = None, threshold: float | None = None
    ) -> Entry:
        """The engine's view of this entry; `entry_id` defaults to `source_id`.

        >>> ListedEntry("QDi.001", (ListedName("Zzz Testname", "latin", "primary"),),
        ...     nationalities=("IRQ",)).to_screening_entry("un").names
        ('Zzz Testname',)
        """
        return Entry(
            id=entry_id if entry_id is not None else self.source_id,
            names=self.screening_names(),
            birth_dates=self.birth_dates,
            nationalities=self.nationalities,
            sex=self.sex,
            documents=tuple(Document(d.number, d.issuing_state) for d in self.documents),
            list_id=list_id,
            threshold=threshold,
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of every field (names and documents as objects)."""
        return {
            "source_id": self.source_id,
            "names": [
                {"full_name": n.full_name, "script": n.script, "kind": n.kind, "quality": n.quality}
                for n in self.names
            ],
            "birth_dates": list(self.birth_dates),
            "birth_places": list(self.birth_places),
            "nationalities": list(self.nationalities),
            "sex": self.sex,
            "documents": [
                {
                    "number": d.number,
                    "issuing_state": d.issuing_state,
                    "kind": d.kind,
                    "note": d.note,
                }
                for d in self.documents
            ],
            "listed_on": self.listed_on,
            "list_type": self.list_type,
            "comments": self.comments,
            "extra": self.extra,
        }

    def content_hash(self) -> str:
        """sha256 (hex) of a canonical JSON of every field: equal entries, equal hashes.

        >>> len(ListedEntry("X1", ()).content_hash())
        64
        """
        canonical = json.dumps(
            [HASH_VERSION, self.to_json()],
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ReadIssue:
    """One error or warning: a stable `code`, the `field` it concerns, a message for people,
    and where it was found: the entry's `source_id` and, for CSV, the `row` (header = row 1)."""

    code: str
    field: str
    message: str
    source_id: str | None = None
    row: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "field": self.field,
            "message": self.message,
            "source_id": self.source_id,
            "row": self.row,
        }


@dataclass(frozen=True, slots=True)
class ListReadResult:
    """What a reader made of one file.

    `entries` are the records read; a record with an error is left out and named in the error.
    Warnings name values that were dropped (an unknown country, a bad date) from entries that
    were kept. `complete` is False when the reader could not go through the whole file (not
    this format, a missing column, broken CSV): then entries missing from it are not evidence
    of a removal. `skipped` counts records deliberately not read (UN entities).
    """

    entries: tuple[ListedEntry, ...]
    warnings: tuple[ReadIssue, ...] = ()
    errors: tuple[ReadIssue, ...] = ()
    generated_on: str | None = None
    skipped: int = 0
    complete: bool = True

    @property
    def rejected_ids(self) -> frozenset[str]:
        """Source ids of records rejected with an error: pass them to `diff_entries(keep=...)`."""
        return frozenset(i.source_id for i in self.errors if i.source_id is not None)

    def to_json(self) -> dict[str, Any]:
        return {
            "entries": [entry.to_json() for entry in self.entries],
            "warnings": [issue.to_json() for issue in self.warnings],
            "errors": [issue.to_json() for issue in self.errors],
            "generated_on": self.generated_on,
            "skipped": self.skipped,
            "complete": self.complete,
        }


@dataclass(slots=True)
class IssueLog:
    """Collects issues while a reader runs; the result keeps them as immutable tuples."""

    errors: list[ReadIssue] = field(default_factory=list)
    warnings: list[ReadIssue] = field(default_factory=list)

    def error(
        self,
        code: str,
        field_name: str,
        message: str,
        *,
        source_id: str | None = None,
        row: int | None = None,
    ) -> None:
        self.errors.append(ReadIssue(code, field_name, message, source_id, row))

    def warn(
        self,
        code: str,
        field_name: str,
        message: str,
        *,
        source_id: str | None = None,
        row: int | None = None,
    ) -> None:
        self.warnings.append(ReadIssue(code, field_name, message, source_id, row))

    def result(
        self,
        entries: Iterable[ListedEntry],
        *,
        generated_on: str | None = None,
        skipped: int = 0,
        complete: bool = True,
    ) -> ListReadResult:
        return ListReadResult(
            entries=tuple(entries),
            warnings=tuple(self.warnings),
            errors=tuple(self.errors),
            generated_on=generated_on,
            skipped=skipped,
            complete=complete,
        )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
