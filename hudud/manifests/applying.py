"""Applying a submission's lists to its flight: parts replaced, travellers added, updated in
place or removed, and each change recorded (`versions` decides which; this writes it)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from hudud.core import paxlst
from hudud.manifests import versions
from hudud.manifests.boarding import Decision
from hudud.manifests.models import (
    Flight,
    ListPart,
    ManifestChange,
    ManifestTraveller,
    Submission,
)
from hudud.manifests.reading import Reading, list_type_of
from hudud.manifests.screening import Outcome


def lists_apply(
    flight: Flight,
    submission: Submission,
    manifest: paxlst.Manifest,
    found: list[Reading],
    results: list[tuple[Outcome, Decision]],
    moment: datetime,
) -> list[ManifestChange]:
    # A list sent empty (a crew list with nobody on it yet) still replaces what was there.
    by_list: dict[str, list[paxlst.Message]] = defaultdict(list)
    for message in manifest.messages:
        if message.readable:
            by_list[list_type_of(message)].append(message)
    changes: list[ManifestChange] = []
    for list_type, messages in by_list.items():
        chosen = [i for i, r in enumerate(found) if r.list_type == list_type]
        retired = _update_parts(flight, submission, list_type, messages, moment)
        changes += _apply_list(
            flight,
            submission,
            list_type,
            retired,
            [found[i] for i in chosen],
            [results[i] for i in chosen],
            moment,
        )
    ManifestChange.objects.bulk_create(changes)
    return changes


def _apply_list(
    flight: Flight,
    submission: Submission,
    list_type: str,
    retired: set[int],
    found: Sequence[Reading],
    results: Sequence[tuple[Outcome, Decision]],
    moment: datetime,
) -> list[ManifestChange]:
    rows = list(
        ManifestTraveller.objects.filter(
            flight=flight, list_type=list_type, removed_at__isnull=True
        )
    )
    existing = [versions.Existing(r.pk, r.identity_key, r.part, r.content_hash) for r in rows]
    result = versions.diff(existing, [(r.key, r.content) for r in found], retired)
    by_id = {row.pk: row for row in rows}
    # The first list of a flight, and a part completing a split list, change nothing that was
    # there: only a message replacing parts already received is a change to record.
    record = bool(rows) and bool(retired)
    changes: list[ManifestChange] = []
    new_rows, updated = [], []
    for index, (reading, (outcome, decision)) in enumerate(zip(found, results, strict=True)):
        values = _row_values(reading, outcome, decision, submission, moment)
        if index in result.updated:
            row = by_id[result.updated[index]]
            before = {name: getattr(row, name) for name in versions.COMPARED_FIELDS}
            for name, value in values.items():
                setattr(row, name, value)
            if index in result.changed:
                row.changed_at = moment
                fields = versions.differences(before, reading.fields)
                changes.append(_change(flight, submission, row, "changed", moment, fields))
            updated.append(row)
        else:
            row = ManifestTraveller(flight=flight, added_at=moment, changed_at=moment, **values)
            new_rows.append(row)
            if record:
                changes.append(_change(flight, submission, row, "added", moment))
    ManifestTraveller.objects.bulk_create(new_rows)
    if updated:
        ManifestTraveller.objects.bulk_update(updated, [*_UPDATED_FIELDS])
    gone = [by_id[pk] for pk in result.removed]
    ManifestTraveller.objects.filter(pk__in=result.removed).update(removed_at=moment)
    changes += [_change(flight, submission, row, "removed", moment) for row in gone]
    return changes


_UPDATED_FIELDS = (
    "submission", "list_type", "part", "position", "identity_key", "content_hash", "role",
    "surname", "given_names", "sex", "birth_date", "nationality", "document_type",
    "document_number", "document_issuing_state", "findings_count", "board_status",
    "screening_status", "details", "screened_at", "changed_at",
)  # fmt: skip


def _row_values(
    reading: Reading, outcome: Outcome, decision: Decision, submission: Submission, moment: datetime
) -> dict[str, Any]:
    return {
        **reading.fields,
        "submission": submission,
        "list_type": reading.list_type,
        "part": reading.part,
        "position": reading.position,
        "identity_key": reading.key,
        "content_hash": reading.content,
        "findings": [
            {"code": f.code, "field": f.field, "message": f.message} for f in reading.findings
        ],
        "findings_count": len(reading.findings),
        "board_status": decision.status,
        "board_reasons": decision.reasons,
        "screening_status": outcome.status,
        "hits": outcome.hits,
        "screened_at": moment,
    }


def _change(
    flight: Flight,
    submission: Submission,
    row: ManifestTraveller,
    kind: str,
    moment: datetime,
    fields: dict[str, Any] | None = None,
) -> ManifestChange:
    name = f"{row.surname}, {row.given_names}".strip(", ")
    return ManifestChange(
        flight=flight,
        submission=submission,
        traveller=row,
        kind=kind,
        at=moment,
        version=flight.version,
        name=name[:240],
        fields=_jsonable(fields or {}),
    )


def _jsonable(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: [v.isoformat() if hasattr(v, "isoformat") else v for v in pair]
        for name, pair in fields.items()
    }


def _update_parts(
    flight: Flight,
    submission: Submission,
    list_type: str,
    messages: list[paxlst.Message],
    moment: datetime,
) -> set[int]:
    current = list(ListPart.objects.filter(flight=flight, list_type=list_type, current=True))
    incoming = [
        versions.IncomingPart(m.part or 0, m.common_access_ref or "", m.last_part is not False)
        for m in messages
    ]
    retired = versions.retired_parts(
        [versions.PartRef(p.part, p.series, p.last_part) for p in current], incoming
    )
    ListPart.objects.filter(pk__in=[p.pk for p in current if p.part in retired]).update(
        current=False
    )
    ListPart.objects.bulk_create(
        ListPart(
            flight=flight,
            submission=submission,
            list_type=list_type,
            series=(m.common_access_ref or "")[:40],
            part=m.part or 0,
            last_part=m.last_part is not False,
            message_ref=(m.reference or "")[:40],
            travellers=len(m.travellers),
            declared=m.declared_counts.get("41" if list_type == "crew" else "42"),
            received_at=moment,
        )
        for m in messages
    )
    return retired
