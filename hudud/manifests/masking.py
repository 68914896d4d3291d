"""Advance passenger information as an officer may see it: birth dates and document numbers
masked by `hudud.agencies.mandates.FIELD_RULES` (analysts read every board but see only birth
years and the ends of document numbers).

A row's columns (`birth_date`, `document_number`) and an arrival's document are masked where
they are shown: serialised (`api.py`, through `mandates.birth_date_json` and `reveal`) or
rendered (the templates' `{% reveal %}` and `{% sees %}` tags). Free-form JSON whose shape only
this app knows (a row's `details`: documents, the raw birth date, and the texts of findings,
reasons and hits that quote them; a change's before/after pairs) is masked here, by the
selectors that read it, on instances that are never saved.
"""

from __future__ import annotations

from typing import Any

from hudud.agencies.mandates import reveal, sees_in_full
from hudud.agencies.models import Officer
from hudud.manifests.models import ManifestTraveller


def _documents(officer: Officer, documents: Any) -> Any:
    if not isinstance(documents, list):
        return documents
    return [
        {**d, "number": reveal(officer, "document_number", str(d.get("number") or ""))}
        if isinstance(d, dict)
        else d
        for d in documents
    ]


def change_fields_for(officer: Officer, fields: dict[str, Any]) -> dict[str, Any]:
    """`{"field": [before, after]}` of a manifest change with the masked fields masked.

    >>> change_fields_for(analyst, {"birth_date": ["1984-03-02", "1984-02-03"]})
    {'birth_date': ['1984-••-••', '1984-••-••']}
    """
    if sees_in_full(officer, "birth_date") and sees_in_full(officer, "document_number"):
        return fields
    masked = dict(fields)
    if isinstance(masked.get("birth_date"), list):
        masked["birth_date"] = [
            reveal(officer, "birth_date", v) if isinstance(v, str) else v
            for v in masked["birth_date"]
        ]
    if isinstance(masked.get("documents"), list):
        masked["documents"] = [_documents(officer, side) for side in masked["documents"]]
    return masked


def answers_for(officer: Officer, answers: Any) -> Any:
    """The per-traveller answers of a submission: a carrier's own in full (its system matches
    them to its passengers by document number), masked for officers outside the rule."""
    if officer.role == Officer.Role.CARRIER or not isinstance(answers, list):
        return answers
    return [
        {**a, "document_number": reveal(officer, "document_number", a.get("document_number"))}
        if isinstance(a, dict)
        else a
        for a in answers
    ]


def _sees_all(officer: Officer) -> bool:
    return sees_in_full(officer, "birth_date") and sees_in_full(officer, "document_number")


def _texts(items: Any, key: str, secrets: dict[str, str]) -> Any:
    if not isinstance(items, list):
        return items
    out = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get(key), str):
            text = item[key]
            for value, masked in secrets.items():
                text = text.replace(value, masked)
            item = {**item, key: text}
        out.append(item)
    return out


def row_details_for(officer: Officer, row: ManifestTraveller) -> None:
    """Mask, in memory, what `row.details` holds of its birth date and documents, including
    the messages that quote them ("document 1 (K12345678): expired ...")."""
    if _sees_all(officer):
        return
    numbers = [row.document_number] + [
        str(d.get("number") or "") for d in row.documents if isinstance(d, dict)
    ]
    secrets = {n: reveal(officer, "document_number", n) or "" for n in numbers if n}
    births = [row.birth_date.isoformat() if row.birth_date else "", str(row.birth_date_raw or "")]
    secrets.update({b: reveal(officer, "birth_date", b) or "" for b in births if b})
    details = dict(row.details)
    details["documents"] = _documents(officer, row.documents)
    if row.birth_date_raw:
        details["birth_date_raw"] = secrets[str(row.birth_date_raw)]
    details["findings"] = _texts(row.findings, "message", secrets)
    details["board_reasons"] = _texts(row.board_reasons, "message", secrets)
    details["hits"] = _texts(row.hits, "summary", secrets)
    row.details = details
